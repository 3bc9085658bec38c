import type Database from 'better-sqlite3';
import { responseKey } from '../../../core/domain';
import type { ResolvedMerge } from '../../../core/merge/planMerge';
import type { ChecklistResponse, Finding } from '../../../core/model';
import type { AssetService } from '../assets';
import { scopeColumns, slJson } from '../modelRows';

function statements(db: Database.Database) {
  return {
    zone: db.prepare(
      'INSERT INTO zone (id, assessment_id, name, description, sl_target) VALUES (?, ?, ?, ?, ?)',
    ),
    zoneUpdate: db.prepare(
      'UPDATE zone SET name = ?, description = ?, sl_target = ? WHERE assessment_id = ? AND id = ?',
    ),
    conduit: db.prepare(
      `INSERT INTO conduit (id, assessment_id, name, description, zone_a, zone_b, protocols, sl_target)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    conduitUpdate: db.prepare(
      `UPDATE conduit SET name = ?, description = ?, zone_a = ?, zone_b = ?, protocols = ?, sl_target = ?
       WHERE assessment_id = ? AND id = ?`,
    ),
    assetUpdate: db.prepare(
      `UPDATE asset SET name = ?, zone_id = ?, component_type = ?, vendor = ?, model = ?, firmware = ?, legacy = ?
       WHERE assessment_id = ? AND id = ?`,
    ),
    evidence: db.prepare(
      `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, captured_at, captured_by,
         description, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    response: db.prepare(
      `INSERT INTO response (assessment_id, scope_kind, scope_id, requirement, result, maturity,
         compensating_control, comment, flagged, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (assessment_id, scope_kind, scope_id, requirement) DO UPDATE SET
         result = excluded.result, maturity = excluded.maturity,
         compensating_control = excluded.compensating_control, comment = excluded.comment,
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
    unlink: db.prepare(
      'DELETE FROM evidence_link WHERE assessment_id = ? AND target_kind = ? AND target_id = ?',
    ),
    link: db.prepare(
      `INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
  };
}

/**
 * Writes a resolved merge into an assessment: everything new from the package, and the items whose
 * conflict was decided for the package's side. The caller runs this inside the one audit-logged
 * change that records the merge.
 */
export function writeMerge(
  db: Database.Database,
  assets: AssetService,
  assessmentId: string,
  merge: ResolvedMerge,
  at: string,
): void {
  const s = statements(db);
  const { add, replace } = merge;
  for (const z of add.zones) s.zone.run(z.id, assessmentId, z.name, z.description, slJson(z.slTarget));
  for (const z of replace.zones)
    s.zoneUpdate.run(z.name, z.description, slJson(z.slTarget), assessmentId, z.id);
  for (const c of add.conduits) {
    s.conduit.run(
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
  for (const c of replace.conduits) {
    s.conduitUpdate.run(
      c.name,
      c.description,
      c.zones[0],
      c.zones[1],
      JSON.stringify(c.protocols),
      slJson(c.slTarget),
      assessmentId,
      c.id,
    );
  }
  for (const a of add.assets) assets.insert(assessmentId, a);
  for (const a of replace.assets) {
    s.assetUpdate.run(
      a.name,
      a.zone,
      a.componentType,
      a.vendor,
      a.model,
      a.firmware,
      a.legacy ? 1 : 0,
      assessmentId,
      a.id,
    );
  }
  for (const e of add.evidence) {
    s.evidence.run(
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
  const relink = (kind: 'response' | 'finding', target: string, hashes: readonly string[]) => {
    s.unlink.run(assessmentId, kind, target);
    for (const h of hashes) s.link.run(assessmentId, h, kind, target, at);
  };
  const answer = (r: ChecklistResponse) => {
    const [kind, scopeId] = scopeColumns(r.scope);
    s.response.run(
      assessmentId,
      kind,
      scopeId,
      r.requirement,
      r.result,
      r.maturity,
      r.compensatingControl,
      r.comment,
      r.flagged ? 1 : 0,
      r.assessedBy,
      r.assessedAt,
    );
    relink('response', responseKey(r.scope, r.requirement), r.evidence);
  };
  const finding = (f: Finding) => {
    const [kind, scopeId] = f.scope ? scopeColumns(f.scope) : [null, null];
    s.finding.run(
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
    relink('finding', f.id, f.evidence);
  };
  for (const r of [...add.responses, ...replace.responses]) answer(r);
  for (const f of [...add.findings, ...replace.findings]) finding(f);
}
