import type { CatalogPart } from '../../../core/catalog/types';
import { scoreAssessment } from '../../../core/scoring/scoreAssessment';
import type { Workspace } from '../../workspace';
import { loadAssessmentModel, loadEvidenceMeta } from '../assessmentModel';
import type { AssessmentService } from '../assessments';
import type { EvidenceService } from '../evidence/evidenceService';
import type { WorkspaceCatalogs } from '../workspaceCatalogs';
import type { ReportSources } from './reportService';

const PARTS: readonly CatalogPart[] = ['2-1', '3-3', '4-2'];

/** The reports read what the dashboard reads: the same model loader, catalogs (with overlays) and scoring. */
export function reportSources(
  ws: Workspace,
  assessments: AssessmentService,
  catalogs: WorkspaceCatalogs,
  evidence: EvidenceService,
): ReportSources {
  const byPart = () =>
    Object.fromEntries(PARTS.map((p) => [p, catalogs.byPart(p)])) as ReturnType<ReportSources['catalogs']>;
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
    // The evidence store's own thumbnails: re-encoded, so no EXIF of the original reaches the PDF.
    thumbnail: (_id, sha) => evidence.thumbnail(sha),
  };
}
