import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { toFsAppError } from './db/fsErrors';

/**
 * Writes a file so that readers see the old content or the whole new one, never a torn file: a
 * temp file in the same folder, flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): void {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('not-found', `The folder ${path.dirname(target)} does not exist.`);
    }
    throw toFsAppError(err, target);
  }
}

/** A hidden, unique temp name in the same folder, so the final rename never crosses a file system. */
export function tempPathBeside(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
}
