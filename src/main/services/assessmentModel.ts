import type { AssessmentStatus } from '../../core/domain';
import { responseKey } from '../../core/domain';
import type { AssessmentHeader, AssessmentModel, EvidenceMeta } from '../../core/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import { EvidenceLinks } from './evidenceLinks';
import {
  type AssetRow,
  type ConduitRow,
  type FindingRow,
  type ResponseRow,
  scopeFromColumns,
  toAsset,
  toConduit,
  toFinding,
  toResponse,
  toZone,
  type ZoneRow,
} from './modelRows';

interface HeaderRow {
  id: string;
  title: string;
  organisation: string;
  site: string;
  assessors: string;
  created_at: string;
  status: AssessmentStatus;
  catalogs: string;
  sms_target_maturity: number;
}

// Statements are cached per database: the loader runs for every score, export and report.
const cache = new WeakMap<Workspace, ReturnType<typeof prepare>>();

function prepare(ws: Workspace) {
  const db = ws.db;
  return {
    header: db.prepare('SELECT * FROM assessment WHERE id = ?'),
    zones: db.prepare('SELECT * FROM zone WHERE assessment_id = ? ORDER BY rowid'),
    conduits: db.prepare('SELECT * FROM conduit WHERE assessment_id = ? ORDER BY rowid'),
    assets: db.prepare('SELECT * FROM asset WHERE assessment_id = ? ORDER BY rowid'),
    responses: db.prepare('SELECT * FROM response WHERE assessment_id = ?'),
    findings: db.prepare('SELECT * FROM finding WHERE assessment_id = ? ORDER BY created_at, id'),
    evidence: db.prepare(
      `SELECT sha256, file_name AS fileName, media_type AS mediaType, size, captured_at AS capturedAt,
         captured_by AS capturedBy, description
       FROM evidence WHERE assessment_id = ? AND removed_at IS NULL ORDER BY sha256`,
    ),
    links: new EvidenceLinks(ws),
  };
}

function statements(ws: Workspace) {
  let s = cache.get(ws);
  if (!s) {
    s = prepare(ws);
    cache.set(ws, s);
  }
  return s;
}

/**
 * The one place that reads a whole assessment: header, zones, conduits, assets, answers and
 * findings with their evidence links. A fixed number of queries however large the plant is, read
 * in one transaction so the picture is consistent.
 */
export function loadAssessmentModel(ws: Workspace, id: string): AssessmentModel {
  const s = statements(ws);
  return ws.db.transaction(() => {
    const h = s.header.get(id) as HeaderRow | undefined;
    if (!h) throw new AppError('not-found', `No assessment with id ${id}. It may have been deleted.`);
    const links = s.links.all(id);
    const assessment: AssessmentHeader = {
      id: h.id,
      title: h.title,
      organisation: h.organisation,
      site: h.site,
      assessors: JSON.parse(h.assessors),
      createdAt: h.created_at,
      status: h.status,
      catalogs: JSON.parse(h.catalogs),
      smsTargetMaturity: h.sms_target_maturity,
    };
    return {
      assessment,
      zones: (s.zones.all(id) as ZoneRow[]).map(toZone),
      conduits: (s.conduits.all(id) as ConduitRow[]).map(toConduit),
      assets: (s.assets.all(id) as AssetRow[]).map(toAsset),
      responses: (s.responses.all(id) as ResponseRow[]).map((r) =>
        toResponse(
          r,
          links.get(`response|${responseKey(scopeFromColumns(r.scope_kind, r.scope_id), r.requirement)}`) ??
            [],
        ),
      ),
      findings: (s.findings.all(id) as FindingRow[]).map((r) =>
        toFinding(r, links.get(`finding|${r.id}`) ?? []),
      ),
    };
  })();
}

/** The metadata of an assessment's evidence (not removed), sorted by hash. */
export function loadEvidenceMeta(ws: Workspace, id: string): EvidenceMeta[] {
  return statements(ws).evidence.all(id) as EvidenceMeta[];
}
