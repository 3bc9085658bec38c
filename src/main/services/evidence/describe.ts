import type { EvidenceKind } from '../../../core/evidenceTargets';
import { safeFileName } from '../../../core/safeFileName';
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
    /** The name as it came, when it was not a safe base name: display text, never a path. */
    originalFileName?: string;
  };
}

export interface DescribeInput {
  /** The name as given; it is stored under the safe base name the core rule makes of it. */
  fileName: string;
  kind: EvidenceKind;
  description: string;
  fallbackTime: string;
  fallbackFrom: string;
  source: string;
  relativePath?: string;
}

/** Sniffs the media type and reads the EXIF of a stored blob; the capture time falls back as given. */
export async function describeBlob(blobs: BlobStore, blob: StoredBlob, d: DescribeInput): Promise<Described> {
  const mediaType = sniffMediaType(blob.head);
  const read = mayCarryExif(mediaType) ? await readExif(blobs.blobPath(blob.sha256), mediaType) : null;
  const exif = read === 'unreadable' ? null : read;
  const capturedAt = exif?.dateTimeOriginal ?? d.fallbackTime;
  const fileName = safeFileName(d.fileName);
  return {
    fileName,
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
      ...(fileName !== d.fileName ? { originalFileName: d.fileName } : {}),
    },
  };
}
