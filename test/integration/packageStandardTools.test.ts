import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/core/safeFileName';
import { writeTestPackage } from '../helpers/packages';
import { tempDir } from '../helpers/workspace';

const sh = (cmd: string, cwd: string) => execSync(cmd, { cwd, encoding: 'utf8', shell: '/bin/bash' });

/** Runs a command that must fail and returns what it printed. */
function failing(cmd: string, cwd: string): string {
  try {
    sh(cmd, cwd);
  } catch (err) {
    return String((err as { stdout?: string }).stdout);
  }
  throw new Error(`expected ${cmd} to fail`);
}

describe('a package checked with tools Zonewalk did not write', () => {
  it('passes the three commands of audit-package.md, and the fingerprint matches', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(dir);
    fs.copyFileSync(pkg.path, path.join(dir, 'pkg.audit.zip'));
    // Exactly as the spec prints them, from a renamed copy.
    sh('unzip -q pkg.audit.zip', dir);
    const bag = path.join(dir, pkg.bagName);
    expect(fs.statSync(bag).isDirectory()).toBe(true);
    const verified = sh(
      'openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig',
      bag,
    );
    expect(verified.trim()).toBe('Signature Verified Successfully');
    const sums = sh('sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt', bag);
    const lines = sums.trim().split('\n');
    expect(lines).toHaveLength(4 + 5);
    expect(lines.every((l) => l.endsWith(': OK'))).toBe(true);
    const fp = sh('openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum', bag);
    expect(`sha256:${fp.split(' ')[0]}`).toBe(pkg.signerFingerprint);
    expect(fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toContain(
      `Zonewalk-Signer-Fingerprint: ${pkg.signerFingerprint}\n`,
    );
    expect(sh(`unzip -tq ${JSON.stringify(pkg.path)}`, dir)).toMatch(/^No errors detected/);
  });

  it('fails those commands after tampering, as a recipient would see it', async () => {
    const dir = tempDir();
    const pkg = await writeTestPackage(dir);
    sh(`unzip -q ${JSON.stringify(pkg.path)}`, dir);
    const bag = path.join(dir, pkg.bagName);
    fs.appendFileSync(path.join(bag, 'data/assessment.json'), ' ');
    expect(failing('sha256sum -c --quiet manifest-sha256.txt 2>&1', bag)).toMatch(/assessment.json: FAILED/);
    fs.appendFileSync(path.join(bag, 'bag-info.txt'), 'Note: x\n');
    expect(failing('sha256sum -c --quiet tagmanifest-sha256.txt 2>&1', bag)).toMatch(/bag-info.txt: FAILED/);
  });
});

