import type Database from 'better-sqlite3';
import { type Scope, scopeKey } from '../../core/domain';
import type { Workspace } from '../workspace';
import { scopeColumns } from './modelRows';

export interface ScopeRemoval {
  /** Requirements whose answers were removed. */
  removedResponses: number;
  /** Findings that pointed at the scope and now have none. */
  detachedFindings: string[];
}

/**
 * Removes what hangs off a scope that is being deleted, so nothing is left orphaned: its answers,
 * the evidence links to those answers (and to the asset itself), and the scope of findings that
 * named it (the finding stays; the auditor wrote it). Callers run it inside their transaction.
 */
export class ScopeCleanup {
  private readonly deleteResponses: Database.Statement;
  private readonly deleteResponseLinks: Database.Statement;
  private readonly deleteAssetLinks: Database.Statement;
  private readonly findFindings: Database.Statement;
  private readonly detachFindings: Database.Statement;
  private readonly deleteSomeResponses: Database.Statement;
  private readonly deleteOneResponseLink: Database.Statement;

  constructor(ws: Workspace) {
    const db = ws.db;
    this.deleteResponses = db.prepare(
      'DELETE FROM response WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ?',
    );
    // Response keys are `<scopeKey>|<requirement>`; '}' is the character after '|', so this is a prefix range.
    this.deleteResponseLinks = db.prepare(
      `DELETE FROM evidence_link WHERE assessment_id = ? AND target_kind = 'response'
       AND target_id >= ? AND target_id < ?`,
    );
    this.deleteAssetLinks = db.prepare(
      `DELETE FROM evidence_link WHERE assessment_id = ? AND target_kind = 'asset' AND target_id = ?`,
    );
    this.findFindings = db.prepare(
      'SELECT id FROM finding WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ? ORDER BY id',
    );
    this.detachFindings = db.prepare(
      `UPDATE finding SET scope_kind = NULL, scope_id = NULL, updated_at = ?
       WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ?`,
    );
    this.deleteSomeResponses = db.prepare(
      'DELETE FROM response WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ? AND requirement = ?',
    );
    this.deleteOneResponseLink = db.prepare(
      `DELETE FROM evidence_link WHERE assessment_id = ? AND target_kind = 'response' AND target_id = ?`,
    );
  }

  removeScope(assessmentId: string, scope: Scope, at: string): ScopeRemoval {
    const [kind, id] = scopeColumns(scope);
    const prefix = `${scopeKey(scope)}|`;
    this.deleteResponseLinks.run(assessmentId, prefix, `${prefix.slice(0, -1)}}`);
    const removedResponses = this.deleteResponses.run(assessmentId, kind, id).changes;
    if (scope.kind === 'asset') this.deleteAssetLinks.run(assessmentId, scope.id);
    const detachedFindings = (this.findFindings.all(assessmentId, kind, id) as { id: string }[]).map(
      (r) => r.id,
    );
    if (detachedFindings.length) this.detachFindings.run(at, assessmentId, kind, id);
    return { removedResponses, detachedFindings };
  }

  /** Removes single answers (and their evidence links), e.g. those an asset's new component type does not have. */
  removeResponses(assessmentId: string, scope: Scope, requirements: string[]): void {
    const [kind, id] = scopeColumns(scope);
    for (const r of requirements) {
      this.deleteSomeResponses.run(assessmentId, kind, id, r);
      this.deleteOneResponseLink.run(assessmentId, `${scopeKey(scope)}|${r}`);
    }
  }
}
