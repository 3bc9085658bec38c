import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { integer, objectId, octetString, sequence, toPem } from '../../src/main/services/signing/der';
import { MAX_PBKDF2_ITERATIONS } from '../../src/main/services/signing/encryptedPkcs8';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

async function cli(args: string[], passphrase: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: { ZONEWALK_PASSPHRASE: passphrase },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
  });
  return { code, stdout, stderr };
}

/** An Ed25519 key encrypted by openssl with PBKDF2 and the given rounds. */
function opensslKey(dir: string, passphrase: string, iterations = 2048): string {
  const clear = path.join(dir, 'clear.pem');
  const file = path.join(dir, `key-${iterations}.pem`);
  execFileSync('openssl', ['genpkey', '-algorithm', 'ed25519', '-out', clear]);
  execFileSync('openssl', [
    'pkcs8',
    '-topk8',
    '-v2',
    'aes-256-cbc',
    '-iter',
    String(iterations),
    '-in',
    clear,
    '-out',
    file,
    '-passout',
    `pass:${passphrase}`,
  ]);
  fs.rmSync(clear);
  fs.chmodSync(file, 0o600);
  return file;
}

describe('signing keys: import, cost and deletion', () => {
  it('keys import refuses a passphrase under 8 characters, as create does', async () => {
    const dir = tempDir();
    const data = tempDir();
    const file = opensslKey(dir, 'short');
    const r = await cli(['--data-dir', data, 'keys', 'import', file, '--name', 'Ana'], 'short');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('shorter than 8 characters');
    expect((await cli(['--data-dir', data, 'keys', 'list'], '')).stdout).toContain('No signing keys yet');
  });

  it('refuses a key file that asks for an absurd number of PBKDF2 rounds, with a sentence', async () => {
    const { services } = openTestWorkspace();
    // Written here: openssl itself would spend seconds deriving a key with this many rounds.
    const pbkdf2 = sequence(
      objectId('1.2.840.113549.1.5.12'),
      sequence(octetString(randomBytes(16)), integer(MAX_PBKDF2_ITERATIONS * 4)),
    );
    const aes = sequence(objectId('2.16.840.1.101.3.4.1.42'), octetString(randomBytes(16)));
    const der = sequence(
      sequence(objectId('1.2.840.113549.1.5.13'), sequence(pbkdf2, aes)),
      octetString(randomBytes(64)),
    );
    const hostile = toPem('ENCRYPTED PRIVATE KEY', der);
    const t0 = performance.now();
    expect(() => services.signing.importPrivate('Ana', hostile, 'correct horse')).toThrow(
      /asks for 20,000,000 key-derivation rounds; Zonewalk accepts at most 5,000,000/,
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('a key-derivation method Zonewalk cannot open is named as such, never as a wrong passphrase', async () => {
    const { services } = openTestWorkspace();
    const unknownKdf = sequence(objectId('1.3.6.1.4.1.99999.1'), sequence(octetString(randomBytes(16))));
    const aes = sequence(objectId('2.16.840.1.101.3.4.1.42'), octetString(randomBytes(16)));
    const der = sequence(
      sequence(objectId('1.2.840.113549.1.5.13'), sequence(unknownKdf, aes)),
      octetString(randomBytes(64)),
    );
    const pem = toPem('ENCRYPTED PRIVATE KEY', der);
    let message = '';
    try {
      services.signing.importPrivate('Ana', pem, 'correct horse');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(
      /protected with the method 1\.3\.6\.1\.4\.1\.99999\.1, which Zonewalk cannot open/,
    );
    expect(message).not.toMatch(/passphrase/i);
  });

  it('a deleted key leaves no byte of its encrypted PEM in the database files', async () => {
    const { services, dir } = openTestWorkspace();
    services.signing.create('Ana', 'correct horse battery');
    services.signing.create('Ben', 'correct horse battery');
    const pem = (
      services.ws.db.prepare("SELECT private_pem FROM signing_key WHERE name = 'Ana'").get() as {
        private_pem: string;
      }
    ).private_pem;
    const probe = Buffer.from(pem.split('\n')[2]); // 64 characters of ciphertext in base64
    services.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = () => fs.readdirSync(dir).filter((n) => n.startsWith(DB_FILE_NAME));
    expect(files().some((f) => fs.readFileSync(path.join(dir, f)).includes(probe))).toBe(true);
    services.signing.delete('Ana');
    for (const f of files()) expect(fs.readFileSync(path.join(dir, f)).includes(probe)).toBe(false);
    expect(services.signing.list().map((k) => k.name)).toEqual(['Ben']);
  });

  it('warns when the key file can be read by other users', async () => {
    const dir = tempDir();
    const data = tempDir();
    const file = opensslKey(dir, 'correct horse');
    fs.chmodSync(file, 0o644);
    const open = await cli(['--data-dir', data, 'keys', 'import', file, '--name', 'Ana'], 'correct horse');
    expect(open.code).toBe(0);
    expect(open.stderr).toContain('can be read by other users of this computer');
    const file2 = opensslKey(tempDir(), 'correct horse');
    const closed = await cli(['--data-dir', data, 'keys', 'import', file2, '--name', 'Ben'], 'correct horse');
    expect(closed.code).toBe(0);
    expect(closed.stderr).toBe('');
  });
});
