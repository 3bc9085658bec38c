import { createPublicKey, type KeyObject } from 'node:crypto';
import path from 'node:path';
import { keyFileName } from '../../../core/keyFileName';
import type { ExportedKeyFile, SigningKeyInfo, TrustedKeyInfo } from '../../../shared/contract/signing';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';
import { writeFileAtomic } from '../../fsAtomic';
import { mkdirPrivate } from '../../privateFiles';
import type { Workspace } from '../../workspace';
import { decryptPrivateKey, encryptPrivateKey, SCRYPT } from './encryptedPkcs8';
import { fingerprintOf, generateSigningKeyPair, parsePublicKeyPem, publicPemOf } from './keys';

interface KeyRow {
  name: string;
  fingerprint: string;
  public_pem: string;
  private_pem: string;
  created_at: string;
}

interface TrustRow {
  name: string;
  fingerprint: string;
  public_pem: string;
  added_at: string;
}

/** A key opened with its passphrase, held only for the signing it is needed for. */
export interface UnlockedKey {
  name: string;
  fingerprint: string;
  publicPem: string;
  privateKey: KeyObject;
}

/** Where an exported key goes: `file` exactly, else `outDir` (default <workspace>/exports). */
export interface KeyFileTarget {
  outDir?: string;
  file?: string;
}

/** Who a fingerprint belongs to, as far as this workspace knows. */
export type SignerTrust =
  | { trusted: true; name: string; source: 'own-key' | 'trust-list' | 'given' }
  | { trusted: false };

/** The shortest passphrase a stored key may have, for a new key and an imported one alike. */
export const MIN_PASSPHRASE_LENGTH = 8;

export const PROTECTION = `scrypt N=${SCRYPT.N} r=${SCRYPT.r} p=${SCRYPT.p}, AES-256-CBC (encrypted PKCS#8)`;

const ENCRYPTED_PEM =
  /^-----BEGIN ENCRYPTED PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END ENCRYPTED PRIVATE KEY-----\s*$/;

function toInfo(r: KeyRow): SigningKeyInfo {
  return { name: r.name, fingerprint: r.fingerprint, createdAt: r.created_at, protection: PROTECTION };
}

/**
 * Signing identities (Ed25519, private key stored only as an encrypted PKCS#8 PEM) and the trust
 * list of other auditors' public keys. Passphrases pass through, never into the database, a log,
 * an audit event or a return value.
 */
export class SigningService {
  constructor(private readonly ws: Workspace) {}

  list(): SigningKeyInfo[] {
    return (this.ws.db.prepare('SELECT * FROM signing_key ORDER BY name').all() as KeyRow[]).map(toInfo);
  }

  private row(name: string): KeyRow {
    const row = this.ws.db.prepare('SELECT * FROM signing_key WHERE name = ?').get(name.trim()) as
      | KeyRow
      | undefined;
    if (!row) throw new AppError('not-found', `There is no signing key named "${name}".`);
    return row;
  }

  get(name: string): SigningKeyInfo {
    return toInfo(this.row(name));
  }

  create(name: string, passphrase: string): SigningKeyInfo {
    const { publicKey, privateKey } = generateSigningKeyPair();
    return this.store(name, publicKey, encryptPrivateKey(privateKey, passphrase));
  }

