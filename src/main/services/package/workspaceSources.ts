import { type InterchangeDocument, serializeInterchange } from '../../../core/interchange/document';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../../workspace';
import type { EvidenceService } from '../evidence/evidenceService';
import type { InterchangeService } from '../interchange';
import type { ExportSources } from './exportSources';
import type { EvidenceSink } from './importService';

export interface WorkspaceSourceDeps {
  ws: Workspace;
  interchange: InterchangeService;
  evidence: EvidenceService;
}

/** Wires exports to this workspace's model, audit trail, evidence store and report writers. */
export function workspaceExportSources({
  ws,
  interchange,
  evidence,
}: WorkspaceSourceDeps): ExportSources<InterchangeDocument> {
  const notYet = (): never => {
    throw new AppError('internal', 'The report writers are not available in this build yet.');
  };
  return {
    document: (id) => interchange.exportDocument(id),
    serialize: serializeInterchange,
    trail: (id) => ws.trail.list(id),
    evidencePath: (sha256) => evidence.blobs.blobPath(sha256),
    evidenceStream: (sha256, opts) => evidence.exportCopyStream(sha256, opts).stream,
    writeGapRegister: notYet,
    writeFindingsReport: notYet,
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
