import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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
import { renameNoReplace, syncDir, tempPathBeside } from '../../fsAtomic';
import { exportFileMode, mkdirPrivate } from '../../privateFiles';
import { SOFTWARE_AGENT } from '../../version';
import { sha256Hex } from '../hash';
import type { PayloadFile, StreamedPayload } from './payload';
import { fillInParallel, type PlacedFile } from './payloadWorkers';
import {
  centralDirectory,
  DEFLATED,
  dosDateTime,
  localHeader,
  localHeaderLength,
  STORED,
  type ZipEntry,
} from './zipRecords';

/** Flush to disk in the background every this many bytes, so the final fsync has little left to do. */
const SYNC_EVERY = 256 * 1024 * 1024;

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
  /** Further Zonewalk fields after Zonewalk-Redaction (trail head, catalog overlays), in order. */
  zonewalkFields?: readonly (readonly [string, string])[];
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

/** Sequential writes at known offsets of the zip (the part after the evidence region). */
class ZipTail {
  readonly entries: ZipEntry[] = [];

  constructor(
    private readonly fd: number,
    public cursor: number,
    private readonly dos: { time: number; date: number },
  ) {}

  private write(bytes: Uint8Array, at: number): void {
    for (let o = 0; o < bytes.length; ) o += fs.writeSync(this.fd, bytes, o, bytes.length - o, at + o);
  }

  /** A whole entry from memory, deflated when asked and smaller so; returns its SHA-256. */
  addBytes(name: string, data: Buffer, compress: boolean): string {
    const deflated = compress ? zlib.deflateRawSync(data) : undefined;
    const body = deflated && deflated.length < data.length ? deflated : data;
    const entry = {
      name: Buffer.from(name, 'utf8'),
      method: body === data ? STORED : DEFLATED,
      crc32: zlib.crc32(data),
      compressedSize: body.length,
      size: data.length,
    } as const;
    const header = localHeader(entry, this.dos);
    this.write(header, this.cursor);
    this.write(body, this.cursor + header.length);
    this.entries.push({ ...entry, offset: this.cursor });
    this.cursor += header.length + body.length;
    return sha256Hex(data);
  }

  /**
   * An entry from a stream of unknown length, stored or deflated as it streams; returns the SHA-256
   * and size of what was read.
   */
  async addStream(
    name: string,
    src: AsyncIterable<Buffer>,
    onChunk: (n: number) => void,
    compress = false,
  ): Promise<{ sha256: string; size: number }> {
    const nameBytes = Buffer.from(name, 'utf8');
    const dataAt = this.cursor + localHeaderLength(nameBytes, 0);
    const hash = createHash('sha256');
    let crc = 0;
    let size = 0;
    let written = 0;
    const tooLarge = () =>
      new AppError('too-large', `${name} is 4 GiB or larger, more than a streamed package entry can hold.`);
    const read = (chunk: Buffer) => {
      if (size + chunk.length >= MAX_STREAMED) throw tooLarge();
      hash.update(chunk);
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      onChunk(chunk.length);
    };
    for await (const piece of compress ? deflatedAlong(src, read) : tapped(src, read)) {
      if (written + piece.length >= MAX_STREAMED) throw tooLarge();
      this.write(piece, dataAt + written);
      written += piece.length;
    }
    const entry = {
      name: nameBytes,
      method: compress ? DEFLATED : STORED,
      crc32: crc,
      compressedSize: written,
      size,
    } as const;
    this.write(localHeader(entry, this.dos), this.cursor);
    this.entries.push({ ...entry, offset: this.cursor });
    this.cursor = dataAt + written;
    return { sha256: hash.digest('hex'), size };
  }
}

async function* tapped(src: AsyncIterable<Buffer>, each: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  for await (const chunk of src) {
    each(chunk);
    yield chunk;
  }
}

/** The source deflated as it streams; `each` sees every chunk of the source first. */
async function* deflatedAlong(
  src: AsyncIterable<Buffer>,
  each: (chunk: Buffer) => void,
): AsyncGenerator<Buffer> {
  const deflate = zlib.createDeflateRaw();
  const feeding = (async () => {
    for await (const chunk of src) {
      each(chunk);
      if (!deflate.write(chunk)) await once(deflate, 'drain');
    }
    deflate.end();
  })();
  feeding.catch((err: unknown) => deflate.destroy(err as Error));
  try {
    for await (const piece of deflate as AsyncIterable<Buffer>) yield piece;
    await feeding;
  } finally {
    deflate.destroy();
  }
}

/** Streamed entries carry no Zip64 field, so each must stay below 4 GiB. */
const MAX_STREAMED = 0xffffffff;

/**
 * Writes a signed BagIt bag as a zip. Evidence files on disk are laid out first at offsets known in
 * advance and filled by worker threads (read once, hashed, CRC'd, written in place), while this
 * thread writes the other payload files (rendering the reports) after that region; then come the
 * manifests, bag-info.txt, the signer's key, the signature and the central directory (BagIt does
 * not care about entry order). The zip grows under a hidden temp name beside the target and is
 * fsynced and renamed only when complete; any failure or cancel removes it.
 */
