// Edits a finished zip the way an attacker would: bytes inserted anywhere with every offset of the
// directory moved along (as `zip -A` does for a self-extractor), so the zip stays readable.
// Only plain zips (no Zip64, no comment), as the small test packages are.

const END_OF_DIRECTORY = 0x06054b50;

function endRecord(zip: Buffer): { at: number; dirOffset: number; dirSize: number; count: number } {
  const at = zip.length - 22;
  if (zip.readUInt32LE(at) !== END_OF_DIRECTORY) throw new Error('not a plain zip without a comment');
  return {
    at,
    count: zip.readUInt16LE(at + 10),
    dirSize: zip.readUInt32LE(at + 12),
    dirOffset: zip.readUInt32LE(at + 16),
  };
}

/** The entries in directory order: name and where their local header starts. */
export function zipEntries(zip: Buffer): { name: string; offset: number }[] {
  const end = endRecord(zip);
  const out: { name: string; offset: number }[] = [];
  let p = end.dirOffset;
  for (let i = 0; i < end.count; i++) {
    const nameLength = zip.readUInt16LE(p + 28);
    const rest = nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    out.push({
      name: zip.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      offset: zip.readUInt32LE(p + 42),
    });
    p += 46 + rest;
  }
  return out;
}

/** Where the central directory starts. */
export function directoryOffset(zip: Buffer): number {
  return endRecord(zip).dirOffset;
}

/** `bytes` inserted at `at` (an entry boundary or the directory start), every offset after it moved. */
export function insertBytes(zip: Buffer, at: number, bytes: Buffer): Buffer {
  const end = endRecord(zip);
  const out = Buffer.concat([zip.subarray(0, at), bytes, zip.subarray(at)]);
  const shift = (offset: number) => (offset >= at ? offset + bytes.length : offset);
  const dir = shift(end.dirOffset);
  let p = dir;
  for (let i = 0; i < end.count; i++) {
    out.writeUInt32LE(shift(out.readUInt32LE(p + 42)), p + 42);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  out.writeUInt32LE(dir, out.length - 22 + 16);
  return out;
}

/** The zip with a comment in its end record (which tools show, and verifiers often ignore). */
export function withComment(zip: Buffer, comment: string): Buffer {
  const text = Buffer.from(comment, 'utf8');
  const out = Buffer.concat([zip, text]);
  out.writeUInt16LE(text.length, zip.length - 22 + 20);
  return out;
}
