import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';
import { SNIFF_BYTES } from './mediaType';

/** Where the bytes of a blob being stored go; injectable so tests can make the disk fill up. */
export interface TempFile {
  write(chunk: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type OpenTemp = (file: string) => Promise<TempFile>;

export const openTempFile: OpenTemp = async (file) => {
  const fh = await fsp.open(file, 'wx', 0o600);
  return {
    async write(chunk) {
      let off = 0;
      while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
    },
    sync: () => fh.sync(),
    close: () => fh.close(),
  };
};

export interface StoredBlob {
  sha256: string;
  size: number;
  /** The first SNIFF_BYTES bytes, for the media type. */
  head: Buffer;
  /** false when the same content was already in the store. */
  created: boolean;
}

export interface PutOptions {
  /** Bytes above this abort the copy with the error `tooLarge` gives. */
  limit: number;
  tooLarge: () => AppError;
  /** Names the file in a disk-full message. */
  what: string;
}

const SHA = /^[0-9a-f]{64}$/;
const TEMP = /^(\d+)-\d+-[0-9a-f]+\.part$/;
const isWindows = process.platform === 'win32';

async function fsyncPath(p: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (isWindows && fs.statSync(p).isDirectory()) return;
  const fh = await fsp.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The content-addressed file store under `<workspace>/evidence`: `ab/<sha256>` per blob, written
 * through a temp file in `.tmp` (same file system, so the rename is atomic), fsynced before and
 * after the rename. A blob is durable when `put` returns; only then may a row point at it.
 */
export class BlobStore {
  readonly tempDir: string;

  constructor(
    readonly root: string,
    private readonly openTemp: OpenTemp = openTempFile,
  ) {
    this.tempDir = path.join(root, '.tmp');
  }

  blobPath(sha256: string): string {
    if (!SHA.test(sha256)) throw new AppError('invalid-input', `${sha256} is not a SHA-256 digest.`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.blobPath(sha256));
  }

  async put(source: AsyncIterable<Uint8Array>, opts: PutOptions): Promise<StoredBlob> {
    await this.ensureDir(this.root);
    await this.ensureDir(this.tempDir);
    const tmp = path.join(
      this.tempDir,
      `${process.pid}-${Date.now()}-${randomBytes(6).toString('hex')}.part`,
    );
    let file: TempFile | undefined;
    try {
      file = await this.openTemp(tmp);
      const hash = createHash('sha256');
      const head = Buffer.alloc(SNIFF_BYTES);
      let size = 0;
      for await (const chunk of source) {
        if (size + chunk.length > opts.limit) throw opts.tooLarge();
        if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
        size += chunk.length;
        hash.update(chunk);
        await file.write(chunk);
      }
      await file.sync();
      const closing = file;
      file = undefined;
      await closing.close();
      const sha256 = hash.digest('hex');
      const created = await this.install(tmp, sha256, size);
      return { sha256, size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)), created };
    } catch (err) {
      await file?.close().catch(() => {});
      await fsp.rm(tmp, { force: true }).catch(() => {});
      throw this.toAppError(err, opts.what);
    }
  }

  /** Moves a durable temp file to its content address, or drops it when the blob is there already. */
  private async install(tmp: string, sha256: string, size: number): Promise<boolean> {
    const final = this.blobPath(sha256);
    const shard = path.dirname(final);
    await this.ensureDir(shard);
    const existing = await fsp.stat(final).catch(() => null);
    let created = false;
    if (existing?.isFile() && existing.size === size) {
      await fsp.rm(tmp, { force: true });
      await fsyncPath(final); // it may be a crash leftover still only in the page cache
    } else {
      await fsp.chmod(tmp, 0o444);
      if (existing) await fsp.chmod(final, 0o644).catch(() => {});
      await fsp.rename(tmp, final);
      created = true;
    }
    await fsyncPath(shard);
    return created;
  }

  private async ensureDir(dir: string): Promise<void> {
    if (fs.existsSync(dir)) return;
    await fsp.mkdir(dir, { recursive: true });
    // The new directory entry must be durable too, or a rename into it could vanish with it.
    await fsyncPath(path.dirname(dir));
  }

  private toAppError(err: unknown, what: string): AppError {
    if (err instanceof AppError) return err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      return new AppError(
        'disk-full',
        `The disk is full: ${what} was not stored. Free some space on the workspace's drive and try again.`,
      );
    }
    return toFsAppError(err, `the evidence store (${what})`);
  }

  /** Removes temp files whose writing process is gone (left by a crash or a kill); returns how many. */
  sweepTemp(): number {
    let names: string[];
    try {
      names = fs.readdirSync(this.tempDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const m = TEMP.exec(name);
      const pid = m ? Number(m[1]) : 0;
      if (pid === process.pid || (pid && pidAlive(pid))) continue;
      fs.rmSync(path.join(this.tempDir, name), { force: true, recursive: true });
      removed++;
    }
    return removed;
  }

  /** Every blob in the store, by digest. */
  listBlobs(): string[] {
    const out: string[] = [];
    let shards: string[];
    try {
      shards = fs.readdirSync(this.root);
    } catch {
      return out;
    }
    for (const shard of shards) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of fs.readdirSync(path.join(this.root, shard))) {
        if (SHA.test(name) && name.startsWith(shard)) out.push(name);
      }
    }
    return out;
  }

  delete(sha256: string): void {
    const file = this.blobPath(sha256);
    // Read-only blobs cannot be unlinked on Windows.
    if (isWindows) fs.chmodSync(file, 0o644);
    fs.rmSync(file, { force: true });
  }
}