export async function writePackage(input: WritePackageInput): Promise<WrittenPackage> {
  const { files, signer, signal } = input;
  checkPayloadPaths(files);
  if (signal?.aborted) throw cancelled();
  const bagName = bagNameOf(input.fileName);
  const target = path.join(input.outDir, input.fileName);
  try {
    mkdirPrivate(input.outDir);
  } catch (err) {
    throw toFsAppError(err, `the folder ${input.outDir}`);
  }
  if (fs.existsSync(target)) {
    throw new AppError('conflict', `${target} already exists. Nothing was overwritten.`);
  }
  const tmp = tempPathBeside(target);
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', exportFileMode(input.outDir));
  } catch (err) {
    throw toFsAppError(err, `the folder ${input.outDir}`);
  }
  const at = new Date(input.at);
  const dos = dosDateTime(at);
  const total = files.reduce((n, f) => n + f.size, 0);
  let done = 0;
  let unsynced = 0;
  let syncing: Promise<void> = Promise.resolve();
  const progress = (n: number) => {
    done += n;
    input.onProgress?.(done, total);
    // Flush in the background as the zip grows, so the final fsync has little left to do.
    unsynced += n;
    if (unsynced >= SYNC_EVERY) {
      unsynced = 0;
      syncing = syncing.then(() => new Promise<void>((resolve) => fs.fdatasync(fd, () => resolve())));
    }
  };

  // 1. The evidence region: stored entries of known size, one after another from offset 0.
  const inParallel = files.filter(
    (f): f is StreamedPayload & { diskPath: string } =>
      'diskPath' in f && !!f.diskPath && f.exactSize !== false,
  );
  const isInRegion = new Set<PayloadFile>(inParallel);
  let cursor = 0;
  const placed: PlacedFile[] = inParallel.map((f) => {
    const name = Buffer.from(`${bagName}/data/${f.path}`, 'utf8');
    const header = localHeader({ name, method: STORED, crc32: 0, compressedSize: f.size, size: f.size }, dos);
    const p = {
      diskPath: f.diskPath,
      label: `data/${f.path}`,
      size: f.size,
      headerOffset: cursor,
      dataOffset: cursor + header.length,
      header,
    };
    cursor = p.dataOffset + f.size;
    return p;
  });
  const region = fillInParallel(tmp, target, placed, progress);
  let stopped = false;
  const onAbort = () => {
    stopped = true;
    void region.stop();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // 2. Meanwhile, everything else after the region, on this thread.
    const tail = new ZipTail(fd, cursor, dos);
    const manifest = new Map<string, string>();
    let restBytes = 0;
    const writeRest = async () => {
      for (const f of files) {
        if (isInRegion.has(f)) continue;
        if (stopped) throw cancelled();
        const name = `${bagName}/data/${f.path}`;
        if ('bytes' in f) {
          manifest.set(f.path, tail.addBytes(name, f.bytes, f.compress));
          restBytes += f.bytes.length;
          progress(f.bytes.length);
          continue;
        }
        const src = f.open();
        try {
          const { sha256, size } = await tail.addStream(
            name,
            src,
            (n) => {
              if (stopped) src.destroy(cancelled());
              progress(n);
            },
            f.compress === true,
          );
          if (f.exactSize !== false && size !== f.size) {
            throw new AppError(
              'conflict',
              `data/${f.path} changed while it was being packaged (${f.size} bytes expected, ${size} read). Nothing was written; try again.`,
            );
          }
          manifest.set(f.path, sha256);
          restBytes += size;
        } catch (err) {
          src.destroy();
          throw err instanceof AppError ? err : toFsAppError(err, `data/${f.path}`);
        }
      }
    };
    const rest = writeRest();
    rest.catch(() => {});
    const filled = await Promise.all([region.result, rest]).then(
      ([r]) => r,
      async (err) => {
        await region.stop();
        throw err;
      },
    );
    if (stopped || signal?.aborted) throw cancelled();
    for (const [i, f] of inParallel.entries()) manifest.set(f.path, filled[i].sha256);
    const regionEntries: ZipEntry[] = placed.map((p, i) => ({
      name: Buffer.from(`${bagName}/data/${inParallel[i].path}`, 'utf8'),
      method: STORED,
      crc32: filled[i].crc32,
      compressedSize: p.size,
      size: p.size,
      offset: p.headerOffset,
    }));

    // 3. Tag files, signature and the central directory.
    const entries: ManifestEntry[] = files.map((f) => ({
      path: `data/${f.path}`,
      sha256: manifest.get(f.path) as string,
    }));
    const payloadBytes = placed.reduce((n, p) => n + p.size, restBytes);
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
      ...(input.meta.zonewalkFields ?? []),
    ]);
    const tagFiles: Record<(typeof TAG_MANIFEST_COVERS)[number], string> = {
      [TAG_FILES.bagit]: BAGIT_TXT,
      [TAG_FILES.bagInfo]: bagInfo,
      [TAG_FILES.manifest]: formatManifest(entries),
      [TAG_FILES.signerKey]: signer.publicPem.replace(/\r\n/g, '\n'),
    };
    const tagManifest = formatManifest(
      TAG_MANIFEST_COVERS.map((name) => ({ path: name, sha256: sha256Hex(tagFiles[name]) })),
    );
    const signature = signer.sign(Buffer.from(tagManifest, 'utf8'));
    for (const name of TAG_MANIFEST_COVERS) {
      tail.addBytes(`${bagName}/${name}`, Buffer.from(tagFiles[name], 'utf8'), true);
    }
    tail.addBytes(`${bagName}/${TAG_FILES.tagManifest}`, Buffer.from(tagManifest, 'utf8'), true);
    tail.addBytes(`${bagName}/${TAG_FILES.signature}`, signature, false);
    const directory = centralDirectory([...regionEntries, ...tail.entries], tail.cursor, at);
    fs.writeSync(fd, directory, 0, directory.length, tail.cursor);
    await syncing;
    if (signal?.aborted) throw cancelled();
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = -1;
    renameNoReplace(tmp, target);
    syncDir(input.outDir);
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
    await region.stop();
    throw stopped || signal?.aborted
      ? cancelled()
      : err instanceof AppError
        ? err
        : toFsAppError(err, target);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await syncing;
    if (fd >= 0) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
  }
}

function cancelled(): AppError {
  return new AppError('cancelled', 'The export was cancelled. Nothing was written.');
}
