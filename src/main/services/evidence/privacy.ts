import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { buildKeptTiff, readKeptTags } from './tiff';

// Export copies of photos without GPS and serial numbers. The original in the store is never
// touched; these transforms run on a stream of it, segment by segment, in constant memory.

const EXIF_ID = Buffer.from('Exif\0\0', 'latin1');
const XMP_IDS = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0'].map((s) =>
  Buffer.from(s, 'latin1'),
);
const MAX_SEGMENT_BUFFER = 1024 * 1024;

function strippedExifSegment(payload: Buffer): Buffer | null {
  const tiff = buildKeptTiff(readKeptTags(payload.subarray(EXIF_ID.length)));
  if (!tiff) return null;
  const body = Buffer.concat([EXIF_ID, tiff]);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xffe1, 0);
  seg.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([seg, body]);
}

/**
 * A stream that collects bytes in `buf` and lets `drain` push what it has decided on; whatever is
 * left when the input ends passes through. `drain` throws to fail the stream.
 */
abstract class BufferedStrip extends Transform {
  protected buf: Buffer = Buffer.alloc(0);
  /** Once set, chunks pass straight through (the rest of the file needs no change). */
  protected passthrough = false;

  protected abstract drain(): void;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.passthrough) {
      done(null, chunk);
      return;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    try {
      this.drain();
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (!this.passthrough && this.buf.length) this.push(this.buf);
    done();
  }
}

/**
 * JPEG: the EXIF segment (APP1) is rebuilt with only orientation, make, model and capture time;
 * XMP (APP1) and Photoshop/IPTC (APP13) segments, which can repeat GPS, are dropped. Everything
 * from the first scan on passes through unchanged.
 */
export class JpegPrivacyStrip extends BufferedStrip {
  private started = false;

  protected drain(): void {
    if (!this.started) {
      if (this.buf.length < 2) return;
      if (this.buf[0] !== 0xff || this.buf[1] !== 0xd8)
        throw new AppError('invalid-file', 'Not a JPEG file.');
      this.push(this.buf.subarray(0, 2));
      this.buf = this.buf.subarray(2);
      this.started = true;
    }
    for (;;) {
      if (this.buf.length < 4) {
        this.guard();
        return;
      }
      if (this.buf[0] !== 0xff) {
        this.finish(); // not a marker: leave the rest alone
        return;
      }
      const marker = this.buf[1];
      if (marker === 0xff) {
        this.buf = this.buf.subarray(1); // fill byte
        continue;
      }
      if (marker === 0xda || marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        this.finish();
        return;
      }
      const length = this.buf.readUInt16BE(2);
      if (this.buf.length < 2 + length) {
        this.guard();
        return;
      }
      const segment = this.buf.subarray(0, 2 + length);
      const payload = segment.subarray(4);
      this.buf = this.buf.subarray(2 + length);
      if (marker === 0xe1 && payload.subarray(0, EXIF_ID.length).equals(EXIF_ID)) {
        const kept = strippedExifSegment(payload);
        if (kept) this.push(kept);
      } else if (marker === 0xe1 && XMP_IDS.some((id) => payload.subarray(0, id.length).equals(id))) {
        // dropped
      } else if (marker === 0xed) {
        // dropped: APP13 carries IPTC, which can hold place names and GPS
      } else {
        this.push(Buffer.from(segment));
      }
    }
  }

  private guard(): void {
    if (this.buf.length > MAX_SEGMENT_BUFFER * 2) throw new AppError('invalid-file', 'Damaged JPEG header.');
  }

