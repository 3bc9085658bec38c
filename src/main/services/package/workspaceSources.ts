import { type InterchangeDocument, interchangeChunks } from '../../../core/interchange/document';
import { maskJson } from '../../../core/redaction/profiles';
import { redactText } from '../../../core/redaction/redactText';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../../workspace';
import type { EvidenceService } from '../evidence/evidenceService';
import type { InterchangeService } from '../interchange';
import type { ReportInput } from '../reports/reportInput';
import type { ReportService } from '../reports/reportService';
import type { ExportSources, ReportContext } from './exportSources';
import type { EvidenceSink } from './importService';

export interface WorkspaceSourceDeps {
  ws: Workspace;
  interchange: InterchangeService;
  evidence: EvidenceService;
  reports: ReportService;
}

/**
 * The reports of a package follow its redacted document; under the management profile they also
 * lose the thumbnails (no evidence files leave) and have addresses and serial numbers masked in the
 * scope statement and the gap tracking, which are not part of the document.
 */
function reportInput(reports: ReportService, doc: InterchangeDocument, ctx: ReportContext): ReportInput {
  const management = ctx.profile === 'management';
  const tracking = management
    ? new Map([...reports.tracking.all(doc.assessment.id)].map(([k, v]) => [k, maskJson(v)]))
    : undefined;
  const input = reports.inputFromDocument(doc, {
    signer: ctx.signer,
    redaction: ctx.redaction,
    generatedAt: ctx.generatedAt,
    tracking,
  });
  return management
    ? { ...input, scopeStatement: redactText(input.scopeStatement), thumbnail: undefined }
    : input;
}

/** Wires exports to this workspace's model, audit trail, evidence store and report writers. */
export function workspaceExportSources({
  ws,
  interchange,
  evidence,
  reports,
}: WorkspaceSourceDeps): ExportSources<InterchangeDocument> {
  return {
    document: (id) => interchange.exportDocument(id),
    serialize: interchangeChunks,
    trail: (id) => ws.trail.list(id),
    evidencePath: (sha256) => evidence.blobs.blobPath(sha256),
    evidenceStream: (sha256, opts) => evidence.exportCopyStream(sha256, opts).stream,
    writeGapRegister: (doc, ctx, out) => reports.write('gap-register', reportInput(reports, doc, ctx), out),
    writeFindingsReport: (doc, ctx, out) =>
      reports.write('findings-report', reportInput(reports, doc, ctx), out),
  };
}

/** Imported evidence goes into the workspace's content-addressed store, durably, before any row. */
export function workspaceEvidenceSink(evidence: EvidenceService): EvidenceSink {
  return {
    put: (source, what) =>
      evidence.blobs.put(source, {
        limit: evidence.maxFileBytes,
        tooLarge: () =>
          new AppError(
            'too-large',
            `${what} is larger than the ${evidence.maxFileBytes} bytes evidence may have.`,
          ),
        what,
      }),
  };
}
