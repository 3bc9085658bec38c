import { AppError } from '../../../shared/errors';
import type { Workspace } from '../../workspace';
import type { ExportSources } from './exportSources';

// Wires exports to the model, evidence store and report writers of this workspace.
export function workspaceExportSources(ws: Workspace): ExportSources {
  const missing = (): never => {
    throw new AppError('internal', 'Exports are not available in this build yet.');
  };
  return {
    document: missing,
    serialize: missing,
    trail: (id) => ws.trail.list(id),
    evidencePath: missing,
    evidenceStream: missing,
    writeGapRegister: missing,
    writeFindingsReport: missing,
  };
}
