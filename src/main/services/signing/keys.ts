import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/** `sha256:` + hex SHA-256 of the DER SubjectPublicKeyInfo, as audit-package.md defines it. */
export function fingerprintOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return `sha256:${createHash('sha256').update(der).digest('hex')}`;
}

export function publicPemOf(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function generateSigningKeyPair(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ed25519');
}

const PEM_PUBLIC = /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\r?\n?$/;

/** Reads an Ed25519 SPKI PEM, refusing anything else with a sentence that names `what`. */
export function parsePublicKeyPem(pem: string, what: string): KeyObject {
  const text = pem.trim();
  if (!PEM_PUBLIC.test(`${text}\n`)) {
    throw new AppError(
      'invalid-file',
      `${what} is not a public key in PEM format (it must start with "-----BEGIN PUBLIC KEY-----").`,
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: text, format: 'pem' });
  } catch {
    throw new AppError('invalid-file', `${what} is not a readable public key.`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AppError(
      'invalid-file',
      `${what} is a ${key.asymmetricKeyType ?? 'unknown'} key; Zonewalk signs and verifies with Ed25519 keys only.`,
    );
  }
  return key;
}

/** Ed25519 signs the message itself (no pre-hash), so the algorithm argument is null. */
export function signBytes(privateKey: KeyObject, message: Uint8Array): Buffer {
  return sign(null, message, privateKey);
}

export function verifyBytes(publicKey: KeyObject, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
