import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chainGenesis } from '../../src/core/audit/auditChain';
import { packageFileName } from '../../src/core/package/bagit';
import { bufferFile, type PayloadFile } from '../../src/main/services/package/payload';
import { type PackageSigner, writePackage } from '../../src/main/services/package/writePackage';
import {
  fingerprintOf,
  generateSigningKeyPair,
  publicPemOf,
  signBytes,
} from '../../src/main/services/signing/keys';
import { rawZip } from './rawZip';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

export function testSigner(): PackageSigner & { privatePem: string } {
  const { publicKey, privateKey } = generateSigningKeyPair();
  return {
    fingerprint: fingerprintOf(publicKey),
    publicPem: publicPemOf(publicKey),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    sign: (m) => signBytes(privateKey, m),
  };
}

/** A small payload shaped like a real package's. */
export function testPayload(): PayloadFile[] {
  const photo = randomBytes(50_000);
  return [
    bufferFile('assessment.json', JSON.stringify({ format: 'zonewalk.assessment/1', zones: [] })),
    bufferFile('gap-register.xlsx', randomBytes(2000), false),
    bufferFile('findings-report.pdf', randomBytes(3000), false),
    bufferFile('audit-trail.jsonl', ''),
    bufferFile(`evidence/${sha256(photo)}/cabinet photo.jpg`, photo, false),
  ];
}

export async function writeTestPackage(
  outDir: string,
  opts: {
    files?: PayloadFile[];
    signer?: PackageSigner;
    title?: string;
    at?: string;
    redaction?: string;
    zonewalkFields?: [string, string][];
  } = {},
) {
  const signer = opts.signer ?? testSigner();
  const at = opts.at ?? '2026-11-27T15:30:00.000Z';
  const written = await writePackage({
    outDir,
    fileName: packageFileName(opts.title ?? 'Waterworks Nord 2026', at),
    at,
    meta: {
      sourceOrganization: 'Stadtwerke Nord',
      contactName: 'Ana Kovač',
      externalIdentifier: 'a-1',
      externalDescription: 'Waterworks Nord 2026',
      redaction: opts.redaction ?? 'none',
      // testPayload's trail is empty: its head is the genesis of assessment a-1, as Zonewalk writes it.
      zonewalkFields:
        opts.zonewalkFields ??
        (opts.files ? undefined : [['Zonewalk-Trail-Head', `0 sha256:${chainGenesis('a-1', sha256)}`]]),
    },
    files: opts.files ?? testPayload(),
    signer,
  });
  return { ...written, signer };
}

export function unzipInto(zip: string, dir: string): void {
  execFileSync('unzip', ['-q', zip, '-d', dir]);
}

/** Relative paths of every file under `dir`, sorted. */
export function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

/** Zips the files under `dir` again (names relative to `dir`), in the given order. */
export function rezip(dir: string, out: string, order: string[] = listFiles(dir)): void {
  fs.writeFileSync(out, rawZip(order.map((name) => ({ name, data: fs.readFileSync(path.join(dir, name)) }))));
}

export function flipByte(file: string, at = 0): void {
  const b = fs.readFileSync(file);
  b[Math.min(at, b.length - 1)] ^= 0x01;
  fs.writeFileSync(file, b);
}
