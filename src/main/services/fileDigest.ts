import { Worker } from 'node:worker_threads';

// Files are SHA-256-hashed on a worker thread, so hashing runs beside the main thread's work
// (database commits, the window's requests) and the thread pool's copying instead of taking turns
// with it. The worker is plain JavaScript passed as source: it runs the same from the Vite bundle,
// from vitest and in Electron.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const CHUNK = 1024 * 1024;
const scratch = Buffer.allocUnsafe(CHUNK);
parentPort.on('message', (m) => {
  let fd;
  try {
    fd = fs.openSync(m.path, 'r');
    const hash = crypto.createHash('sha256');
    let size = 0;
    let head;
    let n;
    while ((n = fs.readSync(fd, scratch, 0, CHUNK, null)) > 0) {
      if (!head) head = Uint8Array.prototype.slice.call(scratch, 0, Math.min(n, m.head));
      hash.update(n === CHUNK ? scratch : scratch.subarray(0, n));
      size += n;
    }
    parentPort.postMessage({ id: m.id, sha256: hash.digest('hex'), size, head: head ?? new Uint8Array(0) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: { message: err.message, code: err.code } });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
});
`;

export interface FileDigest {
  sha256: string;
  size: number;
  /** The file's first bytes, at most as many as asked for. */
  head: Buffer;
}

type Reply =
  | { id: number; sha256: string; size: number; head: Uint8Array }
  | { id: number; error: { message: string; code?: string } };

let worker: Worker | undefined;
const waiting = new Map<number, (r: Reply) => void>();
let next = 1;

function start(): Worker {
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', (r: Reply) => {
    const settle = waiting.get(r.id);
    waiting.delete(r.id);
    // The worker keeps the process alive only while a request is waiting on it.
    if (waiting.size === 0) w.unref();
    settle?.(r);
  });
  w.on('error', (err) => {
    worker = undefined;
    for (const settle of waiting.values()) settle({ id: 0, error: { message: err.message } });
    waiting.clear();
  });
  w.unref();
  return w;
}

/** SHA-256, size and first `headBytes` bytes of a file, read on one worker the whole process shares. */
export function digestFile(file: string, headBytes: number): Promise<FileDigest> {
  worker ??= start();
  const w = worker;
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (r) => {
      if ('error' in r) reject(Object.assign(new Error(r.error.message), { code: r.error.code }));
      else resolve({ sha256: r.sha256, size: r.size, head: Buffer.from(r.head) });
    });
    w.ref();
    w.postMessage({ id, path: file, head: headBytes });
  });
}
