import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

// Reading and SHA-256 of payload files run on a worker thread: the main thread is left with the
// zip's CRC-32 and the writing, so hashing and zipping use both cores instead of taking turns.
// Chunks cross to the main thread by transfer, not copy. The worker is plain JavaScript passed as
// source, so it runs the same from the Vite bundle, from vitest and in Electron's main process.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const CHUNK = 1024 * 1024;
const files = new Map();
// Each file gets credits: the worker reads ahead while it has any, so reading and hashing overlap
// with the main thread's zipping; the main thread returns a credit for every chunk it wants.
function pump(id) {
  const f = files.get(id);
  while (f && f.credits > 0 && !f.done) {
    f.credits--;
    const buf = Buffer.allocUnsafeSlow(CHUNK);
    const n = fs.readSync(f.fd, buf, 0, CHUNK, null);
    if (n === 0) {
      f.done = true;
      fs.closeSync(f.fd);
      files.delete(id);
      parentPort.postMessage({ type: 'end', id, sha256: f.hash.digest('hex'), size: f.size });
      return;
    }
    f.hash.update(buf.subarray(0, n));
    f.size += n;
    parentPort.postMessage({ type: 'data', id, buf: buf.buffer, n }, [buf.buffer]);
  }
}
parentPort.on('message', (m) => {
  try {
    if (m.type === 'open') {
      files.set(m.id, { fd: fs.openSync(m.path, 'r'), hash: crypto.createHash('sha256'), size: 0, credits: m.credits, done: false });
    } else if (m.type === 'close') {
      const f = files.get(m.id);
      if (f) { fs.closeSync(f.fd); files.delete(m.id); }
      return;
    } else if (m.type === 'credit') {
      const f = files.get(m.id);
      if (f) f.credits++;
    }
    pump(m.id);
  } catch (err) {
    const f = files.get(m.id);
    if (f) { try { fs.closeSync(f.fd); } catch {} files.delete(m.id); }
    parentPort.postMessage({ type: 'error', id: m.id, message: err.message, code: err.code });
  }
});
`;

/** Chunks of 1 MiB the worker may read ahead of the zip. */
const READ_AHEAD = 8;

type WorkerMessage =
  | { type: 'data'; id: number; buf: ArrayBuffer; n: number }
  | { type: 'end'; id: number; sha256: string; size: number }
  | { type: 'error'; id: number; message: string; code?: string };

export interface HashedStream {
  stream: Readable;
  /** Resolves with the SHA-256 and size of everything the stream yielded, once it has ended. */
  digest: Promise<{ sha256: string; size: number }>;
}

/** One worker for the files of one package, read one after another. */
export class HashingReader {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly handlers = new Map<number, (m: WorkerMessage) => void>();
  private next = 1;

  constructor() {
    this.worker.on('message', (m: WorkerMessage) => this.handlers.get(m.id)?.(m));
    this.worker.unref();
  }

  open(file: string): HashedStream {
    const id = this.next++;
    let settle!: { resolve: (d: { sha256: string; size: number }) => void; reject: (e: Error) => void };
    const digest = new Promise<{ sha256: string; size: number }>((resolve, reject) => {
      settle = { resolve, reject };
    });
    digest.catch(() => {});
    const worker = this.worker;
    let ended = false;
    let started = false;
    const stream = new Readable({
      highWaterMark: READ_AHEAD * 1024 * 1024,
      read() {
        // The first call is covered by the credits given at open.
        if (started) worker.postMessage({ type: 'credit', id });
        started = true;
      },
      destroy(err, cb) {
        if (!ended) worker.postMessage({ type: 'close', id });
        cb(err);
      },
    });
    this.handlers.set(id, (m) => {
      if (m.type === 'data') stream.push(Buffer.from(m.buf, 0, m.n));
      else if (m.type === 'end') {
        ended = true;
        this.handlers.delete(id);
        settle.resolve({ sha256: m.sha256, size: m.size });
        stream.push(null);
      } else {
        ended = true;
        this.handlers.delete(id);
        const err = Object.assign(new Error(m.message), { code: m.code });
        settle.reject(err);
        stream.destroy(err);
      }
    });
    worker.postMessage({ type: 'open', id, path: file, credits: READ_AHEAD });
    return { stream, digest };
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}
