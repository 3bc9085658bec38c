import { RequirementIndex } from '../../core/catalog/requirementIndex';
import { Workspace, type WorkspaceOptions } from '../workspace';
import { AssessmentService } from './assessments';
import { AssetImportService } from './assetImport';
import { AssetService } from './assets';
import { CatalogService } from './catalogs';
import { ChecklistService } from './checklists';
import { ConduitService } from './conduits';
import { ControlService } from './controls';
import { type EvidenceOptions, EvidenceService } from './evidence/evidenceService';
import { EvidenceLinks } from './evidenceLinks';
import { FindingService } from './findings';
import { InterchangeService } from './interchange';
import { ExportService } from './package/exportService';
import { PackageImportService } from './package/importService';
import { workspaceEvidenceSink, workspaceExportSources } from './package/workspaceSources';
import { ReportService } from './reports/reportService';
import { reportSources } from './reports/reportSources';
import { ResponseService } from './responses';
import { ScopeCleanup } from './scopeCleanup';
import { ScopeResolver } from './scopes';
import { ScoreService } from './score';
import { SigningService } from './signing/signingService';
import { WorkspaceCatalogs } from './workspaceCatalogs';
import { ZoneService } from './zones';

/** Every service over one workspace; built once and shared by Electron, the CLI, the e2e harness and tests. */
export interface Services {
  ws: Workspace;
  assessments: AssessmentService;
  /** The shipped catalogs with this workspace's licensed overlays applied (levels corrected, text added). */
  catalogs: WorkspaceCatalogs;
  /** Ids, kinds and component types of the shipped catalogs (overlays change only levels and text). */
  requirements: RequirementIndex;
  scopes: ScopeResolver;
  zones: ZoneService;
  conduits: ConduitService;
  assets: AssetService;
  assetImport: AssetImportService;
  checklists: ChecklistService;
  responses: ResponseService;
  findings: FindingService;
  controls: ControlService;
  interchange: InterchangeService;
  score: ScoreService;
  signing: SigningService;
  exports: ExportService;
  imports: PackageImportService;
  evidence: EvidenceService;
  /** The Excel gap register, the PDF findings report and the register's round trip. */
  reports: ReportService;
}

export interface ServiceOptions extends WorkspaceOptions {
  /** Validated catalogs can be shared between workspaces (tests, e2e harness). */
  catalogs?: CatalogService;
  evidence?: EvidenceOptions;
}

export function createServices(dataDir: string, opts: ServiceOptions = {}): Services {
  const shipped = opts.catalogs ?? new CatalogService();
  const ws = Workspace.open(dataDir, opts);
  const assessments = new AssessmentService(ws);
  const catalogs = new WorkspaceCatalogs(shipped, ws);
  const requirements = new RequirementIndex(shipped.catalogs);
  const scopes = new ScopeResolver(ws);
  const cleanup = new ScopeCleanup(ws);
  const links = new EvidenceLinks(ws);
  const conduits = new ConduitService(ws, assessments, cleanup);
  const assets = new AssetService(ws, assessments, cleanup, requirements);
  const evidence = new EvidenceService(ws, assessments, opts.evidence);
  evidence.sweep();
  assessments.onDeleted(() => evidence.collectGarbage());
  const reports = new ReportService(ws, reportSources(ws, assessments, catalogs, evidence));
  const signing = new SigningService(ws);
  const interchange = new InterchangeService(ws, requirements, assets);
  const imports = new PackageImportService(
    ws,
    signing,
    interchange,
    assessments,
    assets,
    workspaceEvidenceSink(evidence),
  );
  return {
    ws,
    assessments,
    catalogs,
    requirements,
    scopes,
    zones: new ZoneService(ws, assessments, conduits, assets, cleanup),
    conduits,
    assets,
    assetImport: new AssetImportService(ws, assessments, assets),
    checklists: new ChecklistService(ws, scopes, catalogs, links),
    responses: new ResponseService(ws, scopes, requirements, links),
    findings: new FindingService(ws, assessments, scopes, requirements, links),
    controls: new ControlService(ws, scopes, requirements),
    interchange,
    score: new ScoreService(ws, catalogs),
    signing,
    exports: new ExportService(
      ws,
      signing,
      workspaceExportSources({ ws, interchange, evidence, reports }),
      undefined,
      (id) => imports.isReviewCopy(id),
    ),
    imports,
    evidence,
    reports,
  };
}
