import type { AssessmentStatus, FindingStatus } from '../../core/domain';
import { responseKey } from '../../core/domain';
import type { AssessmentHeader, AssessmentModel, EvidenceMeta } from '../../core/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import { EvidenceLinks } from './evidenceLinks';
import {
  type AssetRow,
  type ConduitRow,
  type ControlCoverRow,
  type ControlRow,
  type FindingRow,
  type ResponseRow,
  scopeFromColumns,
  toAsset,
  toConduit,
  toControl,
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
  scope_statement: string;
  start_date: string | null;
  end_date: string | null;
}

interface GapTrackingRow {
  gap_id: string;
  owner: string;
  due: string | null;
  status: FindingStatus;
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
    controls: db.prepare('SELECT * FROM compensating_control WHERE assessment_id = ? ORDER BY id'),
    covers: db.prepare(
      `SELECT control_id, scope_kind, scope_id, requirement FROM control_cover WHERE assessment_id = ?
       ORDER BY control_id, scope_kind, scope_id, requirement`,
    ),
    controlEvidence: db.prepare(
      'SELECT control_id, sha256 FROM control_evidence WHERE assessment_id = ? ORDER BY control_id, sha256',
    ),
    gapTracking: db.prepare(
      'SELECT gap_id, owner, due, status FROM gap_tracking WHERE assessment_id = ? ORDER BY gap_id',
    ),
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
      scopeStatement: h.scope_statement,
      startDate: h.start_date,
      endDate: h.end_date,
    };
    const covers = new Map<string, AssessmentModel['compensatingControls'][number]['covers']>();
    for (const c of s.covers.all(id) as ControlCoverRow[]) {
      const list = covers.get(c.control_id) ?? [];
      covers.set(c.control_id, list);
      list.push({ scope: scopeFromColumns(c.scope_kind, c.scope_id), requirement: c.requirement });
    }
    const controlEvidence = new Map<string, string[]>();
    for (const e of s.controlEvidence.all(id) as { control_id: string; sha256: string }[]) {
      const list = controlEvidence.get(e.control_id) ?? [];
      controlEvidence.set(e.control_id, list);
      list.push(e.sha256);
    }
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
      compensatingControls: (s.controls.all(id) as ControlRow[]).map((r) =>
        toControl(r, covers.get(r.id) ?? [], controlEvidence.get(r.id) ?? []),
      ),
      findings: (s.findings.all(id) as FindingRow[]).map((r) =>
        toFinding(r, links.get(`finding|${r.id}`) ?? []),
      ),
      gapTracking: (s.gapTracking.all(id) as GapTrackingRow[]).map((r) => ({
        gapId: r.gap_id,
        owner: r.owner,
        due: r.due,
        status: r.status,
      })),
    };
  })();
}

/** The metadata of an assessment's evidence (not removed), sorted by hash. */
export function loadEvidenceMeta(ws: Workspace, id: string): EvidenceMeta[] {
  return statements(ws).evidence.all(id) as EvidenceMeta[];
}
