import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { flipByte, rezip, unzipInto, writeTestPackage } from '../helpers/packages';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('zonewalk verify', () => {
  it('exits 3 for an unknown signer, 0 with --trust or the trust list, 1 when tampered, 2 when unreadable', async () => {
    const dir = tempDir();
    const data = tempDir();
    const pkg = await writeTestPackage(dir);
    const untrusted = await cli(['--data-dir', data, 'verify', pkg.path]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.stdout).toContain(`Signer: ${pkg.signerFingerprint} (NOT in your trust list)`);
    expect(untrusted.stdout).toMatch(/^VALID but the signer is not trusted/m);
    // A recipient without a workspace: verify creates none.
    expect(fs.existsSync(path.join(data, DB_FILE_NAME))).toBe(false);

    const pem = path.join(dir, 'ana.pub.pem');
    fs.writeFileSync(pem, pkg.signer.publicPem);
    const given = await cli(['--data-dir', data, 'verify', pkg.path, '--trust', pem]);
    expect(given.code).toBe(0);
    expect(given.stdout).toContain('(trusted: ana.pub.pem)');

    expect((await cli(['--data-dir', data, 'trust', 'add', pem, '--name', 'Ana Kovač'])).code).toBe(0);
    const listed = await cli(['--data-dir', data, 'verify', pkg.path]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^VALID: the package is intact and signed by a trusted key\.$/m);

    const work = path.join(dir, 'w');
    unzipInto(pkg.path, work);
    const photo = fs.readdirSync(path.join(work, pkg.bagName, 'data/evidence'))[0];
    const rel = `data/evidence/${photo}/cabinet photo.jpg`;
    flipByte(path.join(work, pkg.bagName, rel), 100);
    const tampered = path.join(dir, 'tampered.audit.zip');
    rezip(work, tampered);
    const bad = await cli(['--data-dir', data, 'verify', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`  changed    ${rel}`);
    expect(bad.stdout).toContain(
      `INVALID:\n  - ${rel} was changed (its SHA-256 is not the one in the manifest).`,
    );

    const json = await cli(['--data-dir', data, 'verify', tampered, '--json']);
    const report = JSON.parse(json.stdout);
    expect(json.code).toBe(1);
    expect(report).toMatchObject({ verdict: 'invalid', exitCode: 1 });
    expect(report.files.find((f: { path: string }) => f.path === rel).status).toBe('changed');

    fs.writeFileSync(path.join(dir, 'cut.audit.zip'), fs.readFileSync(pkg.path).subarray(0, 1000));
    const cut = await cli(['--data-dir', data, 'verify', path.join(dir, 'cut.audit.zip')]);
    expect(cut.code).toBe(2);
    expect(cut.stdout).toMatch(/UNREADABLE:\n {2}- cut.audit.zip is not a readable ZIP file/);
    expect((await cli(['--data-dir', data, 'verify'])).code).toBe(2);
  });
});

describe('zonewalk keys and trust', () => {
  it('creates, lists, exports and imports keys with the passphrase from ZONEWALK_PASSPHRASE, never from an argument', async () => {
    const data = tempDir();
    const out = tempDir();
    const env = { ZONEWALK_PASSPHRASE: 'correct horse battery' };
    const noPass = await cli(['--data-dir', data, 'keys', 'create', 'Ana']);
    expect(noPass.code).toBe(2);
    expect(noPass.stderr).toMatch(/no passphrase: set ZONEWALK_PASSPHRASE or run in a terminal/);
    const created = await cli(['--data-dir', data, 'keys', 'create', 'Ana'], env);
    expect(created.code).toBe(0);
    const [name, fingerprint] = created.stdout.trim().split('\t');
    expect(name).toBe('Ana');
    expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await cli(['--data-dir', data, 'keys', 'list'])).stdout).toContain(`Ana\t${fingerprint}`);
    const pub = (await cli(['--data-dir', data, 'keys', 'export', 'Ana', '--out', out])).stdout.trim();
    const priv = (
      await cli(['--data-dir', data, 'keys', 'export', 'Ana', '--private', '--out', out])
    ).stdout.trim();
    expect(fs.readFileSync(pub, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(fs.readFileSync(priv, 'utf8')).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);

    const other = tempDir();
    const wrong = await cli(['--data-dir', other, 'keys', 'import', priv, '--name', 'Ana'], {
      ZONEWALK_PASSPHRASE: 'nope',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('zonewalk: The passphrase does not open this private key.\n');
    const imported = await cli(
      ['--data-dir', other, 'keys', 'import', priv, '--name', 'Ana', '--public', pub],
      env,
    );
    expect(imported.stdout.trim()).toBe(`Ana\t${fingerprint}`);
    expect((await cli(['--data-dir', other, 'trust', 'add', pub, '--name', 'Ana'])).code).toBe(0);
    expect((await cli(['--data-dir', other, 'trust', 'list'])).stdout).toBe(`Ana\t${fingerprint}\n`);
    expect((await cli(['--data-dir', other, 'trust', 'remove', fingerprint])).code).toBe(0);
    expect((await cli(['--data-dir', other, 'keys', 'delete', 'Ana'])).stdout).toBe('deleted Ana\n');
  });
});

describe('zonewalk package', () => {
  it('writes a signed package of the demo that zonewalk verify accepts; a wrong passphrase writes nothing', async () => {
    const data = tempDir();
    const out = tempDir();
    const env = { ZONEWALK_PASSPHRASE: 'correct horse battery' };
    const id = (await cli(['--data-dir', data, 'demo'])).stdout.trim();
    expect((await cli(['--data-dir', data, 'keys', 'create', 'Ana'], env)).code).toBe(0);
    const wrong = await cli(['--data-dir', data, 'package', id, '--out', out, '--key', 'Ana'], {
      ZONEWALK_PASSPHRASE: 'wrong passphrase',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe('zonewalk: The passphrase for signing key "Ana" is wrong.\n');
    expect(fs.readdirSync(out)).toEqual([]);
    const made = await cli(['--data-dir', data, 'package', id, '--out', out, '--key', 'Ana', '--quiet'], env);
    expect(made.stderr).toMatch(/^Signed by Ana: sha256:[0-9a-f]{64}\nRedaction: none\n$/);
    expect(made.code).toBe(0);
    const pkg = made.stdout.trim();
    expect(path.basename(pkg)).toMatch(/^riverside-water-treatment-works-2026_\d{8}T\d{6}Z\.audit\.zip$/);
    const verified = await cli(['--data-dir', data, 'verify', pkg]);
    expect(verified.stdout).toMatch(/^VALID: the package is intact and signed by a trusted key\.$/m);
    expect(verified.code).toBe(0);
    const usage = await cli([
      '--data-dir',
      data,
      'package',
      id,
      '--out',
      out,
      '--key',
      'Ana',
      '--redaction',
      'vendor',
    ]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--redaction vendor needs --vendor V');
  });
});
