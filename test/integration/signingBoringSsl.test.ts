import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run';
import { buildDemo } from '../../src/main/services/demo';
import { tempDir } from '../helpers/workspace';

// Electron's Node is built on BoringSSL, whose encrypted-PKCS#8 reader knows PBKDF2 only. This
// stand-in makes createPrivateKey refuse a scrypt-PBES2 PEM with BoringSSL's error, so the test
// sees what the desktop app sees.
const SCRYPT_OID = Buffer.from('06092b06010401da47040b', 'hex');
const boring = vi.hoisted(() => ({ refused: 0 }));

vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  const createPrivateKey: typeof real.createPrivateKey = (input) => {
    if (typeof input === 'object' && !Buffer.isBuffer(input) && 'passphrase' in input) {
      const key = input.key;
      const pem = typeof key === 'string' ? key : Buffer.isBuffer(key) ? key.toString('latin1') : '';
      const body = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
      if (Buffer.from(body, 'base64').includes(SCRYPT_OID)) {
        boring.refused++;
        throw Object.assign(
          new Error('error:1e000074:PKCS8 routines:OPENSSL_internal:UNSUPPORTED_KEY_DERIVATION_FUNCTION'),
          { code: 'ERR_OSSL_PKCS8_UNSUPPORTED_KEY_DERIVATION_FUNCTION' },
        );
      }
    }
    return real.createPrivateKey(input);
  };
  return { ...real, default: { ...real, createPrivateKey }, createPrivateKey };
});

const PASS = 'correct horse battery';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: { ZONEWALK_PASSPHRASE: PASS },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

describe('signing where the crypto library cannot read scrypt-PBES2 (Electron)', () => {
  it('the stand-in really refuses what OpenSSL would open', async () => {
    const { createPrivateKey, generateKeyPairSync } = await import('node:crypto');
    const { encryptPrivateKey } = await import('../../src/main/services/signing/encryptedPkcs8');
    const pem = encryptPrivateKey(generateKeyPairSync('ed25519').privateKey, PASS);
    expect(() => createPrivateKey({ key: pem, format: 'pem', passphrase: PASS })).toThrow(
      'UNSUPPORTED_KEY_DERIVATION_FUNCTION',
    );
  });

  it('a key made by Zonewalk still signs a package that zonewalk verify and openssl accept', async () => {
    const data = tempDir();
    const out = tempDir();
    const { createServices } = await import('../../src/main/services');
    const services = createServices(data);
    const demo = buildDemo(services);
    services.ws.close();
    expect((await cli(['--data-dir', data, 'keys', 'create', 'Ana'])).code).toBe(0);
    const refusedBefore = boring.refused;
    const made = await cli(['--data-dir', data, 'package', demo.id, '--out', out, '--key', 'Ana']);
    expect(made.stderr).toMatch(/^Signed by Ana: sha256:/m);
    expect(made.code).toBe(0);
    const pkg = fs.readdirSync(out).find((f) => f.endsWith('.audit.zip'));
    expect(pkg).toBeDefined();
    // Zonewalk never handed the scrypt key to the library that cannot read it.
    expect(boring.refused).toBe(refusedBefore);

    const verified = await cli(['--data-dir', data, 'verify', path.join(out, String(pkg))]);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^VALID/m);
    execSync(`unzip -q ${JSON.stringify(pkg)}`, { cwd: out });
    const bag = path.join(out, String(pkg).replace(/\.zip$/, ''));
    const openssl = execSync(
      'openssl pkeyutl -verify -pubin -inkey signer.pub.pem -rawin -in tagmanifest-sha256.txt -sigfile tagmanifest-sha256.txt.sig',
      { cwd: bag, encoding: 'utf8' },
    );
    expect(openssl.trim()).toBe('Signature Verified Successfully');
  }, 60_000);

  it('a wrong passphrase is still called wrong', async () => {
    const data = tempDir();
    const { createServices } = await import('../../src/main/services');
    const services = createServices(data);
    try {
      services.signing.create('Ana', PASS);
      expect(() => services.signing.unlock('Ana', 'not the passphrase')).toThrow(
        'The passphrase for signing key "Ana" is wrong.',
      );
    } finally {
      services.ws.close();
    }
  });
});