  private finish(): void {
    this.passthrough = true;
    if (this.buf.length) this.push(this.buf);
    this.buf = Buffer.alloc(0);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: drops the eXIf chunk and XMP text chunks; other chunks (and their CRCs) pass unchanged. */
export class PngPrivacyStrip extends BufferedStrip {
  private signature = false;
  /** Bytes of the current chunk still to pass (>0) or skip (<0). */
  private pending = 0;

  protected drain(): void {
    if (!this.signature) {
      if (this.buf.length < 8) return;
      if (!this.buf.subarray(0, 8).equals(PNG_SIGNATURE))
        throw new AppError('invalid-file', 'Not a PNG file.');
      this.push(this.buf.subarray(0, 8));
      this.buf = this.buf.subarray(8);
      this.signature = true;
    }
    for (;;) {
      if (this.pending !== 0) {
        const n = Math.min(Math.abs(this.pending), this.buf.length);
        if (this.pending > 0) this.push(this.buf.subarray(0, n));
        this.pending += this.pending > 0 ? -n : n;
        this.buf = this.buf.subarray(n);
        if (this.pending !== 0) return;
      }
      if (this.buf.length < 8) return;
      const length = this.buf.readUInt32BE(0);
      const type = this.buf.toString('latin1', 4, 8);
      let drop = type === 'eXIf';
      if (type === 'iTXt' || type === 'tEXt' || type === 'zTXt') {
        // The keyword (up to 79 bytes) decides; wait for it unless the chunk is shorter.
        const need = Math.min(8 + length, 8 + 80);
        if (this.buf.length < need) return;
        drop = this.buf.toString('latin1', 8, need).startsWith('XML:com.adobe.xmp\0');
      }
      const total = 8 + length + 4;
      this.pending = drop ? -total : total;
    }
  }
}

/** A transform that removes GPS and serial numbers from a copy of `file`, or null for other formats. */
export function privacyStripFor(mediaType: string, file: string): Transform | null {
  if (mediaType === 'image/jpeg') return new JpegPrivacyStrip();
  if (mediaType === 'image/png') return new PngPrivacyStrip();
  if (mediaType === 'image/webp') return webpPrivacyStrip(file);
  return null;
}

/** Streams a file while dropping byte ranges and overwriting single bytes, both given up front. */
export class ByteEditor extends Transform {
  private pos = 0;

  constructor(
    private readonly ranges: readonly { start: number; end: number }[],
    private readonly patch: ReadonlyMap<number, number>,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const start = this.pos;
    this.pos += chunk.length;
    let out = chunk;
    if ([...this.patch.keys()].some((k) => k >= start && k < this.pos)) {
      out = Buffer.from(chunk);
      for (const [at, value] of this.patch) if (at >= start && at < this.pos) out[at - start] = value;
    }
    let cursor = start;
    for (const r of this.ranges) {
      if (r.end <= cursor || r.start >= this.pos) continue;
      if (r.start > cursor) this.push(out.subarray(cursor - start, r.start - start));
      cursor = Math.min(r.end, this.pos);
    }
    if (cursor < this.pos) this.push(out.subarray(cursor - start));
    done();
  }
}

/** Where a WebP keeps its EXIF and XMP chunks, read from the chunk headers only. */
export function scanWebp(fd: number): {
  chunks: { type: string; start: number; end: number }[];
  size: number;
} {
  const head = Buffer.alloc(12);
  if (fs.readSync(fd, head, 0, 12, 0) < 12 || head.toString('latin1', 8, 12) !== 'WEBP') {
    throw new AppError('invalid-file', 'Not a WebP file.');
  }
  const size = head.readUInt32LE(4) + 8;
  const chunks: { type: string; start: number; end: number }[] = [];
  const h = Buffer.alloc(8);
  for (let at = 12; at + 8 <= size; ) {
    if (fs.readSync(fd, h, 0, 8, at) < 8) break;
    const len = h.readUInt32LE(4);
    const end = at + 8 + len + (len % 2);
    chunks.push({ type: h.toString('latin1', 0, 4), start: at, end });
    at = end;
  }
  return { chunks, size };
}

/** WebP: drops the EXIF and XMP chunks and clears their flags in VP8X, fixing the RIFF size. */
export function webpPrivacyStrip(file: string): ByteEditor {
  const fd = fs.openSync(file, 'r');
  try {
    const { chunks, size } = scanWebp(fd);
    const drop = chunks.filter((c) => c.type === 'EXIF' || c.type === 'XMP ');
    const removed = drop.reduce((n, c) => n + (c.end - c.start), 0);
    const patch = new Map<number, number>();
    const riff = Buffer.alloc(4);
    riff.writeUInt32LE(size - 8 - removed, 0);
    for (let i = 0; i < 4; i++) patch.set(4 + i, riff[i]);
    const vp8x = chunks.find((c) => c.type === 'VP8X');
    if (vp8x) {
      const flags = Buffer.alloc(1);
      fs.readSync(fd, flags, 0, 1, vp8x.start + 8);
      patch.set(vp8x.start + 8, flags[0] & ~0x0c); // 0x08 EXIF, 0x04 XMP
    }
    return new ByteEditor(drop, patch);
  } finally {
    fs.closeSync(fd);
  }
}

/** The TIFF inside a WebP's EXIF chunk, for reading its tags; null when there is none. */
export function webpExifTiff(file: string): Buffer | null {
  const fd = fs.openSync(file, 'r');
  try {
    const exif = scanWebp(fd).chunks.find((c) => c.type === 'EXIF');
    if (!exif || exif.end - exif.start > 4 * 1024 * 1024) return null;
    const body = Buffer.alloc(exif.end - exif.start - 8);
    fs.readSync(fd, body, 0, body.length, exif.start + 8);
    return body.subarray(0, 6).equals(EXIF_ID) ? body.subarray(6) : body;
  } catch {
    return null;
  } finally {
    fs.closeSync(fd);
  }
}
