import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const CHUNK_BYTES = 1024 * 1024;

/**
 * Copies a source file to a new file; injectable so tests can make a copy fail mid-way. The default
 * lets the operating system copy (copy_file_range, clonefile, CopyFileW): the bytes never pass
 * through this process, which halves the work of a batch of camera photos.
 */
export type CopyData = (from: string, to: string) => Promise<void>;

export const copyData: CopyData = (from, to) => fsp.copyFile(from, to, fs.constants.COPYFILE_EXCL);

export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

export function tooLarge(name: string, size: number | null, limit: number): AppError {
  return new AppError(
    'too-large',
    `${name} is ${size === null ? 'larger than' : `${formatBytes(size)}, above`} the evidence limit of ${formatBytes(limit)}; split it or raise the limit in the settings.`,
  );
}

/** Why a path cannot be evidence, in one sentence; null for a regular, non-empty file under the limit. */
export function refusal(name: string, st: fs.Stats, limit: number): AppError | null {
  if (st.isSymbolicLink())
    return new AppError('invalid-file', `${name} is a symbolic link; add the file it points to instead.`);
  if (st.isDirectory())
    return new AppError(
      'invalid-file',
      `${name} is a folder; add it as a folder ("Add folder" in the app, evidence add-folder on the command line).`,
    );
  if (st.isFIFO())
    return new AppError('invalid-file', `${name} is a pipe, not a file; only regular files can be evidence.`);
  if (st.isSocket())
    return new AppError(
      'invalid-file',
      `${name} is a socket, not a file; only regular files can be evidence.`,
    );
  if (st.isBlockDevice() || st.isCharacterDevice())
    return new AppError(
      'invalid-file',
      `${name} is a device, not a file; only regular files can be evidence.`,
    );
  if (!st.isFile())
    return new AppError('invalid-file', `${name} is not a regular file; only regular files can be evidence.`);
  if (st.size === 0)
    return new AppError('invalid-file', `${name} is empty (0 bytes); there is nothing to keep as evidence.`);
  if (st.size > limit) return tooLarge(name, st.size, limit);
  return null;
}

function missing(name: string): AppError {
  return new AppError('not-found', `${name} does not exist; it may have been moved, or the card removed.`);
}

const NOT_UTF8 = 'named with bytes that are not valid UTF-8, so it cannot be opened by that name';
const TOO_DEEP = "nested deeper than the system's path length limit";

/**
 * A name handed over as text cannot hold bytes that are not UTF-8: they arrive as U+FFFD and the
 * path then "does not exist". True when the folder holds an entry that decodes to that very name.
 */
function hasNonUtf8Twin(file: string): boolean {
  if (!path.basename(file).includes('\uFFFD')) return false;
  try {
    return fs
      .readdirSync(path.dirname(file), { encoding: 'buffer' })
      .some((n) => !isUtf8(n) && n.toString('utf8') === path.basename(file));
  } catch {
    return false;
  }
}

const isUtf8 = (name: Buffer) => Buffer.from(name.toString('utf8'), 'utf8').equals(name);

function unreadable(name: string, err: unknown, file?: string): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' && file && hasNonUtf8Twin(file)) {
    return new AppError('invalid-file', `${name} is ${NOT_UTF8}; rename it and add it again.`);
  }
  if (code === 'ENAMETOOLONG') {
    return new AppError('invalid-file', `${name} is ${TOO_DEEP}; move it higher up and add it again.`);
  }
  if (code === 'ENOENT') return missing(name);
  if (code === 'EACCES' || code === 'EPERM')
    return new AppError('not-writable', `${name} cannot be read: permission denied.`);
  return new AppError('invalid-file', `${name} cannot be read (${code ?? (err as Error).message}).`);
}

function lostMidCopy(name: string, why: string): AppError {
  return new AppError(
    'invalid-file',
    `${name} ${why} while it was being copied; nothing was stored. Check the drive or card and add it again.`,
  );
}

export interface FileSource {
  name: string;
  size: number;
  mtimeMs: number;
  /** Copies the file to `dest` (a new file), then checks it neither vanished nor changed on the way. */
  copyTo(dest: string): Promise<void>;
  close(): Promise<void>;
}

// O_NONBLOCK keeps a FIFO swapped in after the lstat from blocking the open; O_NOFOLLOW refuses a
// symlink swapped in. Both are no-ops or absent where the platform has no such thing.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

// On Linux the copy reads through the descriptor already checked, so a path swapped after the
// checks cannot feed it another file; elsewhere the path is re-checked after the copy.
const viaDescriptor = process.platform === 'linux' && fs.existsSync('/proc/self/fd');

/**
 * Opens a path as evidence after refusing anything but a regular, non-empty file under the limit.
 * The file stays open until `close`, so its identity can be checked after the copy.
 */
