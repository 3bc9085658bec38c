import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';

// Evidence files go into the zip at offsets laid out in advance (stored entries of known size), so
// several worker threads can each take the next file, read it once, SHA-256 and CRC-32 it and write
// it in place with positional writes, while the main thread renders the reports. The worker is
// plain JavaScript passed as source: it runs the same from the Vite bundle, vitest and Electron.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
const { target, files, next, chunk, report } = workerData;
const counter = new Int32Array(next);
const buf = Buffer.allocUnsafe(chunk);
const fail = (i, stage, err, read) =>
  parentPort.postMessage({ type: 'error', i, stage, code: err && err.code, message: err && err.message, read });
let out;
try {
  out = fs.openSync(target, 'r+');
  work: for (;;) {
    const i = Atomics.add(counter, 0, 1);
    if (i >= files.length) break;
    const f = files[i];
    let src;
    try {
      src = fs.openSync(f.path, 'r');
    } catch (err) {
      fail(i, 'open', err);
      break;
    }
    const hash = crypto.createHash('sha256');
    let crc = 0;
    let pos = 0;
    let unreported = 0;
    try {
      for (;;) {
        // One byte past the expected size is asked for, so a file that grew is noticed.
        let n;
        try {
          n = fs.readSync(src, buf, 0, Math.min(chunk, f.size + 1 - pos), pos);
        } catch (err) {
          fail(i, 'read', err);
          break work;
        }
        if (n === 0) break;
        if (pos + n > f.size) {
          pos += n;
          break;
        }
        const b = n === chunk ? buf : buf.subarray(0, n);
        hash.update(b);
        crc = zlib.crc32(b, crc);
        try {
          for (let o = 0; o < n; ) o += fs.writeSync(out, b, o, n - o, f.dataOffset + pos + o);
        } catch (err) {
          fail(i, 'write', err);
          break work;
        }
        pos += n;
        unreported += n;
        if (unreported >= report) {
          parentPort.postMessage({ type: 'bytes', n: unreported });
          unreported = 0;
        }
      }
    } finally {
      fs.closeSync(src);
    }
    if (pos !== f.size) {
      fail(i, 'size', null, pos);
      break;
    }
    const header = Buffer.from(f.header);
    header.writeUInt32LE(crc >>> 0, 14);
    try {
      fs.writeSync(out, header, 0, header.length, f.headerOffset);
    } catch (err) {
      fail(i, 'write', err);
      break;
    }
    parentPort.postMessage({ type: 'file', i, sha256: hash.digest('hex'), crc32: crc >>> 0, n: unreported });
  }
} catch (err) {
  fail(-1, 'write', err);
} finally {
  if (out !== undefined) fs.closeSync(out);
  parentPort.postMessage({ type: 'end' });
}
`;

const CHUNK = 1024 * 1024;
/** Progress is reported at least every this many bytes within one large file. */
const REPORT_EVERY = 64 * 1024 * 1024;

export interface PlacedFile {
  /** The file to copy in. */
  diskPath: string;
  /** Its path in the bag, for messages: `data/evidence/...`. */
  label: string;
  size: number;
  headerOffset: number;
  dataOffset: number;
  /** The local header, complete but for the CRC-32. */
  header: Buffer;
}

export interface FilledFile {
  sha256: string;
  crc32: number;
}

type WorkerMessage =
  | { type: 'bytes'; n: number }
  | { type: 'file'; i: number; sha256: string; crc32: number; n: number }
  | {
      type: 'error';
      i: number;
      stage: 'open' | 'read' | 'write' | 'size';
      code?: string;
      message?: string;
      read?: number;
    }
  | { type: 'end' };

function workerCount(files: number): number {
  return Math.max(1, Math.min(files, 4, Math.max(2, os.availableParallelism())));
}

function toAppError(
  m: Extract<WorkerMessage, { type: 'error' }>,
  files: readonly PlacedFile[],
  what: string,
) {
  const f = files[m.i];
  const err = Object.assign(new Error(m.message ?? 'unknown error'), { code: m.code });
  if (m.stage === 'size' && f) {
    return new AppError(
      'conflict',
      `${f.label} changed while it was being packaged (${f.size} bytes expected, ${m.read} read). Nothing was written; try again.`,
    );
  }
  if (m.stage === 'open' && f && m.code === 'ENOENT') {
    return new AppError(
      'not-found',
      `${f.label} is missing from the evidence store (${f.diskPath}). The package was not written; restore the file or remove the evidence first.`,
    );
  }
  if (m.stage === 'write' || !f) return toFsAppError(err, what);
  return new AppError('internal', `Could not read ${f.label} (${m.code ?? m.message}). Nothing was written.`);
}

/**
 * Fills the laid-out files into `target` on worker threads; resolves with each file's digest and
 * CRC in the order given. `stop` ends the workers (cancel, or a failure elsewhere). `what` names
 * the package in messages (the target is its hidden temp file).
 */
export function fillInParallel(
  target: string,
  what: string,
  files: readonly PlacedFile[],
  onBytes: (n: number) => void,
): { result: Promise<FilledFile[]>; stop: () => Promise<void> } {
  const out = new Array<FilledFile>(files.length);
  if (files.length === 0) return { result: Promise.resolve(out), stop: async () => {} };
  const next = new SharedArrayBuffer(4);
  const workerData = {
    target,
    files: files.map((f) => ({
      path: f.diskPath,
      size: f.size,
      headerOffset: f.headerOffset,
      dataOffset: f.dataOffset,
      header: f.header,
    })),
    next,
    chunk: CHUNK,
    report: REPORT_EVERY,
  };
  const workers = Array.from(
    { length: workerCount(files.length) },
    () =>
      new Worker(WORKER_SOURCE, {
        eval: true,
        workerData,
        // The worker allocates next to nothing on its heap (its buffer lives outside it): a small
        // young generation keeps each thread's memory low beside the report rendering.
        resourceLimits: { maxYoungGenerationSizeMb: 1 },
      }),
  );
  const stop = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  const result = new Promise<FilledFile[]>((resolve, reject) => {
    let running = workers.length;
    let failed = false;
    const failWith = (err: unknown) => {
      if (failed) return;
      failed = true;
      void stop();
      reject(err);
    };
    for (const w of workers) {
      let ended = false;
      w.on('error', failWith);
      w.on('exit', () => {
        if (!ended)
          failWith(
            new AppError(
              'internal',
              'A packaging thread stopped unexpectedly. Nothing was written; try again.',
            ),
          );
      });
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'bytes') onBytes(m.n);
        else if (m.type === 'file') {
          out[m.i] = { sha256: m.sha256, crc32: m.crc32 };
          onBytes(m.n);
        } else if (m.type === 'error') failWith(toAppError(m, files, what));
        else {
          ended = true;
          if (--running === 0 && !failed) resolve(out);
        }
      });
    }
  });
  result.catch(() => {});
  return { result, stop };
}
