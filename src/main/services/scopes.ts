import type Database from 'better-sqlite3';
import type { CatalogPart } from '../../core/catalog/types';
import type { ComponentType, Scope, SlVector } from '../../core/domain';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';

export interface ResolvedScope {
  scope: Scope;
  name: string;
  part: CatalogPart;
  /** null for the organisation (the 2-1 questionnaire is rated by maturity). */
  slTarget: SlVector | null;
  componentType?: ComponentType;
  /** The assessment's target maturity, for the organisation scope. */
  targetMaturity: number | null;
}

/** Finds what a scope refers to, with a not-found sentence when it does not exist. */
export class ScopeResolver {
  private readonly assessment: Database.Statement;
  private readonly zone: Database.Statement;
  private readonly conduit: Database.Statement;
  private readonly asset: Database.Statement;

  constructor(ws: Workspace) {
    this.assessment = ws.db.prepare('SELECT title, sms_target_maturity AS m FROM assessment WHERE id = ?');
    this.zone = ws.db.prepare('SELECT name, sl_target FROM zone WHERE assessment_id = ? AND id = ?');
    this.conduit = ws.db.prepare('SELECT name, sl_target FROM conduit WHERE assessment_id = ? AND id = ?');
    this.asset = ws.db.prepare(
      `SELECT a.name, a.component_type, z.sl_target FROM asset a
       JOIN zone z ON z.assessment_id = a.assessment_id AND z.id = a.zone_id
       WHERE a.assessment_id = ? AND a.id = ?`,
    );
  }

  resolve(assessmentId: string, scope: Scope): ResolvedScope {
    const a = this.assessment.get(assessmentId) as { title: string; m: number } | undefined;
    if (!a)
      throw new AppError('not-found', `No assessment with id ${assessmentId}. It may have been deleted.`);
    if (scope.kind === 'organisation') {
      return { scope, name: 'Organisation', part: '2-1', slTarget: null, targetMaturity: a.m };
    }
    const stmt = scope.kind === 'zone' ? this.zone : scope.kind === 'conduit' ? this.conduit : this.asset;
    const row = stmt.get(assessmentId, scope.id) as
      | { name: string; sl_target: string; component_type?: ComponentType }
      | undefined;
    if (!row) throw new AppError('not-found', `No ${scope.kind} with id ${scope.id} in this assessment.`);
    return {
      scope,
      name: row.name,
      part: scope.kind === 'asset' ? '4-2' : '3-3',
      slTarget: JSON.parse(row.sl_target) as SlVector,
      componentType: row.component_type,
      targetMaturity: null,
    };
  }
}
