import { workerRequests } from './workerRequests';

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

const request = workerRequests<Reply>(
  () => ({ code: WORKER_SOURCE }),
  (message) => ({ error: { message } }),
);

/** SHA-256, size and first `headBytes` bytes of a file, read on one worker the whole process shares. */
export async function digestFile(file: string, headBytes: number): Promise<FileDigest> {
  const r = await request({ path: file, head: headBytes });
  if ('error' in r) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return { sha256: r.sha256, size: r.size, head: Buffer.from(r.head) };
}
