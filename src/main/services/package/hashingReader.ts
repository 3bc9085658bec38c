import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';

// Payload files are read and SHA-256-hashed on a worker thread, so hashing runs beside the main
// thread's zipping (CRC-32) and writing instead of taking turns with it. The bytes travel in a
// fixed pool of shared 1 MiB slots: the worker fills a free slot, the main thread zips it, and the
// output sink hands the slot back once the bytes are on their way to disk. Nothing is allocated per
// chunk, so memory stays at the pool's size however large the package is. The worker is plain
// JavaScript passed as source: it runs the same from the Vite bundle, from vitest and in Electron.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { pool, chunk } = workerData;
const free = Array.from({ length: pool.byteLength / chunk }, (_, i) => i);
const queue = [];
let current;
function next() {
  while (true) {
    if (!current) {
      current = queue.shift();
      if (!current) return;
      try {
        current.fd = fs.openSync(current.path, 'r');
      } catch (err) {
        parentPort.postMessage({ type: 'error', id: current.id, message: err.message, code: err.code });
        current = undefined;
        continue;
      }
      current.hash = crypto.createHash('sha256');
      current.size = 0;
    }
    if (free.length === 0) return;
    const f = current;
    let n;
    const slot = free.pop();
    try {
      n = fs.readSync(f.fd, new Uint8Array(pool, slot * chunk, chunk), 0, chunk, null);
    } catch (err) {
      free.push(slot);
      fs.closeSync(f.fd);
      current = undefined;
      parentPort.postMessage({ type: 'error', id: f.id, message: err.message, code: err.code });
      continue;
    }
    if (n === 0) {
      free.push(slot);
      fs.closeSync(f.fd);
      current = undefined;
      parentPort.postMessage({ type: 'end', id: f.id, sha256: f.hash.digest('hex'), size: f.size });
      continue;
    }
    f.hash.update(new Uint8Array(pool, slot * chunk, n));
    f.size += n;
    parentPort.postMessage({ type: 'data', id: f.id, slot, n });
  }
}
parentPort.on('message', (m) => {
  if (m.type === 'open') queue.push({ id: m.id, path: m.path });
  else if (m.type === 'release') free.push(m.slot);
  next();
});
`;

const CHUNK = 1024 * 1024;
/** Slots in flight between the worker, the zip and the disk: the pool's whole memory is 8 MiB. */
const SLOTS = 8;

type WorkerMessage =
  | { type: 'data'; id: number; slot: number; n: number }
  | { type: 'end'; id: number; sha256: string; size: number }
  | { type: 'error'; id: number; message: string; code?: string };

export interface HashedStream {
  stream: Readable;
  /** Resolves with the SHA-256 and size of everything the stream yielded, once it has ended. */
  digest: Promise<{ sha256: string; size: number }>;
}

/** One worker and one slot pool for the files of one package, read one after another. */
export class HashingReader {
  private readonly pool = new SharedArrayBuffer(CHUNK * SLOTS);
  private readonly worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { pool: this.pool, chunk: CHUNK },
  });
  private readonly handlers = new Map<number, (m: WorkerMessage) => void>();
  private readonly slots = new WeakMap<Buffer, number>();
  private next = 1;
  private closed?: Promise<number>;

  constructor() {
    this.worker.on('message', (m: WorkerMessage) => this.handlers.get(m.id)?.(m));
    this.worker.unref();
  }

  /** Gives a chunk's slot back to the worker; any other buffer is ignored. Call once per chunk. */
  release(chunk: Buffer): void {
    const slot = this.slots.get(chunk);
    if (slot === undefined || this.closed) return;
    this.slots.delete(chunk);
    this.worker.postMessage({ type: 'release', slot });
  }

  open(file: string): HashedStream {
    const id = this.next++;
    let settle!: { resolve: (d: { sha256: string; size: number }) => void; reject: (e: Error) => void };
    const digest = new Promise<{ sha256: string; size: number }>((resolve, reject) => {
      settle = { resolve, reject };
    });
    digest.catch(() => {});
    // The pool, not the stream's buffer, bounds what is read ahead.
    const stream = new Readable({ read() {} });
    this.handlers.set(id, (m) => {
      if (m.type === 'data') {
        const chunk = Buffer.from(this.pool, m.slot * CHUNK, m.n);
        this.slots.set(chunk, m.slot);
        stream.push(chunk);
      } else if (m.type === 'end') {
        this.handlers.delete(id);
        settle.resolve({ sha256: m.sha256, size: m.size });
        stream.push(null);
      } else {
        this.handlers.delete(id);
        const err = Object.assign(new Error(m.message), { code: m.code });
        settle.reject(err);
        stream.destroy(err);
      }
    });
    this.worker.postMessage({ type: 'open', id, path: file });
    return { stream, digest };
  }

  /** Ends the worker; safe to call more than once. */
  close(): Promise<number> {
    this.closed ??= this.worker.terminate();
    return this.closed;
  }
}
