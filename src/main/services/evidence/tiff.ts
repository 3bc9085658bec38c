// Just enough TIFF (the container inside an EXIF segment) to keep a few harmless tags and drop the rest.

const ASCII = 2;
const SHORT = 3;
const LONG = 4;
const EXIF_IFD = 0x8769;

export const TAG = {
  make: 0x010f,
  model: 0x0110,
  orientation: 0x0112,
  dateTimeOriginal: 0x9003,
  offsetTimeOriginal: 0x9011,
} as const;

export interface KeptExif {
  make?: string;
  model?: string;
  orientation?: number;
  dateTimeOriginal?: string;
  offsetTimeOriginal?: string;
}

type Entry = { tag: number; type: number; count: number; valueAt: number };

/** Reads the harmless tags from a TIFF block; anything malformed simply yields fewer tags. */
export function readKeptTags(tiff: Buffer): KeptExif {
  const out: KeptExif = {};
  if (tiff.length < 8) return out;
  const le = tiff.toString('latin1', 0, 2) === 'II';
  if (!le && tiff.toString('latin1', 0, 2) !== 'MM') return out;
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = (at: number): Entry[] => {
    if (at < 8 || at + 2 > tiff.length) return [];
    const n = u16(at);
    const entries: Entry[] = [];
    for (let i = 0; i < n; i++) {
      const e = at + 2 + i * 12;
      if (e + 12 > tiff.length) break;
      entries.push({ tag: u16(e), type: u16(e + 2), count: u32(e + 4), valueAt: e + 8 });
    }
    return entries;
  };
  const ascii = (e: Entry): string | undefined => {
    if (e.type !== ASCII || e.count === 0 || e.count > 256) return undefined;
    const at = e.count <= 4 ? e.valueAt : u32(e.valueAt);
    if (at + e.count > tiff.length) return undefined;
    return tiff.toString('latin1', at, at + e.count).replace(/\0.*$/s, '');
  };
  const ifd0 = ifd(u32(4));
  for (const e of ifd0) {
    if (e.tag === TAG.make) out.make = ascii(e);
    else if (e.tag === TAG.model) out.model = ascii(e);
    else if (e.tag === TAG.orientation && e.type === SHORT) out.orientation = u16(e.valueAt);
    else if (e.tag === EXIF_IFD && e.type === LONG) {
      for (const x of ifd(u32(e.valueAt))) {
        if (x.tag === TAG.dateTimeOriginal) out.dateTimeOriginal = ascii(x);
        else if (x.tag === TAG.offsetTimeOriginal) out.offsetTimeOriginal = ascii(x);
      }
    }
  }
  for (const k of Object.keys(out) as (keyof KeptExif)[]) if (out[k] === undefined) delete out[k];
  return out;
}

type OutEntry = { tag: number; type: number; count: number; data: Buffer };

function asciiEntry(tag: number, value: string): OutEntry {
  const data = Buffer.from(`${value}\0`, 'latin1');
  return { tag, type: ASCII, count: data.length, data };
}

/** Lays out IFDs one after another, each followed by the values too long to sit in an entry. */
function writeIfd(entries: OutEntry[], at: number, next = 0): { bytes: Buffer; end: number } {
  entries.sort((a, b) => a.tag - b.tag);
  const tableSize = 2 + entries.length * 12 + 4;
  let dataAt = at + tableSize;
  const table = Buffer.alloc(tableSize);
  const extra: Buffer[] = [];
  table.writeUInt16LE(entries.length, 0);
  entries.forEach((e, i) => {
    const o = 2 + i * 12;
    table.writeUInt16LE(e.tag, o);
    table.writeUInt16LE(e.type, o + 2);
    table.writeUInt32LE(e.count, o + 4);
    if (e.data.length <= 4) e.data.copy(table, o + 8);
    else {
      table.writeUInt32LE(dataAt, o + 8);
      const padded = e.data.length % 2 ? Buffer.concat([e.data, Buffer.alloc(1)]) : e.data;
      extra.push(padded);
      dataAt += padded.length;
    }
  });
  table.writeUInt32LE(next, tableSize - 4);
  return { bytes: Buffer.concat([table, ...extra]), end: dataAt };
}

/** A little-endian TIFF holding only the kept tags; null when there is nothing to keep. */
export function buildKeptTiff(kept: KeptExif): Buffer | null {
  const ifd0: OutEntry[] = [];
  if (kept.make) ifd0.push(asciiEntry(TAG.make, kept.make));
  if (kept.model) ifd0.push(asciiEntry(TAG.model, kept.model));
  if (kept.orientation) {
    const data = Buffer.alloc(4);
    data.writeUInt16LE(kept.orientation, 0);
    ifd0.push({ tag: TAG.orientation, type: SHORT, count: 1, data });
  }
  const exif: OutEntry[] = [];
  if (kept.dateTimeOriginal) exif.push(asciiEntry(TAG.dateTimeOriginal, kept.dateTimeOriginal));
  if (kept.offsetTimeOriginal) exif.push(asciiEntry(TAG.offsetTimeOriginal, kept.offsetTimeOriginal));
  if (ifd0.length === 0 && exif.length === 0) return null;
  const pointer = Buffer.alloc(4);
  if (exif.length) ifd0.push({ tag: EXIF_IFD, type: LONG, count: 1, data: pointer });
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]);
  // The Exif IFD's offset is known only after IFD0 is laid out: lay out twice.
  let first = writeIfd(ifd0, 8);
  if (!exif.length) return Buffer.concat([header, first.bytes]);
  pointer.writeUInt32LE(first.end, 0);
  first = writeIfd(ifd0, 8);
  const second = writeIfd(exif, first.end);
  return Buffer.concat([header, first.bytes, second.bytes]);
}
