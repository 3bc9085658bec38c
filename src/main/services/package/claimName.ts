import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';

/** Enough for any burst of exports in one second; beyond it something is wrong with the folder. */
const MAX_TRIES = 1000;

export interface ClaimedStem {
  /** `<stem>` or `<stem>-2`, `-3`, … */
  stem: string;
  release(): void;
}

/**
 * Claims a file-name stem in `dir` for one export, so two exports in the same second (two windows,
 * the app and the CLI) never write the same file: a hidden claim file is created exclusively, then
 * none of the names the export will write (`stem + suffix`) may exist. Taken names are skipped to
 * the next free one. A claim left by a killed process only costs its name.
 */
export function claimStem(dir: string, stem: string, suffixes: readonly string[]): ClaimedStem {
  for (let n = 1; n <= MAX_TRIES; n++) {
    const candidate = n === 1 ? stem : `${stem}-${n}`;
    const claim = path.join(dir, `.${candidate}.claim`);
    try {
      fs.closeSync(fs.openSync(claim, 'wx'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw toFsAppError(err, `the folder ${dir}`);
    }
    if (suffixes.some((s) => fs.existsSync(path.join(dir, candidate + s)))) {
      fs.rmSync(claim, { force: true });
      continue;
    }
    return { stem: candidate, release: () => fs.rmSync(claim, { force: true }) };
  }
  throw new AppError(
    'conflict',
    `The folder ${dir} already holds ${MAX_TRIES} exports named ${stem}. Choose another folder.`,
  );
}
