import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  type KeyObject,
  randomBytes,
  scryptSync,
} from 'node:crypto';
import { AppError } from '../../../shared/errors';
import {
  fromPem,
  integer,
  objectId,
  octetString,
  readInteger,
  readObjectId,
  readOctetString,
  readSequence,
  sequence,
  toPem,
} from './der';

/**
 * scrypt parameters for the stored and exported private key. N is capped at 2^14 with r = 8 because
 * OpenSSL reads PKCS#8 scrypt keys with a fixed 32 MiB memory limit (`openssl pkey` would refuse
 * N = 2^15); the cost is raised with p instead, which OpenSSL runs one after another. On the
 * reference machine (2-core VM, 2026) p = 5 costs about 150 ms per unlock.
 */
export const SCRYPT = { N: 16_384, r: 8, p: 5, keyLength: 32 } as const;

const OID_PBES2 = '1.2.840.113549.1.5.13';
const OID_SCRYPT = '1.3.6.1.4.1.11591.4.11'; // RFC 7914 section 7
const OID_PBKDF2 = '1.2.840.113549.1.5.12';
const OID_AES256_CBC = '2.16.840.1.101.3.4.1.42';
const AES_CBC: Record<string, { cipher: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  [OID_AES256_CBC]: { cipher: 'aes-256-cbc', keyLength: 32 },
};

/**
 * The most work a key file may ask of an unlock: a hostile or careless file must not hold the app
 * for minutes. 5,000,000 PBKDF2 rounds take about 2 s on the reference machine; scrypt is bounded
 * by its memory (N x r x 128 bytes) and total work (x p), Zonewalk's own keys use 16 MiB and 80 MiB.
 */
export const MAX_PBKDF2_ITERATIONS = 5_000_000;
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
const MAX_SCRYPT_WORK = 1024 * 1024 * 1024;

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

type Envelope =
  | {
      kdf: 'scrypt';
      salt: Buffer;
      N: number;
      r: number;
      p: number;
      cipherOid: string;
      iv: Buffer;
      encrypted: Buffer;
    }
  | { kdf: 'iterated'; iterations: number }
  | { kdf: 'unknown'; oid: string };

function unreadable(): AppError {
  return new AppError('invalid-file', 'This private key file is damaged or not an encrypted PKCS#8 key.');
}

function unsupported(what: string): AppError {
  return new AppError(
    'invalid-file',
    `This private key is protected with ${what}, which Zonewalk cannot open. Export it again with scrypt or PBKDF2 and AES-256-CBC, for example: openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out new-key.pem`,
  );
}

/** Reads the EncryptedPrivateKeyInfo far enough to know how its key is derived (RFC 8018 A.2, A.4). */
function readEnvelope(pem: string): Envelope {
  try {
    const [algorithm, encryptedData] = readSequence(fromPem('ENCRYPTED PRIVATE KEY', pem));
    const [schemeOid, schemeParams] = readSequence(algorithm);
    const scheme = readObjectId(schemeOid);
    if (scheme !== OID_PBES2) {
      // PBES1 and PKCS#12 schemes: parameters are (salt, iterations).
      const params = schemeParams ? readSequence(schemeParams) : [];
      return params.length >= 2
        ? { kdf: 'iterated', iterations: readInteger(params[1]) }
        : { kdf: 'unknown', oid: scheme };
    }
    const [kdf, encryption] = readSequence(schemeParams);
    const [kdfOid, kdfParams] = readSequence(kdf);
    const kdfName = readObjectId(kdfOid);
    if (kdfName === OID_PBKDF2)
      return { kdf: 'iterated', iterations: readInteger(readSequence(kdfParams)[1]) };
    if (kdfName !== OID_SCRYPT) return { kdf: 'unknown', oid: kdfName };
    const [salt, N, r, p] = readSequence(kdfParams);
    const [cipherOid, iv] = readSequence(encryption);
    return {
      kdf: 'scrypt',
      salt: readOctetString(salt),
      N: readInteger(N),
      r: readInteger(r),
      p: readInteger(p),
      cipherOid: readObjectId(cipherOid),
      iv: readOctetString(iv),
      encrypted: readOctetString(encryptedData),
    };
  } catch (err) {
    if (err instanceof RangeError || err instanceof TypeError) throw unreadable();
    throw err;
  }
}

