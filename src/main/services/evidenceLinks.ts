import type Database from 'better-sqlite3';
import { type Scope, scopeKey } from '../../core/domain';
import type { Workspace } from '../workspace';

/**
 * Reads evidence links (0003_evidence.sql) for answers and findings. Links to evidence that was
 * removed do not count.
 */
export class EvidenceLinks {
  private readonly targetStmt: Database.Statement;
  private readonly rangeStmt: Database.Statement;
  private readonly allStmt: Database.Statement;

  constructor(ws: Workspace) {
    const live = `FROM evidence_link l JOIN evidence e ON e.assessment_id = l.assessment_id AND e.sha256 = l.sha256
       WHERE l.assessment_id = ? AND e.removed_at IS NULL`;
    this.targetStmt = ws.db
      .prepare(`SELECT l.sha256 ${live} AND l.target_kind = ? AND l.target_id = ? ORDER BY l.sha256`)
      .pluck();
    this.rangeStmt = ws.db.prepare(
      `SELECT l.target_id AS t, l.sha256 AS h ${live} AND l.target_kind = 'response'
       AND l.target_id >= ? AND l.target_id < ? ORDER BY l.target_id, l.sha256`,
    );
    this.allStmt = ws.db.prepare(
      `SELECT l.target_kind AS k, l.target_id AS t, l.sha256 AS h ${live}
       AND l.target_kind IN ('response', 'finding') ORDER BY l.target_kind, l.target_id, l.sha256`,
    );
  }

  forTarget(assessmentId: string, kind: 'response' | 'finding', id: string): string[] {
    return this.targetStmt.all(assessmentId, kind, id) as string[];
  }

  /** Evidence per requirement for every answer of one scope, in one query. */
  forScope(assessmentId: string, scope: Scope): Map<string, string[]> {
    const prefix = `${scopeKey(scope)}|`;
    const out = new Map<string, string[]>();
    for (const r of this.rangeStmt.all(assessmentId, prefix, `${prefix.slice(0, -1)}}`) as {
      t: string;
      h: string;
    }[]) {
      const req = r.t.slice(prefix.length);
      const list = out.get(req);
      if (list) list.push(r.h);
      else out.set(req, [r.h]);
    }
    return out;
  }

  /** Every answer and finding link of an assessment, keyed `response|<responseKey>` or `finding|<id>`. */
  all(assessmentId: string): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.allStmt.all(assessmentId) as { k: string; t: string; h: string }[]) {
      const key = `${r.k}|${r.t}`;
      const list = out.get(key);
      if (list) list.push(r.h);
      else out.set(key, [r.h]);
    }
    return out;
  }
}
