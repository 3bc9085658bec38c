import { createCipheriv, createPrivateKey, type KeyObject, randomBytes, scryptSync } from 'node:crypto';
import { integer, objectId, octetString, sequence, toPem } from './der';

/**
 * scrypt parameters for the stored and exported private key. N is capped at 2^14 with r = 8 because
 * OpenSSL reads PKCS#8 scrypt keys with a fixed 32 MiB memory limit (`openssl pkey` would refuse
 * N = 2^15); the cost is raised with p instead, which OpenSSL runs one after another. On the
 * reference machine (2-core VM, 2026) p = 5 costs about 150 ms per unlock.
 */
export const SCRYPT = { N: 16_384, r: 8, p: 5, keyLength: 32 } as const;

const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_SCRYPT = '1.3.6.1.4.1.11591.4.11'; // RFC 7914 section 7
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';

/**
 * An EncryptedPrivateKeyInfo (RFC 5958) with PBES2 (RFC 8018), scrypt as its KDF (RFC 7914) and
 * AES-256-CBC: a standard encrypted PKCS#8 PEM that `openssl pkey -in key.pem -passin pass:…` and
 * Node's createPrivateKey both read.
 */
export function encryptPrivateKey(key: KeyObject, passphrase: string): string {
  const plain = key.export({ type: 'pkcs8', format: 'der' });
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const kek = scryptSync(passphrase.normalize('NFC'), salt, SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
    maxmem: 64 * 1024 * 1024,
  });
  const cipher = createCipheriv('aes-256-cbc', kek, iv);
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  const der = sequence(
    sequence(
      objectId(OID_PBES2),
      sequence(
        sequence(
          objectId(OID_SCRYPT),
          sequence(
            octetString(salt),
            integer(SCRYPT.N),
            integer(SCRYPT.r),
            integer(SCRYPT.p),
            integer(SCRYPT.keyLength),
          ),
        ),
        sequence(objectId(OID_AES256_CBC), octetString(iv)),
      ),
    ),
    octetString(encrypted),
  );
  return toPem('ENCRYPTED PRIVATE KEY', der);
}

/** Decrypts any encrypted PKCS#8 PEM OpenSSL understands; undefined when the passphrase is wrong. */
export function decryptPrivateKey(pem: string, passphrase: string): KeyObject | undefined {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase: passphrase.normalize('NFC') });
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    // OpenSSL reports a wrong passphrase as a padding or decode failure of the decrypted bytes.
    if (/BAD_DECRYPT|DECODE|UNSUPPORTED|WRONG|ERR_OSSL/.test(code)) return undefined;
    throw err;
  }
}
