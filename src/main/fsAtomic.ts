import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { toFsAppError } from './db/fsErrors';

/** A hidden temp name in the same folder, so the final rename never crosses a file system. */
export function tempPathBeside(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
}

/** Writes, fsyncs and renames: the target is either the old file or the whole new one. */
export function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): void {
  const tmp = tempPathBeside(target);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw toFsAppError(err, target);
  }
}
