import zlib from 'node:zlib';
import type { Raster } from './raster';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The most pixels a PNG may have to be decoded for a thumbnail (as jpeg-js's 100 MP cap). */
const MAX_PIXELS = 100_000_000;

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body, zlib.crc32(head.subarray(4))) >>> 0, 0);
  return Buffer.concat([head, body, crc]);
}

/** An 8-bit RGBA PNG, every row filtered "Sub" (small thumbnails, no need to try each filter). */
export function encodePng(image: Raster): Buffer {
  const stride = image.width * 4;
  const rows = Buffer.alloc((stride + 1) * image.height);
  for (let y = 0; y < image.height; y++) {
    const out = y * (stride + 1);
    rows[out] = 1;
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? image.data[y * stride + i - 4] : 0;
      rows[out + 1 + i] = (image.data[y * stride + i] - left) & 0xff;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Header {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  interlaced: boolean;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Undoes the per-row filters in place (PNG spec, section 9). */
function unfilter(raw: Buffer, stride: number, height: number, bpp: number): Buffer {
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const dst = y * stride;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? out[dst + i - bpp] : 0;
      const b = y > 0 ? out[dst - stride + i] : 0;
      const c = i >= bpp && y > 0 ? out[dst - stride + i - bpp] : 0;
      const x = raw[src + i];
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else if (filter === 4) v = x + paeth(a, b, c);
      else throw new RangeError(`PNG: unknown filter ${filter}`);
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** Reads the sample of channel `c` of pixel `x` in a row, scaled to 8 bits. */
function sample(row: Buffer, x: number, c: number, channels: number, depth: number): number {
  if (depth === 8) return row[x * channels + c];
  if (depth === 16) return row[(x * channels + c) * 2];
  // 1, 2 or 4 bits: grey or palette only, one channel.
  const perByte = 8 / depth;
  const byte = row[Math.floor(x / perByte)];
  const shift = 8 - depth * ((x % perByte) + 1);
  return (byte >> shift) & ((1 << depth) - 1);
}

/**
 * Decodes a non-interlaced PNG of any colour type and bit depth to RGBA; null for what it does not
 * read (interlaced, damaged, over 100 MP), which then simply has no thumbnail.
 */
export function decodePng(bytes: Buffer): Raster | null {
  try {
    if (!bytes.subarray(0, 8).equals(SIGNATURE)) return null;
    let header: Header | undefined;
    let palette: Buffer | undefined;
    let alpha: Buffer | undefined;
    const idat: Buffer[] = [];
    for (let at = 8; at + 8 <= bytes.length; ) {
      const length = bytes.readUInt32BE(at);
      const type = bytes.toString('latin1', at + 4, at + 8);
      const body = bytes.subarray(at + 8, at + 8 + length);
      if (body.length !== length) return null;
      if (type === 'IHDR') {
        header = {
          width: body.readUInt32BE(0),
          height: body.readUInt32BE(4),
          depth: body[8],
          colorType: body[9],
          interlaced: body[12] === 1,
        };
      } else if (type === 'PLTE') palette = body;
      else if (type === 'tRNS') alpha = body;
      else if (type === 'IDAT') idat.push(body);
      else if (type === 'IEND') break;
      at += 12 + length;
    }
    if (!header || header.interlaced || !(header.colorType in CHANNELS)) return null;
    const { width, height, depth, colorType } = header;
    if (width === 0 || height === 0 || width * height > MAX_PIXELS) return null;
    const channels = CHANNELS[colorType];
    const stride = Math.ceil((width * channels * depth) / 8);
    const raw = zlib.inflateSync(Buffer.concat(idat), { maxOutputLength: (stride + 1) * height });
    if (raw.length !== (stride + 1) * height) return null;
    const rows = unfilter(raw, stride, height, Math.max(1, (channels * depth) / 8));
    const data = new Uint8Array(width * height * 4);
    const greyScale = depth < 8 ? 255 / ((1 << depth) - 1) : 1;
    for (let y = 0; y < height; y++) {
      const row = rows.subarray(y * stride, (y + 1) * stride);
      for (let x = 0; x < width; x++) {
        const o = (y * width + x) * 4;
        if (colorType === 3) {
          const index = sample(row, x, 0, 1, depth);
          if (!palette || index * 3 + 2 >= palette.length) return null;
          data[o] = palette[index * 3];
          data[o + 1] = palette[index * 3 + 1];
          data[o + 2] = palette[index * 3 + 2];
          data[o + 3] = alpha && index < alpha.length ? alpha[index] : 255;
        } else if (colorType === 0 || colorType === 4) {
          const grey = Math.round(sample(row, x, 0, channels, depth) * greyScale);
          data[o] = grey;
          data[o + 1] = grey;
          data[o + 2] = grey;
          data[o + 3] = colorType === 4 ? sample(row, x, 1, channels, depth) : 255;
        } else {
          data[o] = sample(row, x, 0, channels, depth);
          data[o + 1] = sample(row, x, 1, channels, depth);
          data[o + 2] = sample(row, x, 2, channels, depth);
          data[o + 3] = colorType === 6 ? sample(row, x, 3, channels, depth) : 255;
        }
      }
    }
    return { width, height, data };
  } catch {
    return null;
  }
}
