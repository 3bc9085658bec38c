import zlib from 'node:zlib';

// Writes zips by hand, byte for byte, so tests can build what no well-behaved zip library would:
// '../' names, absolute paths, symlinks, duplicates, lying sizes, 100,000 entries.

export interface RawEntry {
  name: string | Buffer;
  data?: Buffer | string;
  /** Unix mode in the external attributes, e.g. 0o120777 for a symlink. */
  mode?: number;
  deflate?: boolean;
  /** Overrides the uncompressed size written in the headers. */
  declaredSize?: number;
  utf8Flag?: boolean;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}
function u64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
}

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data ?? '', 'utf8');
    const body = e.deflate ? zlib.deflateRawSync(data) : data;
    const crc = zlib.crc32(data);
    const usize = e.declaredSize ?? data.length;
    const flags = e.utf8Flag === false ? 0 : 0x800;
    const method = e.deflate ? 8 : 0;
    const common = [
      u16(20),
      u16(flags),
      u16(method),
      u16(0),
      u16(0x5b7b),
      u32(crc),
      u32(body.length),
      u32(usize),
      u16(name.length),
    ];
    const local = Buffer.concat([u32(0x04034b50), ...common, u16(0), name, body]);
    const central = Buffer.concat([
      u32(0x02014b50),
      u16((3 << 8) | 20),
      ...common,
      u16(0),
      u16(0),
      u16(0),
      u16(0),
      u32(((e.mode ?? 0o100644) << 16) >>> 0),
      u32(offset),
      name,
    ]);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const n = entries.length;
  const tail: Buffer[] = [];
  if (n > 0xfffe) {
    const zip64At = offset + cd.length;
    tail.push(
      Buffer.concat([
        u32(0x06064b50),
        u64(44),
        u16(45),
        u16(45),
        u32(0),
        u32(0),
        u64(n),
        u64(n),
        u64(cd.length),
        u64(offset),
      ]),
      Buffer.concat([u32(0x07064b50), u32(0), u64(zip64At), u32(1)]),
      Buffer.concat([
        u32(0x06054b50),
        u16(0),
        u16(0),
        u16(0xffff),
        u16(0xffff),
        u32(0xffffffff),
        u32(0xffffffff),
        u16(0),
      ]),
    );
  } else {
    tail.push(
      Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(n), u16(n), u32(cd.length), u32(offset), u16(0)]),
    );
  }
  return Buffer.concat([...locals, cd, ...tail]);
}
