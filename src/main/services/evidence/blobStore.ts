import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';
import { PRIVATE_DIR, PRIVATE_READ_ONLY } from '../../privateFiles';
import { digestFile } from '../fileDigest';
import { SNIFF_BYTES } from './mediaType';

/** Where the bytes of a blob being stored go; injectable so tests can make the disk fill up. */
export interface TempFile {
  write(chunk: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type OpenTemp = (file: string) => Promise<TempFile>;

export const openTempFile: OpenTemp = async (file) => {
  // Created read-only: the descriptor may still write, but the finished blob needs no chmod.
  const fh = await fsp.open(file, 'wx', PRIVATE_READ_ONLY);
  return {
    async write(chunk) {
      let off = 0;
      while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
    },
    // Data plus the size: what reading the file back needs. The rename is made durable by the directory fsync.
    sync: () => fh.datasync(),
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

export interface PendingBlob {
  sha256: string;
  size: number;
  head: Buffer;
  /** fsync, rename into place (fsyncing the directory unless told not to); durable when it resolves. */
  finish(syncDir?: boolean): Promise<StoredBlob>;
}

export interface PutOptions {
  /**
   * false: leave the fsync of the blob's directory to the caller (`syncDirs`), which does it once
   * for a whole group of files before their rows are committed.
   */
  syncDir?: boolean;
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
    return (await this.write(source, opts)).finish(opts.syncDir !== false);
  }

  /**
   * Copies and hashes into a temp file but does not fsync it yet: a batch writes a group of files
   * first and then makes them durable together (`finish`), so the file system can commit its
   * journal once for the group rather than once per file. Call `finish` on it; a temp file never finished is swept on the next open.
   */
  async write(source: AsyncIterable<Uint8Array>, opts: PutOptions): Promise<PendingBlob> {
    return this.stage(opts, async (tmp, holds) => {
      const file = await this.openTemp(tmp);
      holds(file);
      const hash = createHash('sha256');
      const head = Buffer.allocUnsafe(SNIFF_BYTES);
      let size = 0;
      for await (const chunk of source) {
        if (size + chunk.length > opts.limit) throw opts.tooLarge();
        if (size < SNIFF_BYTES) head.set(chunk.subarray(0, SNIFF_BYTES - size), size);
        size += chunk.length;
        hash.update(chunk);
        await file.write(chunk);
      }
      return { sha256: hash.digest('hex'), size, head: head.subarray(0, Math.min(size, SNIFF_BYTES)) };
    });
  }

  /**
   * Like `write`, for a file on disk: `copy` fills a new temp file (the operating system copies,
   * the bytes do not pass through this thread), then a worker hashes the copy. The digest is of
   * the bytes the store holds, whatever the source did meanwhile.
   */
  async copyIn(copy: (tmp: string) => Promise<void>, opts: PutOptions): Promise<PendingBlob> {
    return this.stage(opts, async (tmp, holds) => {
      await copy(tmp);
      // Windows flushes only through a writable handle, and the copy may carry a read-only mode.
      if (isWindows) await fsp.chmod(tmp, 0o600);
      const fh = await fsp.open(tmp, isWindows ? 'r+' : 'r');
      holds({
        async sync() {
          await fh.chmod(PRIVATE_READ_ONLY);
          await fh.datasync();
        },
        close: () => fh.close(),
      });
      const blob = await digestFile(tmp, SNIFF_BYTES);
      if (blob.size > opts.limit) throw opts.tooLarge();
      return blob;
    });
  }

  /**
   * A temp file that `fill` writes and hashes: on any failure it is closed and removed and the
   * error worded for the user; `finish` fsyncs it and moves it to its content address.
   */
  private async stage(
    opts: PutOptions,
    fill: (
      tmp: string,
      holds: (file: Pick<TempFile, 'sync' | 'close'>) => void,
    ) => Promise<Omit<StoredBlob, 'created'>>,
  ): Promise<PendingBlob> {
    await this.ensureDir(this.root);
    await this.ensureDir(this.tempDir);
    const tmp = this.tempName();
    let file: Pick<TempFile, 'sync' | 'close'> | undefined;
    const fail = async (err: unknown) => {
      await file?.close().catch(() => {});
      file = undefined;
      await this.removeTemp(tmp).catch(() => {});
      return this.toAppError(err, opts.what);
    };
    try {
      const blob = await fill(tmp, (f) => {
        file = f;
      });
      return {
        ...blob,
        finish: async (syncDir = true) => {
          try {
            await file?.sync();
            const closing = file;
            file = undefined;
            await closing?.close();
            return { ...blob, created: await this.install(tmp, blob.sha256, blob.size, syncDir) };
          } catch (err) {
            throw await fail(err);
          }
        },
      };
    } catch (err) {
      throw await fail(err);
    }
  }

  private tempName(): string {
    return path.join(this.tempDir, `${process.pid}-${Date.now()}-${randomBytes(6).toString('hex')}.part`);
  }

  /** Moves a durable temp file to its content address, or drops it when the blob is there already. */
  private async install(tmp: string, sha256: string, size: number, syncDir: boolean): Promise<boolean> {
    const final = this.blobPath(sha256);
    const shard = path.dirname(final);
    await this.ensureDir(shard);
    const existing = fs.statSync(final, { throwIfNoEntry: false });
    let created = false;
    if (existing?.isFile() && existing.size === size) {
      await this.removeTemp(tmp);
      await fsyncPath(final); // it may be a crash leftover still only in the page cache
    } else {
      if (existing && isWindows) await fsp.chmod(final, 0o644).catch(() => {});
      await fsp.rename(tmp, final);
      created = true;
    }
    if (syncDir) await fsyncPath(shard);
    return created;
  }

  private async removeTemp(tmp: string): Promise<void> {
    if (isWindows) await fsp.chmod(tmp, 0o644).catch(() => {});
    await fsp.rm(tmp, { force: true });
  }

  /** Makes the renames of a group of blobs durable: one fsync per directory they landed in. */
  async syncDirs(sha256s: Iterable<string>): Promise<void> {
    const dirs = new Set([...sha256s].map((sha) => path.dirname(this.blobPath(sha))));
    await Promise.all([...dirs].map(fsyncPath));
  }

  private readonly knownDirs = new Set<string>();

  private async ensureDir(dir: string): Promise<void> {
    if (this.knownDirs.has(dir)) return;
    if (!fs.existsSync(dir)) {
      await fsp.mkdir(dir, { recursive: true, mode: PRIVATE_DIR });
      // The new directory entry must be durable too, or a rename into it could vanish with it.
      await fsyncPath(path.dirname(dir));
    }
    this.knownDirs.add(dir);
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
      if (isWindows) fs.chmodSync(path.join(this.tempDir, name), 0o644);
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
