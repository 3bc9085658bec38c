import { z } from 'zod';
import type { AuditEvent } from '../../core/audit/auditChain';
import type { Scope } from '../../core/domain';
import { EVIDENCE_KINDS, type EvidenceKind, type EvidenceLinkRef } from '../../core/evidenceTargets';
import { channel } from './channel';
import { fileBytes, id, longText, requirementId, scope, sha256, shortText } from './fields';

/** Bytes sent by the window (paste, camera, drop, file input); larger files go through paths. */
export const MAX_WINDOW_BYTES = 64 * 1024 * 1024;

export interface ExifPrivacy {
  gps?: { latitude: number; longitude: number; altitude?: number };
  /** Serial numbers by EXIF tag name (body, lens, ...). */
  serials?: Record<string, string>;
  make?: string;
  model?: string;
  /** EXIF orientation 1..8, kept when private fields are stripped. */
  orientation?: number;
  dateTimeOriginal?: string;
}

export interface EvidenceItem {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  kind: EvidenceKind;
  capturedAt: string;
  capturedBy: string;
  description: string;
  addedAt: string;
  removed: { at: string; by: string; reason: string } | null;
  links: EvidenceLinkRef[];
  /** GPS or a device serial number was found in the file's EXIF. */
  privateExif: boolean;
  /** false when only the metadata is here (imported from JSON); the file comes with an audit package. */
  stored: boolean;
}

export type AddStatus = 'added' | 'duplicate' | 'restored';

export interface EvidenceAddOutcome {
  status: AddStatus;
  item: EvidenceItem;
}

/** One line of a multi-file add: every file gets a line, failures included. */
export interface EvidenceBatchLine {
  /** The path or, for folders, the path relative to the folder. */
  name: string;
  status: AddStatus | 'failed' | 'skipped';
  sha256?: string;
  message?: string;
}

export interface EvidenceBatchResult {
  cancelled: boolean;
  lines: EvidenceBatchLine[];
}

export interface EvidenceTargets {
  scopes: { scope: Scope; label: string }[];
  findings: { id: string; title: string }[];
  assets: { id: string; name: string }[];
}

export const evidenceTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), scope, requirement: requirementId.trim().min(1) }).strict(),
  z.object({ kind: z.literal('finding'), id }).strict(),
  z.object({ kind: z.literal('asset'), id }).strict(),
]);

const kind = z.enum(EVIDENCE_KINDS);
const description = z.string().max(2000);
const captureOptions = {
  assessmentId: id,
  description: description.optional(),
  target: evidenceTarget.optional(),
};

export const evidenceChannels = {
  'evidence.list': channel<EvidenceItem[]>()(
    z
      .object({
        assessmentId: id,
        filter: z
          .object({
            scope: scope.optional(),
            kind: kind.optional(),
            unlinked: z.boolean().optional(),
            target: evidenceTarget.optional(),
            includeRemoved: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
  ),
  'evidence.get': channel<EvidenceItem>()(z.object({ assessmentId: id, sha256 }).strict()),
  'evidence.addBytes': channel<EvidenceAddOutcome>()(
    z
      .object({
        ...captureOptions,
        ...fileBytes.shape,
        kind: kind.default('file'),
        /** File.lastModified (ms) when the window knows it. */
        lastModified: z.number().int().nonnegative().optional(),
      })
      .strict(),
  ),
  /** Opens the desktop file dialog (many files) and adds what was picked. */
  'evidence.addPaths': channel<EvidenceBatchResult>()(z.object(captureOptions).strict()),
  /** Opens the desktop folder dialog and adds every regular file below it (a camera card). */
  'evidence.addFolder': channel<EvidenceBatchResult>()(z.object(captureOptions).strict()),
  'evidence.addNote': channel<EvidenceAddOutcome>()(
    z
      .object({
        assessmentId: id,
        text: longText.trim().min(1, 'The note is empty'),
        title: shortText.optional(),
        target: evidenceTarget.optional(),
      })
      .strict(),
  ),
  'evidence.link': channel<EvidenceItem>()(
    z.object({ assessmentId: id, sha256, target: evidenceTarget }).strict(),
  ),
  'evidence.unlink': channel<EvidenceItem>()(
    z.object({ assessmentId: id, sha256, target: evidenceTarget }).strict(),
  ),
  /** Marks the item removed (who, when, why go into the audit trail); the file is kept. */
  'evidence.remove': channel<EvidenceItem>()(
    z.object({ assessmentId: id, sha256, reason: z.string().trim().min(3, 'Say why').max(2000) }).strict(),
  ),
  'evidence.thumbnail': channel<{ dataUrl: string | null }>()(z.object({ sha256 }).strict()),
  'evidence.exif': channel<ExifPrivacy>()(z.object({ assessmentId: id, sha256 }).strict()),
  /** Only after the window asked the user; opens a read-only copy, never runs anything. */
  'evidence.openOriginal': channel<{ opened: string }>()(
    z.object({ assessmentId: id, sha256, confirmed: z.literal(true) }).strict(),
  ),
  'evidence.history': channel<AuditEvent[]>()(z.object({ assessmentId: id, sha256 }).strict()),
  'evidence.targets': channel<EvidenceTargets>()(z.object({ assessmentId: id }).strict()),
};
