import type { Readable } from 'node:stream';

interface PayloadCommon {
  /** Path under `data/`, forward slashes, e.g. `evidence/<sha256>/photo.jpg`. */
  path: string;
  /** Bytes the file holds: the export's progress total. */
  size: number;
}

/** Content in memory (assessment.json, the trail): deflated when `compress`. */
export interface BytesPayload extends PayloadCommon {
  bytes: Buffer;
  compress: boolean;
}

/**
 * Content read when its turn comes (a report being rendered, an evidence file), stored as is or,
 * with `compress`, deflated as it streams (assessment.json of a large plant).
 * With `diskPath` (the file on disk, unchanged) worker threads copy and hash it instead.
 */
export interface StreamedPayload extends PayloadCommon {
  open(): Readable;
  compress?: boolean;
  diskPath?: string;
  /**
   * Whether `size` is exact (default): then a mismatch fails the export, since the file changed
   * meanwhile. A privacy-stripped copy of a photo is a little smaller than its original.
   */
  exactSize?: boolean;
}

/** One file of a package's payload, named by its path under `data/`. */
export type PayloadFile = BytesPayload | StreamedPayload;

export function bufferFile(path: string, data: string | Uint8Array, compress = true): PayloadFile {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { path, size: bytes.length, compress, bytes };
}
