import type { Readable, Writable } from 'node:stream';
import type { AuditEvent } from '../../../core/audit/auditChain';
import type { RedactableDocument, RedactionProfileName } from '../../../core/redaction/profiles';

/** An interchange document (interchange.md) as far as an export needs to see it. */
export interface ExportDocument extends RedactableDocument {
  format: string;
  assessment: RedactableDocument['assessment'] & {
    id: string;
    title: string;
    organisation: string;
    site: string;
  };
  evidence: { sha256: string; fileName: string; mediaType: string; size: number }[];
}

/** What the reports print about the export they belong to. */
export interface ReportContext {
  /** The profile applied to the document; decides what else the reports may show. */
  profile: RedactionProfileName;
  /** `none` or the profile's label, for the cover. */
  redaction: string;
  signer?: { name: string; fingerprint: string };
  generatedAt: string;
}

/**
 * Where an export's content comes from: the model (interchange document), the audit trail, the
 * evidence store and the report writers. Wired to the real services in createServices; tests
 * build packages from their own sources.
 */
export interface ExportSources<D extends ExportDocument = ExportDocument> {
  document(assessmentId: string): D;
  /** The canonical assessment.json text, in pieces: a large plant's is more than a string can hold. */
  serialize(doc: D): Iterable<string>;
  trail(assessmentId: string): AuditEvent[];
  /** Where the stored original of an evidence file is, to tell a missing file before writing. */
  evidencePath(sha256: string): string;
  /** The bytes that go into the package: the original, or a copy without GPS and serial-number EXIF. */
  evidenceStream(sha256: string, opts: { stripPrivateExif: boolean }): Readable;
  writeGapRegister(doc: D, ctx: ReportContext, out: Writable): Promise<void>;
  writeFindingsReport(doc: D, ctx: ReportContext, out: Writable): Promise<void>;
}
