import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Raster } from './raster';

// JPEG decoding is pure JavaScript (jpeg-js) on a worker thread: no native module in Electron's
// main process (sharp's libvips clashed with Electron's GLib), and a 12-megapixel photo's second
// of decoding never holds up the window's requests. The worker gets the decoder as source text,
// read here through the main thread's fs, which also reads inside Electron's asar archive.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const mod = { exports: {} };
new Function('module', 'exports', workerData.decoder)(mod, mod.exports);
const decode = mod.exports;
parentPort.on('message', (m) => {
  try {
    const image = decode(m.bytes, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: 100,
      maxMemoryUsageInMB: 600,
    });
    parentPort.postMessage({ id: m.id, width: image.width, height: image.height, data: image.data }, [
      image.data.buffer,
    ]);
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
});
`;

type Reply = { id: number; width: number; height: number; data: Uint8Array } | { id: number; error: string };

let worker: Worker | undefined;
const waiting = new Map<number, (r: Reply) => void>();
let next = 1;

function start(): Worker {
  const decoder = fs.readFileSync(createRequire(import.meta.url).resolve('jpeg-js/lib/decoder.js'), 'utf8');
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { decoder } });
  w.on('message', (r: Reply) => {
    const settle = waiting.get(r.id);
    waiting.delete(r.id);
    // The worker keeps the process alive only while a picture is being decoded.
    if (waiting.size === 0) w.unref();
    settle?.(r);
  });
  w.on('error', (err) => {
    worker = undefined;
    for (const settle of waiting.values()) settle({ id: 0, error: err.message });
    waiting.clear();
  });
  return w;
}

/** Decodes a baseline or progressive JPEG to RGBA; null when it is damaged or too large. */
export function decodeJpeg(bytes: Buffer): Promise<Raster | null> {
  worker ??= start();
  const w = worker;
  const id = next++;
  return new Promise((resolve) => {
    waiting.set(id, (r) => resolve('error' in r ? null : { width: r.width, height: r.height, data: r.data }));
    w.ref();
    w.postMessage({ id, bytes });
  });
}
