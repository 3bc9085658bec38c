import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatManifest, parseManifest } from '../../src/core/package/bagit';
import { verifyPackage } from '../../src/main/services/package/verify';
import {
  flipByte,
  listFiles,
  rezip,
  sha256,
  testSigner,
  unzipInto,
  writeTestPackage,
} from '../helpers/packages';
import { tempDir } from '../helpers/workspace';

const trustAll = () => ({ trusted: true as const, name: 'Ana', source: 'trust-list' as const });

/** A fresh package, unzipped, with a function to zip it again after tampering. */
async function unpacked() {
  const dir = tempDir();
  const pkg = await writeTestPackage(dir);
  const work = path.join(dir, 'work');
  unzipInto(pkg.path, work);
  const bag = path.join(work, pkg.bagName);
  const out = path.join(dir, 'tampered', pkg.fileName);
  fs.mkdirSync(path.dirname(out));
  return {
    pkg,
    bag,
    at: (p: string) => path.join(bag, p),
    async verify(order?: string[]) {
      rezip(work, out, order);
      return verifyPackage(out, { trustOf: trustAll });
    },
  };
}

describe('verify a package', () => {
  it('passes a fresh package: every check green, every file listed, exit 0 when trusted, 3 when not', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(dir);
    const trusted = await verifyPackage(pkg.path, { trustOf: trustAll });
    expect(trusted.reasons).toEqual([]);
    expect(trusted.verdict).toBe('valid-trusted');
    expect(trusted.exitCode).toBe(0);
    expect(trusted.checks.every((c) => c.status === 'pass')).toBe(true);
    expect(trusted.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'zip',
        'zip-safety',
        'single-folder',
        'layout',
        'bagit',
        'signer-key',
        'signature',
        'tag-manifest',
        'bag-info',
        'format',
        'fingerprint',
        'payload',
        'payload-oxum',
        'audit-trail',
        'trust',
      ]),
    );
    expect(trusted.files).toHaveLength(4 + 5);
    expect(trusted.files.every((f) => f.status === 'ok')).toBe(true);
    expect(trusted.signer).toEqual({
      fingerprint: pkg.signerFingerprint,
      trusted: true,
      name: 'Ana',
      source: 'trust-list',
    });
    expect(trusted.bagInfo['Payload-Oxum']).toBe(pkg.payloadOxum);
    expect(trusted.tagManifestSha256).toBe(pkg.tagManifestSha256);

    const untrusted = await verifyPackage(pkg.path);
    expect(untrusted.verdict).toBe('valid-untrusted');
    expect(untrusted.exitCode).toBe(3);
    expect(untrusted.checks.find((c) => c.id === 'trust')).toMatchObject({ status: 'warn' });
  });

  it('still passes after a plain unzip and re-zip (entry order and zip tool do not matter)', async () => {
    const u = await unpacked();
    const files = listFiles(path.dirname(u.bag)).reverse();
    const r = await u.verify(files);
    expect(r.reasons).toEqual([]);
    expect(r.exitCode).toBe(0);
  });

  it.each([
    'data/assessment.json',
    'data/gap-register.xlsx',
    'data/findings-report.pdf',
    'data/evidence/*/cabinet photo.jpg',
  ])('names a payload file changed by one byte: %s', async (pattern) => {
    const u = await unpacked();
    const rel = listFiles(u.bag).find((f) =>
      new RegExp(`^${pattern.replace('*', '[0-9a-f]{64}')}$`).test(f),
    )!;
    flipByte(u.at(rel), 7);
    const r = await u.verify();
    expect(r.exitCode).toBe(1);
    expect(r.reasons[0]).toBe(`${rel} was changed (its SHA-256 is not the one in the manifest).`);
    expect(r.files.find((f) => f.path === rel)).toMatchObject({ status: 'changed' });
    expect(r.files.filter((f) => f.status !== 'ok')).toHaveLength(1);
  });

  it('names an empty payload file that gained a byte', async () => {
    const u = await unpacked();
    fs.writeFileSync(u.at('data/audit-trail.jsonl'), 'x');
    const r = await u.verify();
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toContain(
      'data/audit-trail.jsonl was changed (its SHA-256 is not the one in the manifest).',
    );
  });

  it.each(['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'signer.pub.pem'])(
    'names a tag file changed by one byte: %s',
    async (tag) => {
      const u = await unpacked();
      flipByte(u.at(tag), 3);
      const r = await u.verify();
      expect(r.exitCode).toBe(1);
      expect(r.reasons.join('\n')).toContain(`${tag} was changed after signing`);
      expect(r.files.find((f) => f.path === tag)).toMatchObject({ status: 'changed' });
    },
  );

  it('refuses a changed tag manifest and a changed signature', async () => {
    const a = await unpacked();
    const tm = fs.readFileSync(a.at('tagmanifest-sha256.txt'), 'utf8');
    fs.writeFileSync(
      a.at('tagmanifest-sha256.txt'),
      tm.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
    );
    const r1 = await a.verify();
    expect(r1.exitCode).toBe(1);
    expect(r1.checks.find((c) => c.id === 'signature')).toMatchObject({ status: 'fail' });
    expect(r1.reasons[0]).toMatch(/signature does not match tagmanifest-sha256.txt/);

    const b = await unpacked();
    flipByte(b.at('tagmanifest-sha256.txt.sig'), 10);
    const r2 = await b.verify();
    expect(r2.exitCode).toBe(1);
    expect(r2.reasons).toHaveLength(1);
    expect(r2.reasons[0]).toMatch(/signature does not match/);

    const c = await unpacked();
    fs.writeFileSync(c.at('tagmanifest-sha256.txt.sig'), Buffer.alloc(63));
    const r3 = await c.verify();
    expect(r3.reasons[0]).toBe('tagmanifest-sha256.txt.sig is 63 bytes; an Ed25519 signature is 64.');
  });

  it('refuses a package re-signed by another key with the first key fingerprint claimed in bag-info', async () => {
    const u = await unpacked();
    const other = testSigner();
    fs.writeFileSync(u.at('signer.pub.pem'), other.publicPem);
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'signer.pub.pem'];
    const tm = formatManifest(tags.map((t) => ({ path: t, sha256: sha256(fs.readFileSync(u.at(t))) })));
    fs.writeFileSync(u.at('tagmanifest-sha256.txt'), tm);
    fs.writeFileSync(u.at('tagmanifest-sha256.txt.sig'), other.sign(Buffer.from(tm)));
    const r = await u.verify();
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual([
      `bag-info.txt names signer ${u.pkg.signerFingerprint}, but signer.pub.pem is ${other.fingerprint}.`,
    ]);
  });

  it('names a file that was added, and one that was removed', async () => {
    const a = await unpacked();
    fs.writeFileSync(a.at('data/evidence/extra.txt'), 'planted');
    const r1 = await a.verify();
    expect(r1.exitCode).toBe(1);
    expect(r1.reasons).toContain(
      'data/evidence/extra.txt is in the package but not in the manifest (a file was added).',
    );
    expect(r1.checks.find((c) => c.id === 'payload-oxum')).toMatchObject({ status: 'fail' });

    const b = await unpacked();
    fs.writeFileSync(b.at('notes.txt'), 'planted at the root');
    const r2 = await b.verify();
    expect(r2.reasons).toContain('notes.txt is not part of a package (nothing else may be in the bag).');

    const c = await unpacked();
    fs.rmSync(c.at('data/findings-report.pdf'));
    const r3 = await c.verify();
    expect(r3.exitCode).toBe(1);
    expect(r3.reasons[0]).toBe(
      'data/findings-report.pdf is listed in the manifest but missing from the package.',
    );
    expect(r3.files.find((f) => f.path === 'data/findings-report.pdf')).toMatchObject({ status: 'missing' });

    const d = await unpacked();
    fs.rmSync(d.at('tagmanifest-sha256.txt.sig'));
    const r4 = await d.verify();
    expect(r4.reasons).toContain('tagmanifest-sha256.txt.sig is missing.');
  });

  it('reordered manifest lines fail through the tag manifest; reordered and re-signed by the signer they pass', async () => {
    const u = await unpacked();
    const text = fs.readFileSync(u.at('manifest-sha256.txt'), 'utf8');
    const reordered = text.trim().split('\n').reverse().join('\n').concat('\n');
    expect(parseManifest(reordered).entries).toHaveLength(5);
    fs.writeFileSync(u.at('manifest-sha256.txt'), reordered);
    const r1 = await u.verify();
    expect(r1.exitCode).toBe(1);
    expect(r1.reasons).toEqual([
      'manifest-sha256.txt was changed after signing (its hash is not the one in tagmanifest-sha256.txt).',
    ]);

    // BagIt gives manifest order no meaning: the same signer re-signing the reordered manifest is valid.
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'signer.pub.pem'];
    const tm = formatManifest(tags.map((t) => ({ path: t, sha256: sha256(fs.readFileSync(u.at(t))) })));
    fs.writeFileSync(u.at('tagmanifest-sha256.txt'), tm);
    fs.writeFileSync(u.at('tagmanifest-sha256.txt.sig'), u.pkg.signer.sign(Buffer.from(tm)));
    const r2 = await u.verify();
    expect(r2.reasons).toEqual([]);
    expect(r2.exitCode).toBe(0);
  });

  it('refuses an unknown format version and a broken audit trail', async () => {
    const dir = tempDir();
    const signer = testSigner();
    const { bufferFile } = await import('../../src/main/services/package/payload');
    const { eventHash, GENESIS_HASH } = await import('../../src/core/audit/auditChain');
    const fields = {
      seq: 1,
      at: '2026-11-27T10:00:00Z',
      actor: 'ana',
      action: 'zone.created',
      entity: 'zone',
      entityId: 'z1',
      data: { name: 'Intake' },
    };
    const e1 = { ...fields, prev: GENESIS_HASH, hash: eventHash(GENESIS_HASH, fields, sha256) };
    const tampered = { ...e1, data: { name: 'Outtake' } };
    const pkg = await writeTestPackage(dir, {
      signer,
      files: [
        bufferFile('assessment.json', '{}'),
        bufferFile('gap-register.xlsx', 'x'),
        bufferFile('findings-report.pdf', 'x'),
        bufferFile('audit-trail.jsonl', `${JSON.stringify(tampered)}\n`),
      ],
    });
    const r = await verifyPackage(pkg.path, { trustOf: trustAll });
    expect(r.exitCode).toBe(1);
    expect(r.reasons).toEqual([
      'The audit trail is broken at event 1: event 1 was changed after it was recorded.',
    ]);

    const work = path.join(dir, 'w');
    unzipInto(pkg.path, work);
    const bag = path.join(work, pkg.bagName);
    const info = fs
      .readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')
      .replace('Zonewalk-Package-Format: 1', 'Zonewalk-Package-Format: 2');
    fs.writeFileSync(path.join(bag, 'bag-info.txt'), info);
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'signer.pub.pem'];
    const tm = formatManifest(
      tags.map((t) => ({ path: t, sha256: sha256(fs.readFileSync(path.join(bag, t))) })),
    );
    fs.writeFileSync(path.join(bag, 'tagmanifest-sha256.txt'), tm);
    fs.writeFileSync(path.join(bag, 'tagmanifest-sha256.txt.sig'), signer.sign(Buffer.from(tm)));
    const out = path.join(dir, 'v2.audit.zip');
    rezip(work, out);
    const r2 = await verifyPackage(out, { trustOf: trustAll });
    expect(r2.reasons).toContain(
      'The package says Zonewalk-Package-Format: 2; this Zonewalk reads format 1 only.',
    );
  });

  it('reads percent-encoded manifest paths (RFC 8493) for files with % and line breaks in their names', async () => {
    const dir = tempDir();
    const { bufferFile } = await import('../../src/main/services/package/payload');
    const odd = 'evidence/x/100%\nsure.txt';
    const pkg = await writeTestPackage(dir, {
      files: [
        bufferFile('assessment.json', '{}'),
        bufferFile('gap-register.xlsx', 'x'),
        bufferFile('findings-report.pdf', 'x'),
        bufferFile('audit-trail.jsonl', ''),
        bufferFile(odd, 'odd'),
      ],
    });
    const work = path.join(dir, 'w');
    fs.mkdirSync(work);
    execFileSync('unzip', ['-q', '-o', pkg.path, `${pkg.bagName}/manifest-sha256.txt`, '-d', work]);
    expect(fs.readFileSync(path.join(work, pkg.bagName, 'manifest-sha256.txt'), 'utf8')).toContain(
      '  data/evidence/x/100%25%0Asure.txt\n',
    );
    const r = await verifyPackage(pkg.path, { trustOf: trustAll });
    expect(r.reasons).toEqual([]);
    expect(r.files.map((f) => f.path)).toContain(`data/${odd}`);
  });
});
