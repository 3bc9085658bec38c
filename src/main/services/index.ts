import { Workspace, type WorkspaceOptions } from '../workspace';
import { AssessmentService } from './assessments';
import { CatalogService } from './catalogs';
import { WorkspaceCatalogs } from './workspaceCatalogs';

/** Every service over one workspace; built once and shared by Electron, the CLI, the e2e harness and tests. */
export interface Services {
  ws: Workspace;
  assessments: AssessmentService;
  /** The shipped catalogs with this workspace's licensed overlays applied (levels corrected, text added). */
  catalogs: WorkspaceCatalogs;
}

export interface ServiceOptions extends WorkspaceOptions {
  /** Validated catalogs can be shared between workspaces (tests, e2e harness). */
  catalogs?: CatalogService;
}

export function createServices(dataDir: string, opts: ServiceOptions = {}): Services {
  const shipped = opts.catalogs ?? new CatalogService();
  const ws = Workspace.open(dataDir, opts);
  return {
    ws,
    assessments: new AssessmentService(ws),
    catalogs: new WorkspaceCatalogs(shipped, ws),
  };
}
