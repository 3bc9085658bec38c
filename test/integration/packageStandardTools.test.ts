import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
