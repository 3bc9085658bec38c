import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { safeFileName } from '../../../core/safeFileName';
import type { ExifPrivacy } from '../../../shared/contract/evidence';
import { AppError } from '../../../shared/errors';
import { pathInside } from '../../pathInside';
import type { EvidenceContext } from './context';
import type { EvidenceRows } from './evidenceRows';
import { hasPrivateExif } from './exif';
import { hasRunnableExtension, isImage, mayCarryExif, OPENABLE } from './mediaType';
import { privacyStripFor } from './privacy';
import { sniffFile } from './sniffFile';
import { makeThumbnail } from './thumbnails';

/**
 * True when EXIF was read from the file's bytes at least once (rows described at capture have
 * `capturedAtFrom`; rows imported from JSON or a package do not) and never showed GPS, serial
 * numbers or unreadable data. The bytes of one hash are the same in every assessment.
 */
function knownFreeOfPrivateExif(metadata: string[]): boolean {
  const read = metadata
    .map((m) => JSON.parse(m) as { exif?: ExifPrivacy; exifUnreadable?: boolean; capturedAtFrom?: string })
    .filter((m) => m.capturedAtFrom !== undefined);
  return read.length > 0 && read.every((m) => !hasPrivateExif(m.exif) && !m.exifUnreadable);
}

/** Prefix of the temp folders that hold copies opened in the system viewer. */
export const OPEN_COPY_PREFIX = 'zonewalk-open-';

/** Reading stored files: thumbnails, the original, the export copy and the viewer copy. */
export class EvidenceViewing {
  private readonly thumbsInFlight = new Map<string, Promise<Buffer | null>>();

  constructor(
    private readonly ctx: EvidenceContext,
    private readonly rows: EvidenceRows,
  ) {}

  private anyRow(sha256: string): { media_type: string } {
    const row = this.ctx.sql('SELECT media_type FROM evidence WHERE sha256 = ? LIMIT 1').get(sha256) as
      | { media_type: string }
      | undefined;
    if (!row) throw new AppError('not-found', `No evidence ${sha256.slice(0, 12)}… in this workspace.`);
    return row;
  }

  /** The blob's path; a clear error when only the metadata is here (an assessment imported from JSON). */
  private storedFile(sha256: string, fileName: string): string {
    const file = this.ctx.blobs.blobPath(sha256);
    if (!fs.existsSync(file)) {
      throw new AppError(
        'not-found',
        `The file of ${fileName} is not in this workspace (only its description was imported); import the audit package that carries it.`,
      );
    }
    return file;
  }

  /** A 256 px PNG, made once per content and cached; null for what is not a decodable image. */
  async thumbnail(sha256: string): Promise<Buffer | null> {
    const { media_type } = this.anyRow(sha256);
    if (!isImage(media_type) || !this.ctx.blobs.has(sha256)) return null;
    const cached = this.ctx.sql('SELECT png FROM thumbnail WHERE sha256 = ?').get(sha256) as
      | { png: Buffer }
      | undefined;
    if (cached) return cached.png.length ? cached.png : null;
    let pending = this.thumbsInFlight.get(sha256);
    if (!pending) {
      pending = makeThumbnail(this.ctx.blobs.blobPath(sha256)).then((png) => {
        // An empty blob records "cannot be decoded", so a damaged file is not retried on every view.
        this.ctx
          .sql('INSERT OR REPLACE INTO thumbnail (sha256, png) VALUES (?, ?)')
          .run(sha256, png ?? Buffer.alloc(0));
        return png;
      });
      pending.finally(() => this.thumbsInFlight.delete(sha256)).catch(() => {});
      this.thumbsInFlight.set(sha256, pending);
    }
    return pending;
  }

  /** Reads the original, byte for byte as captured. */
  openStream(sha256: string): Readable {
    this.anyRow(sha256);
    return fs.createReadStream(this.storedFile(sha256, sha256.slice(0, 12)));
  }

  /**
   * The copy of a file that goes into an export: the original bytes, or with `stripPrivateExif`
   * a JPEG, PNG or WebP without GPS and serial numbers (orientation kept). The decision is taken
   * from the stored bytes, not from what a row says: a row imported from JSON or a package may
   * name another type and carries no EXIF. Formats Zonewalk cannot rewrite are exported only when
   * EXIF read from these very bytes showed nothing private; otherwise they are refused.
   */
  exportCopyStream(
    sha256: string,
    opts: { stripPrivateExif: boolean },
  ): { stream: Readable; mediaType: string; stripped: boolean } {
    const rows = this.ctx.sql('SELECT file_name, metadata FROM evidence WHERE sha256 = ?').all(sha256) as {
      file_name: string;
      metadata: string;
    }[];
    if (!rows.length)
      throw new AppError('not-found', `No evidence ${sha256.slice(0, 12)}… in this workspace.`);
    const name = rows[0].file_name;
    const file = this.storedFile(sha256, name);
    const mediaType = sniffFile(file);
    if (!opts.stripPrivateExif || !mayCarryExif(mediaType)) {
      return { stream: fs.createReadStream(file), mediaType, stripped: false };
    }
    const strip = privacyStripFor(mediaType, file);
    if (!strip) {
      if (knownFreeOfPrivateExif(rows.map((r) => r.metadata))) {
        return { stream: fs.createReadStream(file), mediaType, stripped: false };
      }
      throw new AppError(
        'invalid-file',
        `${name} may carry GPS or serial-number EXIF that Zonewalk cannot remove from ${mediaType} files; leave it out of the export or export without redaction.`,
      );
    }
    const source = fs.createReadStream(file);
    source.on('error', (err) => strip.destroy(err));
    return { stream: source.pipe(strip), mediaType, stripped: true };
  }

  /**
   * Copies the original to a fresh private temp folder, read-only, under a name whose extension
   * comes from the sniffed type, and returns its path for the system viewer. Executables, scripts
   * and types no viewer is known for are refused: opening evidence must never run it.
   */
  async prepareOpenCopy(assessmentId: string, sha256: string): Promise<string> {
    const row = this.rows.requireRow(assessmentId, sha256);
    // Rows written before the file-name rule may still hold a path: apply the rule again here.
    const name = safeFileName(row.file_name);
    const ext = OPENABLE[row.media_type];
    if (!ext || hasRunnableExtension(name) || hasRunnableExtension(row.file_name)) {
      throw new AppError(
        'invalid-file',
        `${row.file_name} (${row.media_type}) is not opened outside Zonewalk, because opening it could run code; export it and inspect it on a safe machine.`,
      );
    }
    const original = this.storedFile(sha256, row.file_name);
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), OPEN_COPY_PREFIX));
    const stem = name.replace(/\.[^.]*$/, '') || 'evidence';
    const copy = pathInside(dir, `${stem}${ext}`);
    // Created exclusively: never over a file that is already there, whatever put it there.
    await fsp.copyFile(original, copy, fs.constants.COPYFILE_EXCL);
    await fsp.chmod(copy, 0o444);
    return copy;
  }
}
