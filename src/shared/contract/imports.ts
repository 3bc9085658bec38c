import { z } from 'zod';
import type { MergeConflict } from '../../core/merge/planMerge';
import { channel } from './channel';
import { byAssessment, filePath, id } from './fields';

export interface ReviewResult {
  assessmentId: string;
  title: string;
  signerFingerprint: string;
  signerTrusted: boolean;
  redaction: string;
  evidenceFiles: number;
  /** Evidence files that are privacy-stripped copies and were not stored. */
  skippedEvidence: string[];
}

export interface MergeCounts {
  zones: number;
  conduits: number;
  assets: number;
  responses: number;
  findings: number;
  evidence: number;
}

export interface MergePreview {
  packageName: string;
  tagManifestSha256: string;
  signerFingerprint: string;
  signerTrusted: boolean;
  sourceAssessment: { id: string; title: string };
  /** Whether the package is of this very assessment (a colleague's copy of it). */
  sameAssessment: boolean;
  adds: MergeCounts;
  same: number;
  conflicts: MergeConflict[];
}

export interface MergeResult {
  assessmentId: string;
  added: MergeCounts;
  kept: number;
  taken: number;
  same: number;
}

export interface PackageImportInfo {
  kind: 'review' | 'merge';
  packageName: string;
  tagManifestSha256: string;
  signerFingerprint: string;
  signerTrusted: boolean;
  signerName?: string;
  sourceAssessment: string;
  redaction: string;
  importedAt: string;
  importedBy: string;
}

export const importChannels = {
  /** Verifies the package and imports it as a new, read-only assessment. */
  'packages.review': channel<ReviewResult>()(z.object({ path: filePath }).strict()),
  'packages.mergePreview': channel<MergePreview>()(z.object({ path: filePath, assessmentId: id }).strict()),
  /** Every conflict of the preview needs a decision, or nothing is written. */
  'packages.mergeApply': channel<MergeResult>()(
    z
      .object({
        path: filePath,
        assessmentId: id,
        tagManifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
        decisions: z.record(z.string().max(400), z.enum(['mine', 'theirs'])),
      })
      .strict(),
  ),
  /** The packages opened or merged into an assessment; a 'review' entry means it is read-only. */
  'packages.imports': channel<PackageImportInfo[]>()(byAssessment),
};
