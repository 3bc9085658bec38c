import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import {
  BAGIT_TXT,
  bagNameOf,
  formatBagInfo,
  formatManifest,
  type ManifestEntry,
  PACKAGE_FORMAT,
  payloadOxum,
  TAG_FILES,
  TAG_MANIFEST_COVERS,
} from '../../../core/package/bagit';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';
import { tempPathBeside } from '../../fsAtomic';
import { SOFTWARE_AGENT } from '../../version';
import { sha256Hex } from '../hash';
import { FileSink } from './fileSink';
import { HashingReader } from './hashingReader';
import type { PayloadFile } from './payload';
import { fastYazl } from './yazlFastCrc';

export interface PackageSigner {
  fingerprint: string;
  publicPem: string;
  sign(message: Buffer): Buffer;
}

export interface BagMetadata {
  sourceOrganization: string;
  contactName: string;
  /** The assessment id. */
  externalIdentifier: string;
  externalDescription: string;
  /** `none` or the profile's label. */
  redaction: string;
}

export interface WritePackageInput {
  outDir: string;
  /** `<slug>_<YYYYMMDDTHHMMSSZ>.audit.zip` */
  fileName: string;
  /** ISO instant of the export: Bagging-Date and entry times. */
  at: string;
  meta: BagMetadata;
  files: readonly PayloadFile[];
  signer: PackageSigner;
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

export interface WrittenPackage {
  path: string;
  fileName: string;
  bagName: string;
  /** Bytes of the zip file. */
  size: number;
  payloadOxum: string;
  /** SHA-256 of tagmanifest-sha256.txt: with the signature, what identifies this package. */
  tagManifestSha256: string;
  signerFingerprint: string;
}

const ENTRY_MODE = 0o100644;

function checkPayloadPaths(files: readonly PayloadFile[]): void {
  const seen = new Set<string>();
  for (const f of files) {
    const bad =
      f.path === '' ||
      f.path.startsWith('/') ||
      f.path.includes('\\') ||
      f.path.split('/').some((s) => s === '' || s === '.' || s === '..');
    if (bad) throw new AppError('internal', `Refusing an unsafe payload path: ${JSON.stringify(f.path)}`);
    const folded = f.path.normalize('NFC').toLowerCase();
    if (seen.has(folded)) throw new AppError('internal', `Two payload files share the path data/${f.path}`);
    seen.add(folded);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Directories cannot be fsynced on every platform (Windows); the rename is still atomic.
  }
}

/**
 * Streams a signed BagIt bag into a zip: each payload file is hashed while it flows into the zip,
 * then the manifests, bag-info.txt, the signer's key and the signature follow as the last entries
 * (BagIt does not care about entry order). The zip grows under a hidden temp name beside the target
 * and is fsynced and renamed only when complete; any failure or cancel removes it.
 */
export async function writePackage(input: WritePackageInput): Promise<WrittenPackage> {
  const { files, signer, signal } = input;
  checkPayloadPaths(files);
  if (signal?.aborted) throw cancelled();
  const bagName = bagNameOf(input.fileName);
  const target = path.join(input.outDir, input.fileName);
  try {
    fs.mkdirSync(input.outDir, { recursive: true });
  } catch (err) {
    throw toFsAppError(err, `the folder ${input.outDir}`);
  }
  if (fs.existsSync(target)) {
    throw new AppError('conflict', `${target} already exists. Nothing was overwritten.`);
  }
  const tmp = tempPathBeside(target);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
  } catch (err) {
    throw toFsAppError(err, `the folder ${input.outDir}`);
  }
  const reader = files.some((f) => f.diskPath) ? new HashingReader() : undefined;
  const out = new FileSink(fd, (chunk) => reader?.release(chunk));
  const finished = new Promise<void>((resolve) => out.once('finish', () => resolve()));
  const yazl = fastYazl();
  const zip = new yazl.ZipFile();
  const mtime = new Date(input.at);
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  let current: Readable | undefined;
  // The worker and its pool go as soon as the last file it reads is done, before the rest is written.
  let diskFilesLeft = files.filter((f) => f.diskPath).length;

