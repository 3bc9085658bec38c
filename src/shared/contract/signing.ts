import { z } from 'zod';
import { channel } from './channel';
import { filePath, requiredName } from './fields';

export interface SigningKeyInfo {
  name: string;
  /** `sha256:` + hex SHA-256 of the DER public key. */
  fingerprint: string;
  createdAt: string;
  /** How the private key is protected, e.g. "scrypt N=16384 r=8 p=5, AES-256-CBC". */
  protection: string;
}

export interface TrustedKeyInfo {
  name: string;
  fingerprint: string;
  addedAt: string;
}

export interface ExportedKeyFile {
  /** Where the file was written. */
  path: string;
  pem: string;
}

export const fingerprint = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'not a sha256:<hex> fingerprint');
/** A passphrase to unlock a key. Never logged, never stored, never returned. */
export const passphrase = z.string().min(1, 'Enter the passphrase').max(1024);
const newPassphrase = z.string().min(8, 'Use a passphrase of at least 8 characters').max(1024);
const pem = z.string().min(1).max(20_000);
/** A folder to write into; absent means <workspace>/exports. */
export const outDir = filePath.optional();
/** `file` is the exact path from a save dialog; otherwise the key's usual name in `outDir`. */
const keyExport = z
  .object({ name: requiredName, outDir, file: filePath.optional() })
  .strict()
  .refine((v) => v.outDir === undefined || v.file === undefined, 'Give a folder or a file, not both');

export const signingChannels = {
  'keys.list': channel<SigningKeyInfo[]>()(z.object({}).strict()),
  'keys.create': channel<SigningKeyInfo>()(
    z.object({ name: requiredName, passphrase: newPassphrase }).strict(),
  ),
  'keys.exportPublic': channel<ExportedKeyFile>()(keyExport),
  /** The private key leaves only as it is stored: an encrypted PKCS#8 PEM. */
  'keys.exportPrivate': channel<ExportedKeyFile>()(keyExport),
  /** An encrypted PKCS#8 PEM from Zonewalk or openssl; the passphrase must open it. */
  'keys.import': channel<SigningKeyInfo>()(
    z.object({ name: requiredName, privatePem: pem, passphrase, publicPem: pem.optional() }).strict(),
  ),
  'keys.delete': channel<{ deleted: string }>()(z.object({ name: requiredName }).strict()),
  'trust.list': channel<TrustedKeyInfo[]>()(z.object({}).strict()),
  'trust.add': channel<TrustedKeyInfo>()(z.object({ name: requiredName, pem }).strict()),
  'trust.remove': channel<{ removed: string }>()(z.object({ fingerprint }).strict()),
};
