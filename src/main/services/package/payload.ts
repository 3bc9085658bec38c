import { Readable } from 'node:stream';

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
  /** The whole content, when it is in memory: then it may be deflated (`compress`). */
  bytes?: Buffer;
  /** The file on disk, when the payload is one as is: then worker threads copy and hash it. */
  diskPath?: string;
  /** Deflate `bytes` in the zip; streamed and disk files are stored (evidence is mostly compressed already). */
  compress?: boolean;
}

/** Everything that goes into `data/`, plus what bag-info.txt says about the bag. */
export interface PackagePayloadSource {
  files(): Promise<PayloadFile[]>;
}

export const READ_CHUNK = 1024 * 1024;

export function bufferFile(path: string, data: string | Uint8Array, compress = true): PayloadFile {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { path, size: bytes.length, compress, bytes, open: () => Readable.from([bytes]) };
}
