import fs from 'node:fs';
import { Writable } from 'node:stream';

/** Flush to disk in the background every this many bytes, so the final fsync has little left to do. */
const SYNC_EVERY = 256 * 1024 * 1024;

/**
 * The zip's destination: writes each chunk with fs.write and then calls `written(chunk)`, so a
 * pooled buffer can be reused the moment its bytes have been handed to the kernel. It owns no file
 * descriptor's life: the caller opens the file, waits for `idle()` and closes it, so a descriptor is
 * never closed under a write or a sync still in flight.
 */
export class FileSink extends Writable {
  private pending: Promise<void> = Promise.resolve();
  private syncing: Promise<void> = Promise.resolve();
  private sinceSync = 0;

  constructor(
    private readonly fd: number,
    private readonly written: (chunk: Buffer) => void,
  ) {
    super({ highWaterMark: 4 * 1024 * 1024 });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.pending = new Promise<void>((resolve) => {
      const step = (offset: number) => {
        fs.write(this.fd, chunk, offset, chunk.length - offset, null, (err, n) => {
          if (!err && offset + n < chunk.length) return step(offset + n);
          this.written(chunk);
          this.sinceSync += chunk.length;
          if (!err && this.sinceSync >= SYNC_EVERY) this.backgroundSync();
          resolve();
          cb(err);
        });
      };
      step(0);
    });
  }

  private backgroundSync(): void {
    this.sinceSync = 0;
    // One at a time; an error here resurfaces in the caller's final fsync.
    this.syncing = this.syncing.then(
      () => new Promise<void>((resolve) => fs.fdatasync(this.fd, () => resolve())),
    );
  }

  /** Resolves when no write and no background sync is in flight. */
  async idle(): Promise<void> {
    await this.pending;
    await this.syncing;
  }
}