  let stopped = false;
  let fail: (err: unknown) => void = () => {};
  const failure = new Promise<never>((_, reject) => {
    fail = (err) => {
      stopped = true;
      current?.destroy();
      (zip.outputStream as Readable).destroy();
      zip.outputStream.unpipe(out);
      out.destroy();
      reject(err);
    };
  });
  failure.catch(() => {});
  const onAbort = () => fail(cancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  zip.on('error', (err: Error) => fail(err));
  out.on('error', (err) => fail(toFsAppError(err, target)));
  zip.outputStream.pipe(out);

  try {
    const entries: ManifestEntry[] = [];
    let payloadBytes = 0;
    const hashed = files.map(
      (f) =>
        new Promise<void>((resolve) => {
          zip.addReadStreamLazy(
            `${bagName}/data/${f.path}`,
            { mtime, mode: ENTRY_MODE, compress: f.compress === true },
            (cb) => {
              if (stopped) return;
              let src: Readable;
              let digest: Promise<{ sha256: string }> | undefined;
              try {
                if (reader && f.diskPath) {
                  const hashed = reader.open(f.diskPath);
                  src = hashed.stream;
                  digest = hashed.digest;
                } else src = f.open();
              } catch (err) {
                fail(err);
                return;
              }
              current = src;
              const hash = digest ? undefined : createHash('sha256');
              let bytes = 0;
              const tap = new Transform({
                transform(chunk: Buffer, _enc, next) {
                  hash?.update(chunk);
                  bytes += chunk.length;
                  done += chunk.length;
                  input.onProgress?.(done, total);
                  next(null, chunk);
                },
                flush(next) {
                  if (f.exactSize !== false && bytes !== f.size) {
                    next(
                      new AppError(
                        'conflict',
                        `data/${f.path} changed while it was being packaged (${f.size} bytes expected, ${bytes} read). Nothing was written; try again.`,
                      ),
                    );
                    return;
                  }
                  const finish = (sha256: string) => {
                    entries.push({ path: `data/${f.path}`, sha256 });
                    payloadBytes += bytes;
                    resolve();
                    next();
                  };
                  if (hash) finish(hash.digest('hex'));
                  else {
                    digest?.then((d) => {
                      if (--diskFilesLeft === 0) void reader?.close();
                      finish(d.sha256);
                    }, next);
                  }
                },
              });
              src.on('error', (err) => fail(toFsAppError(err, `data/${f.path}`)));
              tap.on('error', fail);
              cb(null, src.pipe(tap));
            },
          );
        }),
    );
    await Promise.race([Promise.all(hashed), failure]);

    const manifest = formatManifest(entries);
    const bagInfo = formatBagInfo([
      ['Source-Organization', input.meta.sourceOrganization],
      ['Contact-Name', input.meta.contactName],
      ['External-Identifier', input.meta.externalIdentifier],
      ['External-Description', input.meta.externalDescription],
      ['Bagging-Date', input.at.slice(0, 10)],
      ['Payload-Oxum', payloadOxum(payloadBytes, entries.length)],
      ['Bag-Software-Agent', SOFTWARE_AGENT],
      ['Zonewalk-Package-Format', PACKAGE_FORMAT],
      ['Zonewalk-Signer-Fingerprint', signer.fingerprint],
      ['Zonewalk-Redaction', input.meta.redaction],
    ]);
    const tagFiles: Record<(typeof TAG_MANIFEST_COVERS)[number], string> = {
      [TAG_FILES.bagit]: BAGIT_TXT,
      [TAG_FILES.bagInfo]: bagInfo,
      [TAG_FILES.manifest]: manifest,
      [TAG_FILES.signerKey]: signer.publicPem.replace(/\r\n/g, '\n'),
    };
    const tagManifest = formatManifest(
      TAG_MANIFEST_COVERS.map((name) => ({ path: name, sha256: sha256Hex(tagFiles[name]) })),
    );
    const signature = signer.sign(Buffer.from(tagManifest, 'utf8'));
    for (const name of TAG_MANIFEST_COVERS) {
      zip.addBuffer(Buffer.from(tagFiles[name], 'utf8'), `${bagName}/${name}`, { mtime, mode: ENTRY_MODE });
    }
    zip.addBuffer(Buffer.from(tagManifest, 'utf8'), `${bagName}/${TAG_FILES.tagManifest}`, {
      mtime,
      mode: ENTRY_MODE,
    });
    zip.addBuffer(signature, `${bagName}/${TAG_FILES.signature}`, {
      mtime,
      mode: ENTRY_MODE,
      compress: false,
    });
    zip.end();
    await Promise.race([finished, failure]);
    if (signal?.aborted) throw cancelled();
    await out.idle();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    fs.renameSync(tmp, target);
    fsyncDir(input.outDir);
    return {
      path: target,
      fileName: input.fileName,
      bagName,
      size: fs.statSync(target).size,
      payloadOxum: payloadOxum(payloadBytes, entries.length),
      tagManifestSha256: sha256Hex(tagManifest),
      signerFingerprint: signer.fingerprint,
    };
  } catch (err) {
    fail(err);
    throw err instanceof AppError ? err : toFsAppError(err, target);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await reader?.close();
    if (fd >= 0) {
      // The sink never closes the descriptor itself; no write may still be using it when it is closed.
      await out.idle();
      fs.closeSync(fd);
    }
    fs.rmSync(tmp, { force: true });
  }
}

function cancelled(): AppError {
  return new AppError('cancelled', 'The export was cancelled. Nothing was written.');
}
