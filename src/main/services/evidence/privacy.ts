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
 * JPEG: the EXIF segment (APP1) is rebuilt with only orientation, make, model and capture time;
 * XMP (APP1) and Photoshop/IPTC (APP13) segments, which can repeat GPS, are dropped. Everything
 * from the first scan on passes through unchanged.
 */
export class JpegPrivacyStrip extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  private passthrough = false;
  private started = false;

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

  private drain(): void {
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
export class PngPrivacyStrip extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  private signature = false;
  /** Bytes of the current chunk still to pass (>0) or skip (<0). */
  private pending = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    try {
      this.drain();
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (this.buf.length) this.push(this.buf);
    done();
  }

  private drain(): void {
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

export function privacyStripFor(mediaType: string): Transform | null {
  if (mediaType === 'image/jpeg') return new JpegPrivacyStrip();
  if (mediaType === 'image/png') return new PngPrivacyStrip();
  return null;
}
