import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { toFsAppError } from './db/fsErrors';

/**
 * Writes a file so that readers see the old content or the whole new one, never a torn file: a
 * temp file in the same folder, flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const target = path.resolve(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'w');
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