  private store(name: string, publicKey: KeyObject, privatePem: string): SigningKeyInfo {
    const clean = name.trim();
    const fingerprint = fingerprintOf(publicKey);
    const existing = this.ws.db
      .prepare('SELECT name FROM signing_key WHERE name = ? OR fingerprint = ?')
      .get(clean, fingerprint) as { name: string } | undefined;
    if (existing) {
      throw new AppError(
        'conflict',
        existing.name.toLowerCase() === clean.toLowerCase()
          ? `A signing key named "${existing.name}" already exists. Choose another name.`
          : `This key is already in Zonewalk as "${existing.name}" (${fingerprint}).`,
      );
    }
    this.ws.db
      .prepare(
        'INSERT INTO signing_key (name, fingerprint, public_pem, private_pem, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(clean, fingerprint, publicPemOf(publicKey), privatePem, this.ws.now());
    return this.get(clean);
  }

  /** Opens the private key; a wrong passphrase is a clear error and nothing else happens. */
  unlock(name: string, passphrase: string): UnlockedKey {
    const row = this.row(name);
    const privateKey = decryptPrivateKey(row.private_pem, passphrase);
    if (!privateKey) {
      throw new AppError('unauthorized', `The passphrase for signing key "${row.name}" is wrong.`);
    }
    return { name: row.name, fingerprint: row.fingerprint, publicPem: row.public_pem, privateKey };
  }

  /** A given folder must exist; the workspace's own exports folder is made on first use. */
  private exportsDir(outDir?: string): string {
    if (outDir !== undefined) return path.resolve(outDir);
    const dir = path.join(this.ws.dataDir, 'exports');
    try {
      mkdirPrivate(dir);
    } catch (err) {
      throw toFsAppError(err, `the exports folder ${dir}`);
    }
    return dir;
  }

  /** The exact file picked in a save dialog, or the key's usual name in a folder. */
  private keyFile(name: string, which: 'public' | 'private', to: KeyFileTarget): string {
    if (to.file === undefined) return path.join(this.exportsDir(to.outDir), keyFileName(name, which));
    if (!path.isAbsolute(to.file)) {
      throw new AppError('invalid-input', 'Choose where to save the key by its full path.');
    }
    return to.file;
  }

  exportPublic(name: string, to: KeyFileTarget = {}): ExportedKeyFile {
    const row = this.row(name);
    const file = this.keyFile(row.name, 'public', to);
    writeFileAtomic(file, row.public_pem);
    return { path: file, pem: row.public_pem };
  }

  exportPrivate(name: string, to: KeyFileTarget = {}): ExportedKeyFile {
    const row = this.row(name);
    const file = this.keyFile(row.name, 'private', to);
    writeFileAtomic(file, row.private_pem, 0o600);
    return { path: file, pem: row.private_pem };
  }

  /**
   * Imports an encrypted PKCS#8 private key (Zonewalk's or openssl's). The passphrase must open it;
   * the key is then stored re-encrypted under Zonewalk's own scrypt parameters, since a key from
   * elsewhere may carry a weak KDF (openssl's default is PBKDF2 with 2,048 iterations).
   */
  importPrivate(name: string, privatePem: string, passphrase: string, publicPem?: string): SigningKeyInfo {
    if (!ENCRYPTED_PEM.test(privatePem.trim())) {
      throw new AppError(
        'invalid-file',
        'This is not an encrypted private key (it must start with "-----BEGIN ENCRYPTED PRIVATE KEY-----"). Zonewalk never imports a private key in clear.',
      );
    }
    const privateKey = decryptPrivateKey(privatePem.trim(), passphrase);
    if (!privateKey) {
      throw new AppError('unauthorized', 'The passphrase does not open this private key.');
    }
    // Stored again under this passphrase, the key must meet the same floor as a new key (checked
    // once the passphrase is known to be right, so a wrong one is called wrong).
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new AppError(
        'invalid-input',
        `This key's passphrase is shorter than ${MIN_PASSPHRASE_LENGTH} characters. Give it a longer one first (openssl pkcs8 -topk8 -v2 aes-256-cbc), then import it.`,
      );
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      throw new AppError(
        'invalid-file',
        `This is a ${privateKey.asymmetricKeyType ?? 'unknown'} key; Zonewalk signs with Ed25519 keys only.`,
      );
    }
    const publicKey = createPublicKey(privateKey);
    if (publicPem !== undefined) {
      const given = parsePublicKeyPem(publicPem, 'The public key file');
      if (fingerprintOf(given) !== fingerprintOf(publicKey)) {
        throw new AppError('conflict', 'The public key file does not belong to this private key.');
      }
    }
    return this.store(name, publicKey, encryptPrivateKey(privateKey, passphrase));
  }

  delete(name: string): { deleted: string } {
    const row = this.row(name);
    this.ws.db.prepare('DELETE FROM signing_key WHERE name = ?').run(row.name);
    // The write-ahead log still holds the page as it was, PEM included, until it is emptied.
    this.ws.db.pragma('wal_checkpoint(TRUNCATE)');
    return { deleted: row.name };
  }

  trustList(): TrustedKeyInfo[] {
    return (
      this.ws.db.prepare('SELECT * FROM trusted_key ORDER BY name, fingerprint').all() as TrustRow[]
    ).map((r) => ({ name: r.name, fingerprint: r.fingerprint, addedAt: r.added_at }));
  }

  trustAdd(name: string, pem: string): TrustedKeyInfo {
    const key = parsePublicKeyPem(pem, 'The file');
    const fingerprint = fingerprintOf(key);
    const existing = this.ws.db
      .prepare('SELECT name FROM trusted_key WHERE fingerprint = ?')
      .get(fingerprint) as { name: string } | undefined;
    if (existing) {
      throw new AppError('conflict', `This key is already trusted as "${existing.name}" (${fingerprint}).`);
    }
    const addedAt = this.ws.now();
    this.ws.db
      .prepare('INSERT INTO trusted_key (fingerprint, name, public_pem, added_at) VALUES (?, ?, ?, ?)')
      .run(fingerprint, name.trim(), publicPemOf(key), addedAt);
    return { name: name.trim(), fingerprint, addedAt };
  }

  trustRemove(fingerprint: string): { removed: string } {
    const r = this.ws.db.prepare('DELETE FROM trusted_key WHERE fingerprint = ?').run(fingerprint);
    if (r.changes === 0)
      throw new AppError('not-found', `No trusted key has the fingerprint ${fingerprint}.`);
    return { removed: fingerprint };
  }

  /** Own keys count as trusted: an auditor verifying their own package needs no extra step. */
  trustOf(fingerprint: string): SignerTrust {
    const own = this.ws.db.prepare('SELECT name FROM signing_key WHERE fingerprint = ?').get(fingerprint) as
      | { name: string }
      | undefined;
    if (own) return { trusted: true, name: own.name, source: 'own-key' };
    const listed = this.ws.db
      .prepare('SELECT name FROM trusted_key WHERE fingerprint = ?')
      .get(fingerprint) as { name: string } | undefined;
    if (listed) return { trusted: true, name: listed.name, source: 'trust-list' };
    return { trusted: false };
  }
}
