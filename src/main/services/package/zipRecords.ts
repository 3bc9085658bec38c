// The records of a zip file (APPNOTE 6.3.x), written by hand so that payload files can be placed at
// offsets known in advance and filled in parallel. Every name is UTF-8 (flag bit 11); entries are
// stored or deflated; Zip64 fields appear only where a size or an offset needs them.

const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
const UTF8_NAMES = 0x0800;
const MADE_BY_UNIX = (3 << 8) | 45;
const FILE_MODE = 0o100644;

export const STORED = 0;
export const DEFLATED = 8;

export interface ZipEntry {
  name: Buffer;
  method: typeof STORED | typeof DEFLATED;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
}

/** MS-DOS date and time of `at` in local time, as unzip shows it; 1980 is the earliest there is. */
export function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

function needsZip64Sizes(e: Pick<ZipEntry, 'size' | 'compressedSize'>): boolean {
  return e.size >= MAX32 || e.compressedSize >= MAX32;
}

/** Bytes of the local header of an entry of this name and these sizes. */
export function localHeaderLength(name: Buffer, size: number): number {
  return 30 + name.length + (size >= MAX32 ? 20 : 0);
}

/** The local header; sizes and CRC are final (no data descriptor follows the data). */
export function localHeader(e: Omit<ZipEntry, 'offset'>, at: { time: number; date: number }): Buffer {
  const zip64 = needsZip64Sizes(e);
  const b = Buffer.alloc(localHeaderLength(e.name, Math.max(e.size, e.compressedSize)));
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(zip64 ? 45 : 20, 4);
  b.writeUInt16LE(UTF8_NAMES, 6);
  b.writeUInt16LE(e.method, 8);
  b.writeUInt16LE(at.time, 10);
  b.writeUInt16LE(at.date, 12);
  b.writeUInt32LE(e.crc32 >>> 0, 14);
  b.writeUInt32LE(zip64 ? MAX32 : e.compressedSize, 18);
  b.writeUInt32LE(zip64 ? MAX32 : e.size, 22);
  b.writeUInt16LE(e.name.length, 26);
  b.writeUInt16LE(zip64 ? 20 : 0, 28);
  e.name.copy(b, 30);
  if (zip64) {
    const x = 30 + e.name.length;
    b.writeUInt16LE(0x0001, x);
    b.writeUInt16LE(16, x + 2);
    b.writeBigUInt64LE(BigInt(e.size), x + 4);
    b.writeBigUInt64LE(BigInt(e.compressedSize), x + 12);
  }
  return b;
}

function centralEntry(e: ZipEntry, at: { time: number; date: number }): Buffer {
  const big = [e.size >= MAX32, e.compressedSize >= MAX32, e.offset >= MAX32];
  const extraLength = big.some(Boolean) ? 4 + 8 * big.filter(Boolean).length : 0;
  const b = Buffer.alloc(46 + e.name.length + extraLength);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(MADE_BY_UNIX, 4);
  b.writeUInt16LE(extraLength ? 45 : 20, 6);
  b.writeUInt16LE(UTF8_NAMES, 8);
  b.writeUInt16LE(e.method, 10);
  b.writeUInt16LE(at.time, 12);
  b.writeUInt16LE(at.date, 14);
  b.writeUInt32LE(e.crc32 >>> 0, 16);
  b.writeUInt32LE(big[1] ? MAX32 : e.compressedSize, 20);
  b.writeUInt32LE(big[0] ? MAX32 : e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt16LE(extraLength, 30);
  // comment length, disk number, internal attributes: 0
  b.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  b.writeUInt32LE(big[2] ? MAX32 : e.offset, 42);
  e.name.copy(b, 46);
  if (extraLength) {
    // The Zip64 extra holds only the fields that overflowed, in this order.
    let x = 46 + e.name.length;
    b.writeUInt16LE(0x0001, x);
    b.writeUInt16LE(extraLength - 4, x + 2);
    x += 4;
    for (const [i, v] of [e.size, e.compressedSize, e.offset].entries()) {
      if (!big[i]) continue;
      b.writeBigUInt64LE(BigInt(v), x);
      x += 8;
    }
  }
  return b;
}

/** Central directory and end records, for a directory starting at `offset`. */
export function centralDirectory(entries: readonly ZipEntry[], offset: number, at: Date): Buffer {
  const dos = dosDateTime(at);
  const records = entries.map((e) => centralEntry(e, dos));
  const size = records.reduce((n, r) => n + r.length, 0);
  const zip64 = entries.length >= MAX16 || offset >= MAX32 || size >= MAX32;
  const tail: Buffer[] = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4);
    rec.writeUInt16LE(MADE_BY_UNIX, 12);
    rec.writeUInt16LE(45, 14);
    // this disk, disk with the directory: 0
    rec.writeBigUInt64LE(BigInt(entries.length), 24);
    rec.writeBigUInt64LE(BigInt(entries.length), 32);
    rec.writeBigUInt64LE(BigInt(size), 40);
    rec.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + size), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(rec, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, MAX16), 8);
  end.writeUInt16LE(Math.min(entries.length, MAX16), 10);
  end.writeUInt32LE(Math.min(size, MAX32), 12);
  end.writeUInt32LE(Math.min(offset, MAX32), 16);
  tail.push(end);
  return Buffer.concat([...records, ...tail]);
}
