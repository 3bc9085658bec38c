import fs from 'node:fs';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';

/**
 * One file of a package's payload, named by its path under `data/`. The writer opens it when its
 * turn comes, so a payload of thousands of evidence files holds one open file at a time.
 */
export interface PayloadFile {
  /** Path under `data/`, forward slashes, e.g. `evidence/<sha256>/photo.jpg`. */
  path: string;
  /** Bytes the stream will yield: the export's progress total. */
  size: number;
  /**
   * Whether `size` is exact (default): then a mismatch fails the export, since the file changed
   * meanwhile. A privacy-stripped copy of a photo is a little smaller than its original.
   */
  exactSize?: boolean;
  open(): Readable;
  /** The file on disk, when the payload is one: then a worker thread reads and hashes it. */
  diskPath?: string;
  /** Deflate it in the zip; off for formats that are already compressed (JPEG, PDF, XLSX). */
  compress?: boolean;
}

/** Everything that goes into `data/`, plus what bag-info.txt says about the bag. */
export interface PackagePayloadSource {
  files(): Promise<PayloadFile[]>;
}

export const READ_CHUNK = 1024 * 1024;

export function bufferFile(path: string, data: string | Uint8Array, compress = true): PayloadFile {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { path, size: bytes.length, compress, open: () => Readable.from([bytes]) };
}

/** A file on disk; `label` names it in the error when it is missing. */
export function diskFile(path: string, absPath: string, label: string, compress = false): PayloadFile {
  let size: number;
  try {
    size = fs.statSync(absPath).size;
  } catch {
    throw new AppError('not-found', `${label} is missing (${absPath}). Nothing was written.`);
  }
  return {
    path,
    size,
    compress,
    diskPath: absPath,
    open: () => fs.createReadStream(absPath, { highWaterMark: READ_CHUNK }),
  };
}
