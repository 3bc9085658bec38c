import type Database from 'better-sqlite3';
import { responseKey } from '../../core/domain';
import type {
  ChecklistResponse,
  CompensatingControl,
  Conduit,
  EvidenceMeta,
  Finding,
  GapTrackingEntry,
  Zone,
} from '../../core/model';
import { scopeColumns, slJson } from './modelRows';

type LinkKind = 'response' | 'finding';

/**
 * Writes whole model rows from domain objects: the one place that knows their column order, shared by
 * the interchange import and the package merge. Answers and findings are upserts and links are
 * idempotent, so a merge can replace what an import only ever inserts.
 */
export class ModelRowWriter {
  private readonly s;

  constructor(db: Database.Database) {
    this.s = {
      zone: db.prepare(
        'INSERT INTO zone (id, assessment_id, name, description, sl_target) VALUES (?, ?, ?, ?, ?)',
      ),
      conduit: db.prepare(
        `INSERT INTO conduit (id, assessment_id, name, description, zone_a, zone_b, protocols, sl_target)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      evidence: db.prepare(
        `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, captured_at, captured_by,
           description, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      response: db.prepare(
        `INSERT INTO response (assessment_id, scope_kind, scope_id, requirement, result, maturity,
           justification, comment, flagged, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (assessment_id, scope_kind, scope_id, requirement) DO UPDATE SET
           result = excluded.result, maturity = excluded.maturity,
           justification = excluded.justification, comment = excluded.comment,
           flagged = excluded.flagged, assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at`,
      ),
      finding: db.prepare(
        `INSERT INTO finding (id, assessment_id, title, requirement, scope_kind, scope_id, severity, description,
           recommendation, owner, due, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (assessment_id, id) DO UPDATE SET title = excluded.title, requirement = excluded.requirement,
           scope_kind = excluded.scope_kind, scope_id = excluded.scope_id, severity = excluded.severity,
           description = excluded.description, recommendation = excluded.recommendation, owner = excluded.owner,
           due = excluded.due, status = excluded.status, updated_at = excluded.updated_at`,
      ),
      control: db.prepare(
        `INSERT INTO compensating_control (assessment_id, id, description, kind, implemented_scope_kind,
           implemented_scope_id, implemented_requirement, owner, review_due, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (assessment_id, id) DO UPDATE SET description = excluded.description, kind = excluded.kind,
           implemented_scope_kind = excluded.implemented_scope_kind, implemented_scope_id = excluded.implemented_scope_id,
           implemented_requirement = excluded.implemented_requirement, owner = excluded.owner,
           review_due = excluded.review_due, updated_at = excluded.updated_at`,
      ),
      uncover: db.prepare('DELETE FROM control_cover WHERE assessment_id = ? AND control_id = ?'),
      cover: db.prepare(
        `INSERT INTO control_cover (assessment_id, control_id, scope_kind, scope_id, requirement)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ),
      unlinkControl: db.prepare('DELETE FROM control_evidence WHERE assessment_id = ? AND control_id = ?'),
      linkControl: db.prepare(
        'INSERT INTO control_evidence (assessment_id, control_id, sha256) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      gapTracking: db.prepare(
        `INSERT INTO gap_tracking (assessment_id, gap_id, owner, due, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (assessment_id, gap_id) DO UPDATE SET owner = excluded.owner, due = excluded.due,
           status = excluded.status, updated_at = excluded.updated_at`,
      ),
      unlink: db.prepare(
        'DELETE FROM evidence_link WHERE assessment_id = ? AND target_kind = ? AND target_id = ?',
      ),
      link: db.prepare(
        `INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ),
    };
  }

  zone(assessmentId: string, z: Zone): void {
    this.s.zone.run(z.id, assessmentId, z.name, z.description, slJson(z.slTarget));
  }

  conduit(assessmentId: string, c: Conduit): void {
    this.s.conduit.run(
      c.id,
      assessmentId,
      c.name,
      c.description,
      c.zones[0],
      c.zones[1],
      JSON.stringify(c.protocols),
      slJson(c.slTarget),
    );
  }

  /** Metadata only: the file itself is the evidence store's. */
  evidence(assessmentId: string, e: EvidenceMeta, at: string): void {
    this.s.evidence.run(
      assessmentId,
      e.sha256,
      e.fileName,
      e.mediaType,
      e.size,
      e.capturedAt,
      e.capturedBy,
      e.description,
      at,
    );
  }

  /** Writes the answer and makes its evidence links exactly `r.evidence`. */
  response(assessmentId: string, r: ChecklistResponse, at: string): void {
    const [kind, scopeId] = scopeColumns(r.scope);
    this.s.response.run(
      assessmentId,
      kind,
      scopeId,
      r.requirement,
      r.result,
      r.maturity,
      r.justification,
      r.comment,
      r.flagged ? 1 : 0,
      r.assessedBy,
      r.assessedAt,
    );
    this.relink(assessmentId, 'response', responseKey(r.scope, r.requirement), r.evidence, at);
  }

  /** Writes the finding and makes its evidence links exactly `f.evidence`. */
  finding(assessmentId: string, f: Finding, at: string): void {
    const [kind, scopeId] = f.scope ? scopeColumns(f.scope) : [null, null];
    this.s.finding.run(
      f.id,
      assessmentId,
      f.title,
      f.requirement,
      kind,
      scopeId,
      f.severity,
      f.description,
      f.recommendation,
      f.owner,
      f.due,
      f.status,
      at,
      at,
    );
    this.relink(assessmentId, 'finding', f.id, f.evidence, at);
  }

  /** Writes the control with exactly its covered items and evidence. */
  control(assessmentId: string, c: CompensatingControl, at: string): void {
    const [kind, scopeId] = c.implementedBy ? scopeColumns(c.implementedBy.scope) : [null, null];
    this.s.control.run(
      assessmentId,
      c.id,
      c.description,
      c.kind,
      kind,
      scopeId,
      c.implementedBy?.requirement ?? null,
      c.owner,
      c.reviewDue,
      at,
      at,
    );
    this.s.uncover.run(assessmentId, c.id);
    for (const ref of c.covers)
      this.s.cover.run(assessmentId, c.id, ...scopeColumns(ref.scope), ref.requirement);
    this.s.unlinkControl.run(assessmentId, c.id);
    for (const h of c.evidence) this.s.linkControl.run(assessmentId, c.id, h);
  }

  gapTracking(assessmentId: string, g: GapTrackingEntry, at: string): void {
    this.s.gapTracking.run(assessmentId, g.gapId, g.owner, g.due, g.status, at);
  }

  private relink(
    assessmentId: string,
    kind: LinkKind,
    target: string,
    hashes: readonly string[],
    at: string,
  ): void {
    this.s.unlink.run(assessmentId, kind, target);
    for (const h of hashes) this.s.link.run(assessmentId, h, kind, target, at);
  }
}
