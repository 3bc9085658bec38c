import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatManifest } from '../../src/core/package/bagit';
import { verifyPackage } from '../../src/main/services/package/verify';
import { listFiles, sha256, unzipInto, writeTestPackage } from '../helpers/packages';
import { rawZip } from '../helpers/rawZip';
import { tempDir } from '../helpers/workspace';
import { directoryOffset, insertBytes, withComment, zipEntries } from '../helpers/zipSurgery';

// Every byte of a package belongs to one entry, its directory or its end record. A zip reader that
// follows only the directory would otherwise call VALID a file that another program shows
// differently: a PDF or HTML viewer sees the cover in front, a streaming unzip the first bag.

const trustAll = () => ({ trusted: true as const, name: 'Ana', source: 'trust-list' as const });

async function genuine() {
  const dir = tempDir();
  const pkg = await writeTestPackage(dir);
  const bytes = fs.readFileSync(pkg.path);
  const tampered = path.join(dir, 'tampered', pkg.fileName);
  fs.mkdirSync(path.dirname(tampered));
  return {
    dir,
    pkg,
    bytes,
    async verify(zip: Buffer) {
      fs.writeFileSync(tampered, zip);
      return verifyPackage(tampered, { trustOf: trustAll });
    },
  };
}

const PDF_COVER = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% Audit passed: no findings. Signed, the auditor.\n',
);
const HTML_COVER = Buffer.from('<!doctype html><html><body><h1>Audit passed</h1><!--\n');

describe('the verifier reads every byte of the zip', () => {
  it('the untouched package verifies with no layout complaint', async () => {
    const g = await genuine();
    const r = await g.verify(g.bytes);
    expect(r.reasons).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it.each([
    ['PDF', PDF_COVER],
    ['HTML', HTML_COVER],
  ])('refuses a %s "Audit passed" cover put in front of a genuine package', async (_, cover) => {
    const g = await genuine();
    const r = await g.verify(insertBytes(g.bytes, 0, cover));
    expect(r.exitCode).toBe(1);
    expect(r.verdict).toBe('invalid');
    expect(r.reasons).toEqual([
      `${cover.length} bytes come before the first entry of the zip: something (a cover page, a second copy of the bag) was put in front of the package.`,
    ]);
  });

  it('refuses a second copy of the bag in front of the genuine one', async () => {
    const g = await genuine();
    const work = path.join(g.dir, 'work');
    unzipInto(g.pkg.path, work);
    fs.writeFileSync(
      path.join(work, g.pkg.bagName, 'data/assessment.json'),
      JSON.stringify({ format: 'zonewalk.assessment/1', findings: [] }),
    );
    const fake = rawZip(
      listFiles(work).map((name) => ({ name, data: fs.readFileSync(path.join(work, name)) })),
    );
    const fakeEntries = fake.subarray(0, directoryOffset(fake));
    const r = await g.verify(insertBytes(g.bytes, 0, fakeEntries));
    expect(r.exitCode).toBe(1);
    expect(r.reasons[0]).toBe(
      `${fakeEntries.length} bytes come before the first entry of the zip: something (a cover page, a second copy of the bag) was put in front of the package.`,
    );
  });

  it('refuses bytes hidden between two entries, and between the last entry and the directory', async () => {
    const g = await genuine();
    const entries = zipEntries(g.bytes).sort((a, b) => a.offset - b.offset);
    const hidden = Buffer.from('a second, unsigned findings report');
    const between = await g.verify(insertBytes(g.bytes, entries[1].offset, hidden));
    expect(between.exitCode).toBe(1);
    expect(between.reasons).toEqual([
      `${hidden.length} bytes between entries ${JSON.stringify(entries[0].name)} and ${JSON.stringify(entries[1].name)} belong to no entry (hidden data, or a second copy of a file).`,
    ]);
    const beforeDirectory = await g.verify(insertBytes(g.bytes, directoryOffset(g.bytes), hidden));
    expect(beforeDirectory.exitCode).toBe(1);
    expect(beforeDirectory.reasons).toEqual([
      `${hidden.length} bytes between the last entry and the zip's directory belong to no entry (hidden data).`,
    ]);
  });

  it('refuses a zip comment', async () => {
    const g = await genuine();
    const r = await g.verify(withComment(g.bytes, 'Audit passed'));
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual([
      'The zip carries a comment of 12 bytes after its directory; packages carry none.',
    ]);
  });

  it('refuses data hidden in a folder entry', async () => {
    const g = await genuine();
    const work = path.join(g.dir, 'work');
    unzipInto(g.pkg.path, work);
    const folder = `${g.pkg.bagName}/data/`;
    const zip = rawZip([
      { name: folder, data: 'not part of the signed payload', mode: 0o040755 },
      ...listFiles(work).map((name) => ({ name, data: fs.readFileSync(path.join(work, name)) })),
    ]);
    const r = await g.verify(zip);
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual([
      `Entry ${JSON.stringify(folder)} is a folder but holds 30 bytes (data hidden in a folder entry).`,
    ]);
  });

  it('refuses a bag-info.txt field given twice, even when the signer signed it', async () => {
    const g = await genuine();
    const work = path.join(g.dir, 'work');
    unzipInto(g.pkg.path, work);
    const bag = path.join(work, g.pkg.bagName);
    const info = fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8');
    fs.writeFileSync(path.join(bag, 'bag-info.txt'), `${info}External-Identifier: another-assessment\n`);
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'signer.pub.pem'];
    const tm = formatManifest(
      tags.map((t) => ({ path: t, sha256: sha256(fs.readFileSync(path.join(bag, t))) })),
    );
    fs.writeFileSync(path.join(bag, 'tagmanifest-sha256.txt'), tm);
    fs.writeFileSync(path.join(bag, 'tagmanifest-sha256.txt.sig'), g.pkg.signer.sign(Buffer.from(tm)));
    const zip = rawZip(
      listFiles(work).map((name) => ({ name, data: fs.readFileSync(path.join(work, name)) })),
    );
    const r = await g.verify(zip);
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual(['bag-info.txt gives External-Identifier 2 times; a package gives it once.']);
  });
});
