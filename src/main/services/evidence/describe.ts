import type { EvidenceKind } from '../../../core/evidenceTargets';
import type { ExifPrivacy } from '../../../shared/contract/evidence';
import type { BlobStore, StoredBlob } from './blobStore';
import { readExif } from './exif';
import { mayCarryExif, sniffMediaType } from './mediaType';

/** What a row says about a stored file besides its hash and size. */
export interface Described {
  fileName: string;
  mediaType: string;
  kind: EvidenceKind;
  capturedAt: string;
  description: string;
  metadata: {
    exif?: ExifPrivacy;
    exifUnreadable?: boolean;
    capturedAtFrom: string;
    source: string;
    relativePath?: string;
  };
}

export interface DescribeInput {
  fileName: string;
  kind: EvidenceKind;
  description: string;
  fallbackTime: string;
  fallbackFrom: string;
  source: string;
  relativePath?: string;
}

export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return clean || 'unnamed';
}

/** Sniffs the media type and reads the EXIF of a stored blob; the capture time falls back as given. */
export async function describeBlob(blobs: BlobStore, blob: StoredBlob, d: DescribeInput): Promise<Described> {
  const mediaType = sniffMediaType(blob.head);
  const read = mayCarryExif(mediaType) ? await readExif(blobs.blobPath(blob.sha256), mediaType) : null;
  const exif = read === 'unreadable' ? null : read;
  const capturedAt = exif?.dateTimeOriginal ?? d.fallbackTime;
  return {
    fileName: safeFileName(d.fileName),
    mediaType,
    kind: d.kind,
    capturedAt,
    description: d.description.trim(),
    metadata: {
      ...(exif ? { exif } : {}),
      ...(read === 'unreadable' ? { exifUnreadable: true } : {}),
      capturedAtFrom: exif?.dateTimeOriginal ? 'exif' : d.fallbackFrom,
      source: d.source,
      ...(d.relativePath ? { relativePath: d.relativePath } : {}),
    },
  };
}
