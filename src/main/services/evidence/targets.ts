import type Database from 'better-sqlite3';
import type { Scope } from '../../../core/domain';
import { type EvidenceTarget, refToTarget, targetRef } from '../../../core/evidenceTargets';
import type { EvidenceTargets } from '../../../shared/contract/evidence';
import { AppError } from '../../../shared/errors';

const TABLE: Record<'zone' | 'conduit' | 'asset' | 'finding', string> = {
  zone: 'zone',
  conduit: 'conduit',
  asset: 'asset',
  finding: 'finding',
};

function exists(db: Database.Database, table: keyof typeof TABLE, assessmentId: string, id: string): boolean {
  return !!db
    .prepare(`SELECT 1 FROM ${TABLE[table]} WHERE assessment_id = ? AND id = ?`)
    .get(assessmentId, id);
}

export function assertScope(db: Database.Database, assessmentId: string, scope: Scope): void {
  if (scope.kind === 'organisation') return;
  if (!exists(db, scope.kind, assessmentId, scope.id)) {
    throw new AppError('not-found', `There is no ${scope.kind} "${scope.id}" in this assessment.`);
  }
}

/** Refuses a link to a zone, conduit, asset or finding this assessment does not have. */
export function assertTarget(db: Database.Database, assessmentId: string, target: EvidenceTarget): void {
  if (target.kind === 'response') {
    assertScope(db, assessmentId, target.scope);
    return;
  }
  if (!exists(db, target.kind, assessmentId, target.id)) {
    throw new AppError('not-found', `There is no ${target.kind} "${target.id}" in this assessment.`);
  }
}

/** What the window can offer as link targets and scope filters, with names. */
export function listTargets(db: Database.Database, assessmentId: string): EvidenceTargets {
  const rows = <T>(sql: string) => db.prepare(sql).all(assessmentId) as T[];
  const zones = rows<{ id: string; name: string }>(
    'SELECT id, name FROM zone WHERE assessment_id = ? ORDER BY name, id',
  );
  const conduits = rows<{ id: string; name: string }>(
    'SELECT id, name FROM conduit WHERE assessment_id = ? ORDER BY name, id',
  );
  const assets = rows<{ id: string; name: string }>(
    'SELECT id, name FROM asset WHERE assessment_id = ? ORDER BY name, id',
  );
  const findings = rows<{ id: string; title: string }>(
    'SELECT id, title FROM finding WHERE assessment_id = ? ORDER BY created_at, id',
  );
  return {
    scopes: [
      { scope: { kind: 'organisation' }, label: 'Organisation' },
      ...zones.map((z) => ({ scope: { kind: 'zone', id: z.id } as Scope, label: `Zone ${z.name}` })),
      ...conduits.map((c) => ({ scope: { kind: 'conduit', id: c.id } as Scope, label: `Conduit ${c.name}` })),
      ...assets.map((a) => ({ scope: { kind: 'asset', id: a.id } as Scope, label: `Asset ${a.name}` })),
    ],
    findings,
    assets,
  };
}

/** Finding ids whose scope is `scope`, for the scope filter. */
export function findingsInScope(db: Database.Database, assessmentId: string, scope: Scope): Set<string> {
  const rows = db
    .prepare(
      "SELECT id FROM finding WHERE assessment_id = ? AND scope_kind = ? AND coalesce(scope_id, '') = ?",
    )
    .all(assessmentId, scope.kind, scope.kind === 'organisation' ? '' : scope.id) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

export { refToTarget, targetRef };
