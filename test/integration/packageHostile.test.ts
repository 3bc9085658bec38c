import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyPackage } from '../../src/main/services/package/verify';
import { writeTestPackage } from '../helpers/packages';
import { type RawEntry, rawZip } from '../helpers/rawZip';
import { tempDir } from '../helpers/workspace';

/** Writes a hostile zip into a folder of its own and verifies it; the folder must stay as it was. */
async function refuse(entries: RawEntry[] | Buffer, limits = {}) {
  const root = tempDir();
  const dir = path.join(root, 'inbox');
  fs.mkdirSync(dir);
  const file = path.join(dir, 'hostile.audit.zip');
  fs.writeFileSync(file, Buffer.isBuffer(entries) ? entries : rawZip(entries));
  const report = await verifyPackage(file, { limits });
  expect(fs.readdirSync(dir)).toEqual(['hostile.audit.zip']);
  expect(fs.readdirSync(root)).toEqual(['inbox']);
  return report;
}

const bag = 'x_20261127T153000Z.audit';

describe('hostile zips are refused with a clear reason, and nothing is written', () => {
  it("refuses '../' paths", async () => {
    const r = await refuse([
      { name: `${bag}/bagit.txt`, data: 'x' },
      { name: `${bag}/../../evil.txt`, data: 'owned' },
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.reasons[0]).toBe(
      `Entry "${bag}/../../evil.txt" leaves its folder with '..'; it would land outside the package folder.`,
    );
    expect(fs.existsSync(path.join(path.dirname(r.file), '..', '..', 'evil.txt'))).toBe(false);
  });

  it('refuses absolute paths, drive letters and backslashes', async () => {
    const r = await refuse([
      { name: '/tmp/zonewalk-evil.txt', data: 'x' },
      { name: 'C:/Windows/evil.txt', data: 'x' },
      { name: `${bag}\\..\\evil.txt`, data: 'x' },
    ]);
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual([
      'Entry "/tmp/zonewalk-evil.txt" is an absolute path; it would land outside the package folder.',
      'Entry "C:/Windows/evil.txt" starts with a drive letter; it would land outside the package folder.',
      `Entry "${bag}\\\\..\\\\evil.txt" has a backslash in its name; it would land outside the package folder.`,
    ]);
    expect(fs.existsSync('/tmp/zonewalk-evil.txt')).toBe(false);
  });

  it('refuses a symlink entry', async () => {
    const r = await refuse([{ name: `${bag}/data/evidence/link`, data: '/etc/passwd', mode: 0o120777 }]);
    expect(r.reasons).toEqual([
      `Entry "${bag}/data/evidence/link" is a symbolic link; packages hold only plain files.`,
    ]);
  });

  it('refuses duplicate names, exact and case-folded', async () => {
    const r = await refuse([
      { name: `${bag}/data/a.txt`, data: '1' },
      { name: `${bag}/data/a.txt`, data: '2' },
      { name: `${bag}/data/Photo.JPG`, data: '3' },
      { name: `${bag}/data/photo.jpg`, data: '4' },
    ]);
    expect(r.reasons).toEqual([
      `Entry "${bag}/data/a.txt" appears twice in the zip.`,
      `Entries "${bag}/data/Photo.JPG" and "${bag}/data/photo.jpg" differ only in letter case; they would overwrite each other on Windows and macOS.`,
    ]);
  });

  it('refuses a zip bomb by its compression ratio and by its total expanded size', async () => {
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const r = await refuse([{ name: `${bag}/data/zeros.bin`, data: zeros, deflate: true }]);
    expect(r.exitCode).toBe(1);
    expect(r.reasons[0]).toMatch(
      /^Entry ".*zeros.bin" expands \d+ times \(\d+ to 8388608 bytes\), more than the 200 allowed \(a zip bomb\?\)\.$/,
    );

    const many = Array.from({ length: 20 }, (_, i) => ({
      name: `${bag}/data/${i}.bin`,
      data: Buffer.alloc(100_000, i),
    }));
    const r2 = await refuse(many, { maxTotalBytes: 1_000_000 });
    expect(r2.reasons).toEqual([
      'The zip would expand to 2000000 bytes, more than the 1000000 allowed (a zip bomb?).',
    ]);
  });

  it('refuses an entry whose data is larger than its header says, without inflating past it', async () => {
    const lying = rawZip([
      { name: `${bag}/bagit.txt`, data: 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n' },
      {
        name: `${bag}/data/assessment.json`,
        data: Buffer.alloc(4_000_000),
        deflate: true,
        declaredSize: 40_000,
      },
    ]);
    const r = await refuse(lying);
    expect(r.exitCode).toBe(1);
    expect(r.reasons.join(' ')).toMatch(
      /data\/assessment.json could not be read from the zip \(too many bytes in the stream/,
    );
  });

  it('refuses 100,000 entries before reading them', async () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `${bag}/data/${i}` }));
    const t0 = Date.now();
    const r = await refuse(entries);
    expect(r.reasons).toEqual([
      'The zip has 100000 entries, more than the 50000 a package may have (a zip bomb?).',
    ]);
    expect(Date.now() - t0).toBeLessThan(10_000);
    const low = await refuse(entries.slice(0, 20), { maxEntries: 10 });
    expect(low.reasons[0]).toMatch(/20 entries, more than the 10/);
  });

  it('reports a truncated zip and a non-zip as unreadable (exit 2)', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(dir);
    const bytes = fs.readFileSync(pkg.path);
    const half = await refuse(bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(half.verdict).toBe('unreadable');
    expect(half.exitCode).toBe(2);
    expect(half.reasons[0]).toMatch(
      /^hostile.audit.zip is not a readable ZIP file \(.+\); it may be truncated or not a package at all\.$/,
    );
    const cut = await refuse(bytes.subarray(0, bytes.length - 5));
    expect(cut.exitCode).toBe(2);
    const text = await refuse(Buffer.from('just some text, not a zip'));
    expect(text.exitCode).toBe(2);
    const missing = await verifyPackage(path.join(dir, 'nope.audit.zip'));
    expect(missing.exitCode).toBe(2);
    expect(missing.reasons[0]).toMatch(/nope.audit.zip does not exist/);
  });

  it('refuses files outside the one bag folder and two top-level folders', async () => {
    const r = await refuse([
      { name: 'readme.txt', data: 'x' },
      { name: `${bag}/bagit.txt`, data: 'x' },
    ]);
    expect(r.reasons).toEqual(['readme.txt lies outside the bag folder.']);
    const r2 = await refuse([
      { name: 'a/bagit.txt', data: 'x' },
      { name: 'b/bagit.txt', data: 'x' },
    ]);
    expect(r2.reasons).toEqual(['The zip holds 2 top-level folders (a, b); a package holds exactly one.']);
  });
});