describe('a package of the demo assessment, with its real reports and evidence', () => {
  it('passes zonewalk verify and the standard-tools commands', async () => {
    const { openTestWorkspace } = await import('../helpers/workspace');
    const { buildDemo } = await import('../../src/main/services/demo');
    const { trustResolver } = await import('../../src/main/services/package/trust');
    const { verifyPackage } = await import('../../src/main/services/package/verify');
    const { services } = openTestWorkspace();
    const demo = buildDemo(services);
    const photo = Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////2wBDAf//////////////////////////////////////////////////////////////////////////////////////wAARCAABAAEDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFAEBAAAAAAAAAAAAAAAAAAAAAP/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AKAA/9k=',
      'base64',
    );
    await services.evidence.addBytes(demo.id, { fileName: 'cabinet 3 door.jpg', bytes: photo });
    await services.evidence.addNote(demo.id, {
      text: 'Switch config reviewed on site.',
      title: 'switch config',
    });
    const key = services.signing.create('Ana Kovač', 'correct horse battery');
    const out = tempDir();
    const result = await services.exports.exportNow({
      assessmentId: demo.id,
      outputs: { package: true, gapRegister: false, report: false },
      redaction: 'none',
      keyName: 'Ana Kovač',
      passphrase: 'correct horse battery',
      outDir: out,
    });
    const pkg = result.files[0].path;
    const report = await verifyPackage(pkg, { trustOf: trustResolver(services.signing) });
    expect(report.reasons).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.files.filter((f) => f.path.startsWith('data/evidence/'))).toHaveLength(2);
    const pdf = report.files.find((f) => f.path === 'data/findings-report.pdf');
    expect(pdf?.size).toBeGreaterThan(10_000);
    sh(`unzip -q ${JSON.stringify(pkg)}`, out);
    const bag = path.join(out, path.basename(pkg, '.zip'));
    expect(fs.readFileSync(path.join(bag, 'data/findings-report.pdf')).subarray(0, 5).toString()).toBe(
      '%PDF-',
    );
    expect(fs.readFileSync(path.join(bag, 'data/gap-register.xlsx')).subarray(0, 2).toString()).toBe('PK');
    expect(
      sh(
        'openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig',
        bag,
      ).trim(),
    ).toBe('Signature Verified Successfully');
    const sums = sh('sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt', bag)
      .trim()
      .split('\n');
    expect(sums.every((l) => l.endsWith(': OK'))).toBe(true);
    expect(sums).toHaveLength(4 + 4 + 2);
    const fp = sh('openssl pkey -pubin -in signer.pub.pem -outform DER | sha256sum', bag);
    expect(`sha256:${fp.split(' ')[0]}`).toBe(key.fingerprint);
    const doc = JSON.parse(fs.readFileSync(path.join(bag, 'data/assessment.json'), 'utf8'));
    expect(doc.format).toBe('zonewalk.assessment/2');
    expect(doc.assessment.id).toBe(demo.id);
    const trail = fs.readFileSync(path.join(bag, 'data/audit-trail.jsonl'), 'utf8').trim().split('\n');
    expect(trail.length).toBe(services.ws.trail.list(demo.id).length - 1);
  }, 60_000);
});

describe('evidence with long non-Latin names', () => {
  it('unzip and sha256sum -c accept 120-character Chinese, Korean and Cyrillic names; assessment.json keeps the stored name (bounded to 200 bytes at capture)', async () => {
    const { openTestWorkspace } = await import('../helpers/workspace');
    const { services } = openTestWorkspace();
    const a = services.assessments.create({ title: 'Umspannwerk Ost', site: 'Ost' });
    const names = [
      `${'变电站二号机柜门照片'.repeat(12)}.jpg`,
      `${'변전소제어반사진입니다'.repeat(11)}.png`,
      `${'Фотография шкафа управления '.repeat(5)}.txt`,
    ];
    for (const [i, fileName] of names.entries()) {
      expect([...fileName.replace(/\.\w+$/, '')].length).toBeGreaterThanOrEqual(120);
      await services.evidence.addBytes(a.id, { fileName, bytes: Buffer.from(`evidence ${i}`) });
    }
    services.signing.create('Ana Kovač', 'correct horse battery');
    const out = tempDir();
    const result = await services.exports.exportNow({
      assessmentId: a.id,
      outputs: { package: true, gapRegister: false, report: false },
      redaction: 'none',
      keyName: 'Ana Kovač',
      passphrase: 'correct horse battery',
      outDir: out,
    });
    const pkg = result.files[0].path;
    sh(`unzip -q ${JSON.stringify(pkg)}`, out);
    const bag = path.join(out, path.basename(pkg, '.zip'));
    const sums = sh('sha256sum -c manifest-sha256.txt', bag).trim().split('\n');
    expect(sums.filter((l) => l.includes('data/evidence/'))).toHaveLength(3);
    expect(sums.every((l) => l.endsWith(': OK'))).toBe(true);
    const stored = fs
      .readdirSync(path.join(bag, 'data/evidence'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => d.name);
    expect(stored.map((n) => n.slice(-4)).sort()).toEqual(['.jpg', '.png', '.txt']);
    for (const n of stored) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(128);
    const doc = JSON.parse(fs.readFileSync(path.join(bag, 'data/assessment.json'), 'utf8'));
    // The store keeps each name as captured, bounded by the file-name rule; the bag entry is shorter still.
    expect(doc.evidence.map((e: { fileName: string }) => e.fileName).sort()).toEqual(
      names.map((n) => safeFileName(n)).sort(),
    );
  }, 60_000);
});
