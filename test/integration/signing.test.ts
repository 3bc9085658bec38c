import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { SCRYPT } from '../../src/main/services/signing/encryptedPkcs8';
import { fingerprintOf } from '../../src/main/services/signing/keys';
import type { SigningKeyInfo } from '../../src/shared/contract/signing';
import { ok, openTestWorkspace, tempDir } from '../helpers/workspace';

const PASS = 'correct horse battery';

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { encoding: 'utf8', input });
}

describe('signing identities', () => {
  it('creates an Ed25519 key whose fingerprint is sha256 of the DER public key, and never stores it in clear', async () => {
    const { table, dir, services } = openTestWorkspace();
    const key = await ok<SigningKeyInfo>(table['keys.create']({ name: 'Ana Kovač', passphrase: PASS }));
    expect(key.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(key.protection).toBe(`scrypt N=16384 r=8 p=${SCRYPT.p}, AES-256-CBC (encrypted PKCS#8)`);
    expect(await ok(table['keys.list']({}))).toEqual([key]);
    const row = services.ws.db.prepare('SELECT public_pem, private_pem FROM signing_key').get() as {
      public_pem: string;
      private_pem: string;
    };
    expect(fingerprintOf(createPublicKey(row.public_pem))).toBe(key.fingerprint);
    expect(row.private_pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(() => createPrivateKey(row.private_pem)).toThrow();
    // Neither the passphrase nor the clear key are anywhere in the database files.
    services.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const clear = createPrivateKey({ key: row.private_pem, passphrase: PASS })
      .export({ type: 'pkcs8', format: 'der' })
      .subarray(-32);
    for (const f of fs.readdirSync(dir).filter((n) => n.startsWith(DB_FILE_NAME))) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(Buffer.from(PASS))).toBe(false);
      expect(bytes.includes(clear)).toBe(false);
    }
  });

  it('costs at least 100 ms to unlock (scrypt), and tells a wrong passphrase apart', async () => {
    const { table, services } = openTestWorkspace();
    await ok(table['keys.create']({ name: 'Ana', passphrase: PASS }));
    const t0 = performance.now();
    const unlocked = services.signing.unlock('Ana', PASS);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(100);
    expect(unlocked.privateKey.asymmetricKeyType).toBe('ed25519');
    const wrong = await table['keys.exportPrivate']({ name: 'Nobody' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(() => services.signing.unlock('Ana', 'not the passphrase')).toThrow(
      'The passphrase for signing key "Ana" is wrong.',
    );
  });

  it('exports a public key and an encrypted private key that openssl reads with the passphrase', async () => {
    const { table } = openTestWorkspace();
    const out = tempDir();
    const key = await ok<SigningKeyInfo>(table['keys.create']({ name: 'Ana Kovač', passphrase: PASS }));
    const pub = await ok<{ path: string; pem: string }>(
      table['keys.exportPublic']({ name: 'Ana Kovač', outDir: out }),
    );
    const priv = await ok<{ path: string; pem: string }>(
      table['keys.exportPrivate']({ name: 'ana kovač', outDir: out }),
    );
    expect(path.basename(pub.path)).toBe('Ana-Kovac.pub.pem');
    expect(path.basename(priv.path)).toBe('Ana-Kovac.key.pem');
    expect((fs.statSync(priv.path).mode & 0o777).toString(8)).toBe('600');
    expect(fs.readFileSync(pub.path, 'utf8')).toBe(pub.pem);
    const der = execFileSync('openssl', ['pkey', '-pubin', '-in', pub.path, '-outform', 'DER']);
    expect(`sha256:${createHash('sha256').update(der).digest('hex')}`).toBe(key.fingerprint);
    const text = openssl(['pkey', '-in', priv.path, '-passin', `pass:${PASS}`, '-noout', '-text']);
    expect(text).toMatch(/^ED25519 Private-Key:/);
    const pubFromPriv = openssl(['pkey', '-in', priv.path, '-passin', `pass:${PASS}`, '-pubout']);
    expect(pubFromPriv).toBe(pub.pem);
    expect(() =>
      execFileSync('openssl', ['pkey', '-in', priv.path, '-passin', 'pass:wrong', '-noout'], {
        stdio: 'pipe',
      }),
    ).toThrow();
    const asn1 = openssl(['asn1parse', '-in', priv.path]);
    expect(asn1).toMatch(/:PBES2/);
    expect(asn1).toMatch(/:scrypt/);
    expect(asn1).toMatch(/:aes-256-cbc/);
  });

  it('imports an encrypted key from openssl (re-encrypted under scrypt) and refuses a wrong passphrase or a clear key', async () => {
    const { table, services } = openTestWorkspace();
    const dir = tempDir();
    const file = path.join(dir, 'k.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', path.join(dir, 'clear.pem')]);
    execFileSync('openssl', [
      'pkcs8',
      '-topk8',
      '-v2',
      'aes-256-cbc',
      '-in',
      path.join(dir, 'clear.pem'),
      '-out',
      file,
      '-passout',
      'pass:from openssl',
    ]);
    const pem = fs.readFileSync(file, 'utf8');
    const bad = await table['keys.import']({ name: 'Jonas', privatePem: pem, passphrase: 'nope' });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'The passphrase does not open this private key.' },
    });
    const clear = await table['keys.import']({
      name: 'Jonas',
      privatePem: fs.readFileSync(path.join(dir, 'clear.pem'), 'utf8'),
      passphrase: 'x',
    });
    expect(clear).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    expect(await ok(table['keys.list']({}))).toEqual([]);

    const pubPem = openssl(['pkey', '-in', path.join(dir, 'clear.pem'), '-pubout']);
    const key = await ok<SigningKeyInfo>(
      table['keys.import']({ name: 'Jonas', privatePem: pem, passphrase: 'from openssl', publicPem: pubPem }),
    );
    expect(key.fingerprint).toBe(fingerprintOf(createPublicKey(pubPem)));
    const stored = services.ws.db.prepare('SELECT private_pem FROM signing_key').pluck().get() as string;
    expect(openssl(['asn1parse'], stored)).toMatch(/:scrypt/);
    expect(services.signing.unlock('Jonas', 'from openssl').privateKey.asymmetricKeyType).toBe('ed25519');

    const again = await table['keys.import']({ name: 'Other', privatePem: pem, passphrase: 'from openssl' });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('already in Zonewalk as "Jonas"') },
    });
    const mismatch = await table['keys.import']({
      name: 'Mismatch',
      privatePem: pem,
      passphrase: 'from openssl',
      publicPem: openssl(['pkey', '-pubout'], openssl(['genpkey', '-algorithm', 'ed25519'])),
    });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { message: 'The public key file does not belong to this private key.' },
    });
    const rsa = openssl([
      'genpkey',
      '-algorithm',
      'rsa',
      '-pkeyopt',
      'rsa_keygen_bits:1024',
      '-aes-256-cbc',
      '-pass',
      'pass:rsa-pass',
    ]);
    const rsaImport = await table['keys.import']({ name: 'RSA', privatePem: rsa, passphrase: 'rsa-pass' });
    expect(rsaImport).toMatchObject({
      ok: false,
      error: { message: 'This is a rsa key; Zonewalk signs with Ed25519 keys only.' },
    });
  });

  it('refuses a duplicate name, a short passphrase, and deletes a key', async () => {
    const { table } = openTestWorkspace();
    await ok(table['keys.create']({ name: 'Ana', passphrase: PASS }));
    expect(await table['keys.create']({ name: 'ana', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'A signing key named "Ana" already exists. Choose another name.' },
    });
    expect(await table['keys.create']({ name: 'Short', passphrase: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('at least 8 characters') },
    });
    expect(await ok(table['keys.delete']({ name: 'Ana' }))).toEqual({ deleted: 'Ana' });
    expect(await ok(table['keys.list']({}))).toEqual([]);
  });

  it('keeps a trust list of other auditors public keys', async () => {
    const { table, services } = openTestWorkspace();
    const pem = openssl(['pkey', '-pubout'], openssl(['genpkey', '-algorithm', 'ed25519']));
    const added = await ok<{ fingerprint: string }>(table['trust.add']({ name: 'Jonas Weber', pem }));
    expect(added.fingerprint).toBe(fingerprintOf(createPublicKey(pem)));
    expect(await ok(table['trust.list']({}))).toEqual([
      { name: 'Jonas Weber', fingerprint: added.fingerprint, addedAt: expect.any(String) },
    ]);
    expect(services.signing.trustOf(added.fingerprint)).toEqual({
      trusted: true,
      name: 'Jonas Weber',
      source: 'trust-list',
    });
    expect(await table['trust.add']({ name: 'Again', pem })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await table['trust.add']({ name: 'Junk', pem: 'hello' })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-file',
        message:
          'The file is not a public key in PEM format (it must start with "-----BEGIN PUBLIC KEY-----").',
      },
    });
    const rsaPub = openssl(
      ['pkey', '-pubout'],
      openssl(['genpkey', '-algorithm', 'rsa', '-pkeyopt', 'rsa_keygen_bits:1024']),
    );
    expect(await table['trust.add']({ name: 'RSA', pem: rsaPub })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('rsa key') },
    });
    expect(await ok(table['trust.remove']({ fingerprint: added.fingerprint }))).toEqual({
      removed: added.fingerprint,
    });
    expect(services.signing.trustOf(added.fingerprint)).toEqual({ trusted: false });
    const own = await ok<SigningKeyInfo>(table['keys.create']({ name: 'Me', passphrase: PASS }));
    expect(services.signing.trustOf(own.fingerprint)).toEqual({
      trusted: true,
      name: 'Me',
      source: 'own-key',
    });
  });
});