export async function openFileSource(
  file: string,
  limit: number,
  copy: CopyData = copyData,
  displayName = path.basename(file),
): Promise<FileSource> {
  const name = displayName;
  let st: fs.Stats;
  try {
    st = await fsp.lstat(file);
  } catch (err) {
    throw unreadable(name, err, file);
  }
  const refused = refusal(name, st, limit);
  if (refused) throw refused;
  let fh: fsp.FileHandle;
  try {
    fh = await fsp.open(file, OPEN_FLAGS);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw refusal(name, await fsp.lstat(file), limit)!;
    throw unreadable(name, err);
  }
  const opened = await fh.stat();
  if (opened.ino !== st.ino || opened.dev !== st.dev) {
    await fh.close();
    throw lostMidCopy(name, 'was replaced');
  }
  const sameFile = (a: fs.Stats) => a.ino === opened.ino && a.dev === opened.dev;
  return {
    name,
    size: opened.size,
    mtimeMs: opened.mtimeMs,
    async copyTo(dest) {
      try {
        await copy(viaDescriptor ? `/proc/self/fd/${fh.fd}` : file, dest);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // The workspace's disk, not the source: the store words that one.
        if (code === 'ENOSPC' || code === 'EDQUOT') throw err;
        if (code === 'ENOENT') throw lostMidCopy(name, 'disappeared');
        throw lostMidCopy(name, `became unreadable (${code ?? 'read error'})`);
      }
      const after = await fh.stat();
      if (after.nlink === 0) throw lostMidCopy(name, 'disappeared');
      if (after.size !== opened.size || after.mtimeMs !== opened.mtimeMs) {
        throw lostMidCopy(name, after.size > opened.size ? 'grew' : 'changed');
      }
      // An edit in place whose tool then put the mtime back passes the checks above; where it
      // touched the first or last block, the copy no longer matches the file there.
      if (!(await sameEnds(fh, dest, opened.size))) throw lostMidCopy(name, 'changed');
      if (!viaDescriptor) {
        const now = await fsp.lstat(file).catch(() => null);
        if (!now || !sameFile(now)) throw lostMidCopy(name, 'was replaced');
      }
    },
    close: () => fh.close(),
  };
}

const END_BLOCK = 64 * 1024;

/** Whether the first and last END_BLOCK bytes of the open source equal those of its copy. */
async function sameEnds(source: fsp.FileHandle, copy: string, size: number): Promise<boolean> {
  const fh = await fsp.open(copy, 'r');
  try {
    for (const at of new Set([0, Math.max(0, size - END_BLOCK)])) {
      const length = Math.min(END_BLOCK, size - at);
      const a = Buffer.alloc(length);
      const b = Buffer.alloc(length);
      const [ra, rb] = await Promise.all([source.read(a, 0, length, at), fh.read(b, 0, length, at)]);
      if (ra.bytesRead !== rb.bytesRead || !a.equals(b)) return false;
    }
    return true;
  } finally {
    await fh.close();
  }
}

/** Bytes already in memory (sent by the window), handed out in chunks like a file. */
export async function* bufferChunks(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let off = 0; off < bytes.length; off += CHUNK_BYTES) yield bytes.subarray(off, off + CHUNK_BYTES);
}

export interface FolderEntry {
  path: string;
  /** Path inside the folder, with forward slashes. */
  relative: string;
  /** Set when the entry is not a regular file and is listed as skipped. */
  skip?: string;
}

/**
 * Every entry below `dir`, depth first, sorted; links are not followed. An entry that cannot be
 * reached by name (not UTF-8, or below the system's path length limit) is listed as skipped with
 * the reason, and the walk goes on.
 */
export function walkFolder(dir: string, max: number): FolderEntry[] {
  const out: FolderEntry[] = [];
  const visit = (abs: string, rel: string) => {
    const entries = fs
      .readdirSync(abs, { withFileTypes: true, encoding: 'buffer' })
      .map((e) => ({ e, name: e.name.toString('utf8') }))
      .sort((a, b) => a.name.localeCompare(b.name));
    for (const { e, name } of entries) {
      const p = path.join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      if (!isUtf8(e.name))
        out.push({ path: p, relative: r, skip: `${NOT_UTF8}; rename it and add it again` });
      else if (e.isDirectory()) visitOrSkip(p, r);
      else if (e.isFile()) out.push({ path: p, relative: r });
      else if (e.isSymbolicLink()) out.push({ path: p, relative: r, skip: 'a symbolic link; not followed' });
      else out.push({ path: p, relative: r, skip: 'not a regular file' });
      if (out.length > max) {
        throw new AppError(
          'too-large',
          `${dir} holds more than ${max} files; choose a smaller folder (for a camera card, its DCIM folder).`,
        );
      }
    }
  };
  const visitOrSkip = (abs: string, rel: string) => {
    try {
      visit(abs, rel);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENAMETOOLONG') throw err;
      out.push({ path: abs, relative: rel, skip: `${TOO_DEEP}; what it holds was not added` });
    }
  };
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (err) {
    throw unreadable(dir, err);
  }
  if (!st.isDirectory()) throw new AppError('invalid-file', `${dir} is not a folder.`);
  visit(dir, '');
  return out;
}
