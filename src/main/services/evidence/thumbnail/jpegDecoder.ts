import fs from 'node:fs';
import { createRequire } from 'node:module';
import { workerRequests } from '../../workerRequests';
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

const request = workerRequests<Reply>(
  () => ({
    code: WORKER_SOURCE,
    options: {
      workerData: {
        decoder: fs.readFileSync(createRequire(import.meta.url).resolve('jpeg-js/lib/decoder.js'), 'utf8'),
      },
    },
  }),
  (error) => ({ error }),
);

/** Decodes a baseline or progressive JPEG to RGBA; null when it is damaged or too large. */
export async function decodeJpeg(bytes: Buffer): Promise<Raster | null> {
  const r = await request({ bytes });
  return 'error' in r ? null : { width: r.width, height: r.height, data: r.data };
}
