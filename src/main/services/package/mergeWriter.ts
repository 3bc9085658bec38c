import type Database from 'better-sqlite3';
import type { ResolvedMerge } from '../../../core/merge/planMerge';
import type { AssetService } from '../assets';
import { slJson } from '../modelRows';
import { ModelRowWriter } from '../modelRowWriter';

function statements(db: Database.Database) {
  return {
    zoneUpdate: db.prepare(
      'UPDATE zone SET name = ?, description = ?, sl_target = ? WHERE assessment_id = ? AND id = ?',
    ),
    conduitUpdate: db.prepare(
      `UPDATE conduit SET name = ?, description = ?, zone_a = ?, zone_b = ?, protocols = ?, sl_target = ?
       WHERE assessment_id = ? AND id = ?`,
    ),
    assetUpdate: db.prepare(
      `UPDATE asset SET name = ?, zone_id = ?, component_type = ?, vendor = ?, model = ?, firmware = ?, legacy = ?
       WHERE assessment_id = ? AND id = ?`,
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
  const rows = new ModelRowWriter(db);
  const { add, replace } = merge;
  for (const z of add.zones) rows.zone(assessmentId, z);
  for (const z of replace.zones)
    s.zoneUpdate.run(z.name, z.description, slJson(z.slTarget), assessmentId, z.id);
  for (const c of add.conduits) rows.conduit(assessmentId, c);
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
  for (const e of add.evidence) rows.evidence(assessmentId, e, at);
  for (const r of [...add.responses, ...replace.responses]) rows.response(assessmentId, r, at);
  for (const f of [...add.findings, ...replace.findings]) rows.finding(assessmentId, f, at);
}
