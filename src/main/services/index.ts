import { Workspace, type WorkspaceOptions } from '../workspace';
import { AssessmentService } from './assessments';

/** Every service over one workspace; built once and shared by Electron, the CLI, the e2e harness and tests. */
export interface Services {
  ws: Workspace;
  assessments: AssessmentService;
}

export function createServices(dataDir: string, opts: WorkspaceOptions = {}): Services {
  const ws = Workspace.open(dataDir, opts);
  return {
    ws,
    assessments: new AssessmentService(ws),
  };
}
