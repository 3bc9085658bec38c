import { Workspace, type WorkspaceOptions } from '../workspace';
import { AssessmentService } from './assessments';
import { CatalogService } from './catalogs';
import { type EvidenceOptions, EvidenceService } from './evidence/evidenceService';

/** Every service over one workspace; built once and shared by Electron, the CLI, the e2e harness and tests. */
export interface Services {
  ws: Workspace;
  assessments: AssessmentService;
  catalogs: CatalogService;
  evidence: EvidenceService;
}

export interface ServiceOptions extends WorkspaceOptions {
  /** Validated catalogs can be shared between workspaces (tests, e2e harness). */
  catalogs?: CatalogService;
  evidence?: EvidenceOptions;
}

export function createServices(dataDir: string, opts: ServiceOptions = {}): Services {
  const catalogs = opts.catalogs ?? new CatalogService();
  const ws = Workspace.open(dataDir, opts);
  const assessments = new AssessmentService(ws);
  const evidence = new EvidenceService(ws, assessments, opts.evidence);
  evidence.sweep();
  assessments.onDeleted(() => evidence.collectGarbage());
  return {
    ws,
    assessments,
    catalogs,
    evidence,
  };
}