/**
 * scrypt-PBES2 decrypted here rather than by createPrivateKey: Electron's BoringSSL reads only
 * PBKDF2 in encrypted PKCS#8 (UNSUPPORTED_KEY_DERIVATION_FUNCTION), the desktop app could not sign.
 */
function decryptScrypt(env: Extract<Envelope, { kdf: 'scrypt' }>, passphrase: string): KeyObject | undefined {
  const aes = AES_CBC[env.cipherOid];
  if (!aes) throw unsupported(`the cipher ${env.cipherOid}`);
  const memory = 128 * env.N * env.r;
  const powerOfTwo = env.N > 1 && (env.N & (env.N - 1)) === 0;
  if (
    !powerOfTwo ||
    env.r < 1 ||
    env.p < 1 ||
    memory > MAX_SCRYPT_MEMORY ||
    memory * env.p > MAX_SCRYPT_WORK
  ) {
    throw unsupported(`scrypt settings beyond what Zonewalk accepts (N=${env.N}, r=${env.r}, p=${env.p})`);
  }
  if (env.iv.length !== 16) throw unreadable();
  const kek = scryptSync(passphrase, env.salt, aes.keyLength, {
    N: env.N,
    r: env.r,
    p: env.p,
    maxmem: 2 * memory + 1024 * 1024,
  });
  let plain: Buffer;
  try {
    const decipher = createDecipheriv(aes.cipher, kek, env.iv);
    plain = Buffer.concat([decipher.update(env.encrypted), decipher.final()]);
  } catch {
    return undefined; // the padding did not check out: a wrong passphrase
  }
  try {
    return createPrivateKey({ key: plain, format: 'der', type: 'pkcs8' });
  } catch {
    return undefined; // padding right by chance, contents garbage: still a wrong passphrase
  }
}

/** PBKDF2 and PKCS#12 keys go to the crypto library, which reads them in Node and in Electron. */
function decryptWithLibrary(pem: string, passphrase: string): KeyObject | undefined {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase });
  } catch (err) {
    const code = `${(err as { code?: string }).code ?? ''} ${(err as Error).message ?? ''}`;
    if (/UNSUPPORTED/.test(code))
      throw unsupported('a method this build of the crypto library does not offer');
    // OpenSSL and BoringSSL report a wrong passphrase as a padding or decode failure.
    if (/BAD_DECRYPT|DECRYPT|DECODE|WRONG|ERR_OSSL/.test(code)) return undefined;
    throw err;
  }
}

/**
 * Opens an encrypted PKCS#8 PEM: undefined when the passphrase is wrong, an AppError when the file
 * asks for a method or a cost Zonewalk does not accept (never reported as a wrong passphrase).
 */
export function decryptPrivateKey(pem: string, passphrase: string): KeyObject | undefined {
  const pass = passphrase.normalize('NFC');
  const env = readEnvelope(pem);
  if (env.kdf === 'scrypt') return decryptScrypt(env, pass);
  if (env.kdf === 'unknown') throw unsupported(`the method ${env.oid}`);
  if (env.iterations > MAX_PBKDF2_ITERATIONS) {
    throw new AppError(
      'invalid-file',
      `This private key asks for ${env.iterations.toLocaleString('en-US')} key-derivation rounds; Zonewalk accepts at most ${MAX_PBKDF2_ITERATIONS.toLocaleString('en-US')} so that opening a key cannot hang the app. Export it again with fewer rounds.`,
    );
  }
  return decryptWithLibrary(pem, pass);
}
