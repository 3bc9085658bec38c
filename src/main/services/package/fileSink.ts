import fs from 'node:fs';
import { Writable } from 'node:stream';

/**
 * The zip's destination: writes each chunk with fs.write and then calls `written(chunk)`, so a
 * pooled buffer can be reused the moment its bytes have been handed to the kernel. It owns no file
 * descriptor's life: the caller opens the file, waits for `idle()` and closes it, so a descriptor is
 * never closed under a write still in flight.
 */
export class FileSink extends Writable {
  private pending: Promise<void> = Promise.resolve();

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
          resolve();
          cb(err);
        });
      };
      step(0);
    });
  }

  /** Resolves when no write is in flight. */
  idle(): Promise<void> {
    return this.pending;
  }
}
