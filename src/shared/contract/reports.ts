import { z } from 'zod';
import type { FindingStatus } from '../../core/domain';
import { channel } from './channel';
import { fileBytes, filePath, id } from './fields';

export interface ExportResult {
  /** Absolute path of the file written. */
  path: string;
  bytes: number;
  /** Sentences to show beside the file, e.g. that the report is preliminary (below 80% answered). */
  warnings: string[];
}

/** A change one register row makes to a gap's tracking; only fields that differ are present. */
export interface RegisterChange {
  gapId: string;
  /** The row's number as Excel shows it (the header is row 1). */
  row: number;
  owner?: { from: string; to: string };
  due?: { from: string | null; to: string | null };
  status?: { from: FindingStatus; to: FindingStatus };
}

export interface RegisterProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface RegisterImportPreview {
  fileName: string;
  /** Data rows with a Gap ID. */
  rowsRead: number;
  changes: RegisterChange[];
  unchanged: number;
  /** Rows whose Gap ID is not a gap of this assessment (any more): reported, never applied. */
  unmatched: { row: number; gapId: string }[];
  /** Values that cannot be read; while there are any, nothing is applied. */
  problems: RegisterProblem[];
}

export interface RegisterImportResult extends RegisterImportPreview {
  applied: number;
}

/** What the site's engineers wrote against a derived gap in the register: who, by when, how far. */
export interface TrackedGap {
  owner: string;
  /** YYYY-MM-DD */
  due: string | null;
  status: FindingStatus;
}

/** The folder is typed or chosen in the native folder dialog; it must be absolute. */
const exportInput = z.object({ assessmentId: id, outDir: filePath.optional() }).strict();
const registerInput = z.object({ assessmentId: id, file: fileBytes }).strict();

export const reportChannels = {
  /** Writes the Excel gap register to outDir (default <workspace>/exports). */
  'reports.exportGapRegister': channel<ExportResult>()(exportInput),
  /** Writes the PDF findings report to outDir (default <workspace>/exports). */
  'reports.exportReport': channel<ExportResult>()(exportInput),
  /** Reads Owner, Due date and Status back from a filled-in register; writes nothing. */
  'reports.importRegisterPreview': channel<RegisterImportPreview>()(registerInput),
  /** Applies the preview's changes in one transaction; any problem applies nothing. */
  'reports.importRegisterApply': channel<RegisterImportResult>()(registerInput),
  /** Owner, due date and status by gap id, for the gaps a register import tracked; the others are absent. */
  'reports.gapTracking': channel<Record<string, TrackedGap>>()(z.object({ assessmentId: id }).strict()),
};
