import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  centralDirectory,
  dosDateTime,
  localHeader,
  STORED,
  type ZipEntry,
} from '../../src/main/services/package/zipRecords';
import { tempDir } from '../helpers/workspace';

const GiB = 1024 ** 3;
const at = new Date(2026, 10, 27, 15, 30, 42);

/** Writes entries at the given offsets of a sparse file, then the directory; returns the path. */
function sparseZip(parts: { name: string; offset: number; data: Buffer; declaredSize?: number }[]): string {
  const file = path.join(tempDir(), 'sparse.zip');
  const fd = fs.openSync(file, 'w');
  const dos = dosDateTime(at);
  const entries: ZipEntry[] = [];
  let end = 0;
  for (const p of parts) {
    const size = p.declaredSize ?? p.data.length;
    const e: Omit<ZipEntry, 'offset'> = {
      name: Buffer.from(p.name),
      method: STORED,
      crc32: zlib.crc32(p.data),
      compressedSize: size,
      size,
    };
    const header = localHeader(e, dos);
    fs.writeSync(fd, header, 0, header.length, p.offset);
    fs.writeSync(fd, p.data, 0, p.data.length, p.offset + header.length);
    entries.push({ ...e, offset: p.offset });
    end = p.offset + header.length + size;
  }
  const dir = centralDirectory(entries, end, at);
  fs.writeSync(fd, dir, 0, dir.length, end);
  fs.closeSync(fd);
  return file;
}

async function listing(file: string) {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: { name: string; size: number; offset: number; text?: string }[] = [];
  try {
    for await (const e of zip.eachEntry()) {
      const row = { name: e.fileName, size: e.uncompressedSize, offset: e.relativeOffsetOfLocalHeader };
      if (e.uncompressedSize < 1024) {
        const chunks: Buffer[] = [];
        for await (const c of await zip.openReadStreamPromise(e)) chunks.push(c as Buffer);
        out.push({ ...row, text: Buffer.concat(chunks).toString('utf8') });
      } else out.push(row);
    }
  } finally {
    zip.close();
  }
  return out;
}

describe('zip records', () => {
  it('write a small zip that unzip tests and lists with UTF-8 names and the DOS time', () => {
    const file = sparseZip([
      { name: 'bag/data/évidence.txt', offset: 0, data: Buffer.from('cabinet photo') },
      { name: 'bag/bagit.txt', offset: 30 + 22 + 13, data: Buffer.from('BagIt-Version: 1.0\n') },
    ]);
    execFileSync('unzip', ['-tq', file]);
    const list = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    expect(list).toContain('bag/data/évidence.txt');
    expect(list).toMatch(/(2026-11-27|11-27-2026) 15:30/);
  });

  it('use Zip64 fields for an offset past 4 GiB and a size of 4 GiB or more (sparse files, read back)', async () => {
    const file = sparseZip([
      { name: 'a.txt', offset: 0, data: Buffer.from('first') },
      { name: 'far.txt', offset: 5 * GiB, data: Buffer.from('beyond four gibibytes') },
      { name: 'huge.bin', offset: 5 * GiB + 100, data: Buffer.alloc(0), declaredSize: 4 * GiB + 7 },
    ]);
    const list = await listing(file);
    expect(list).toEqual([
      { name: 'a.txt', size: 5, offset: 0, text: 'first' },
      { name: 'far.txt', size: 21, offset: 5 * GiB, text: 'beyond four gibibytes' },
      { name: 'huge.bin', size: 4 * GiB + 7, offset: 5 * GiB + 100 },
    ]);
  });

  it('write the Zip64 end records only when needed', () => {
    const e: ZipEntry = {
      name: Buffer.from('x'),
      method: STORED,
      crc32: 0,
      compressedSize: 1,
      size: 1,
      offset: 0,
    };
    const small = centralDirectory([e], 32, at);
    expect(small.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(-1);
    const far = centralDirectory([{ ...e, offset: 5 * GiB }], 5 * GiB + 32, at);
    expect(far.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    expect(far.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBeGreaterThan(0);
  });
});
