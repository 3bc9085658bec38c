import type { CatalogPart } from '../../../core/catalog/types';
import { scoreAssessment } from '../../../core/scoring/scoreAssessment';
import type { Workspace } from '../../workspace';
import { loadAssessmentModel, loadEvidenceMeta } from '../assessmentModel';
import type { AssessmentService } from '../assessments';
import type { WorkspaceCatalogs } from '../workspaceCatalogs';
import type { ReportSources } from './reportService';

const PARTS: readonly CatalogPart[] = ['2-1', '3-3', '4-2'];

/** The reports read what the dashboard reads: the same model loader, catalogs (with overlays) and scoring. */
export function reportSources(
  ws: Workspace,
  assessments: AssessmentService,
  catalogs: WorkspaceCatalogs,
): ReportSources {
  const byPart = () =>
    Object.fromEntries(PARTS.map((p) => [p, catalogs.byPart(p)])) as ReturnType<ReportSources['catalogs']>;
  const thumb = ws.db.prepare('SELECT png FROM thumbnail WHERE sha256 = ?');
  return {
    details: (id) => assessments.get(id),
    model: (id) => loadAssessmentModel(ws, id),
    score: (model) => scoreAssessment(model, byPart()),
    catalogs: byPart,
    catalogVersions: () =>
      catalogs.catalogVersions().map((v) => {
        const c = catalogs.byId(v.catalogId);
        return { ...v, part: c.part, title: c.title };
      }),
    evidence: (id) => loadEvidenceMeta(ws, id),
    // Thumbnails the evidence store has made; a photo without one is listed by name only.
    thumbnail: (_id, sha) => (thumb.get(sha) as { png: Buffer } | undefined)?.png ?? null,
  };
}
