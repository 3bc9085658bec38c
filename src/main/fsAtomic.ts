import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { AppError } from '../shared/errors';
import { toFsAppError } from './db/fsErrors';
import { exportFileMode } from './privateFiles';

// Two ways to replace a file whole: from bytes in memory, or streamed (exports). Both write a temp
// file beside the target, fsync it, rename it over the target and fsync the folder.

/**
 * Writes a file so that readers see the old content or the whole new one, never a torn file: a
 * temp file in the same folder, flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, mode?: number): void {
  const target = path.resolve(file);
  const tmp = tempPathBeside(target);
  try {
    const fd = fs.openSync(tmp, 'wx', mode ?? exportFileMode(path.dirname(target)));
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    syncDir(path.dirname(target));
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw folderMissing(path.dirname(target));
    throw toFsAppError(err, target);
  }
}

/** The sentence for a target whose folder is not there. */
export function folderMissing(dir: string): AppError {
  return new AppError('not-found', `The folder ${dir} does not exist.`);
}

/** A hidden, unique temp name in the same folder, so the final rename never crosses a file system. */
export function tempPathBeside(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
}

export interface AtomicWriteOptions {
  /** Opens the stream the writer fills; tests inject one that fails part-way. */
  createStream?: (tmpPath: string) => Writable;
}

/**
 * Streams a file into a temp file beside `target`, fsyncs it and renames it into place, so a failed
 * or interrupted export never leaves a half file under the final name. `what` names the file in
 * error messages ("the gap register").
 */
export async function writeAtomically(
  target: string,
  what: string,
  write: (out: Writable) => Promise<void>,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const stat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    throw new AppError('not-found', `The folder ${dir} does not exist. Choose an existing folder.`);
  }
  const tmp = tempPathBeside(path.resolve(target));
  let out: Writable | undefined;
  try {
    const mode = exportFileMode(dir);
    const stream = (opts.createStream ?? ((p) => fs.createWriteStream(p, { flags: 'wx', mode })))(tmp);
    out = stream;
    // A stream error (disk full, permission) must reject, not crash the process as an unhandled event.
    const failed = new Promise<never>((_, reject) => stream.on('error', reject));
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    failed.catch(() => {});
    await Promise.race([write(stream), failed]);
    if (!stream.writableEnded) stream.end();
    await Promise.race([closed, failed]);
    syncFile(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    // Close the half-written file before removing it (Windows cannot delete an open file).
    out?.destroy();
    fs.rmSync(tmp, { force: true });
    throw toFsAppError(err, what);
  }
  syncDir(dir);
}

/** Flushes a written file's data to disk. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes a rename in `dir` durable; not every platform can open a directory, which is fine. */
export function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot fsync a directory; the rename is still atomic there.
  }
}

/** File systems without hard links (FAT and exFAT USB sticks, some network shares). */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/**
 * Moves a finished temp file to `target` only if nothing is there: a hard link is created
 * exclusively, then the temp name removed. Where links do not exist, the existence check and the
 * rename are two steps; Zonewalk's own writers never race there, as each claims its names first.
 */
export function renameNoReplace(tmp: string, target: string): void {
  const exists = () => new AppError('conflict', `${target} already exists. Nothing was overwritten.`);
  try {
    fs.linkSync(tmp, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw exists();
    if (!NO_LINKS.has(code)) throw err;
    if (fs.existsSync(target)) throw exists();
    fs.renameSync(tmp, target);
    return;
  }
  fs.rmSync(tmp, { force: true });
}
