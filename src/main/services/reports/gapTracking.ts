import type { FindingStatus } from '../../../core/domain';
import type { Workspace } from '../../workspace';
import type { GapTracking } from './reportInput';

interface Row {
  gap_id: string;
  owner: string;
  due: string | null;
  status: FindingStatus;
  recommendation: string;
}

export interface GapTrackingChange {
  gapId: string;
  before: GapTracking;
  after: GapTracking;
}

/** Owner, due date, status and recommendation per derived gap (table gap_tracking, migration 0006). */
export class GapTrackingService {
  constructor(private readonly ws: Workspace) {}

  all(assessmentId: string): Map<string, GapTracking> {
    const rows = this.ws.db
      .prepare('SELECT gap_id, owner, due, status, recommendation FROM gap_tracking WHERE assessment_id = ?')
      .all(assessmentId) as Row[];
    return new Map(
      rows.map((r) => [
        r.gap_id,
        { owner: r.owner, due: r.due, status: r.status, recommendation: r.recommendation },
      ]),
    );
  }

  /**
   * Applies changes, each with its own audit event, plus one event for the batch, all in a single
   * durable transaction: an import is either wholly in the trail and the table, or not at all.
   */
  apply(
    assessmentId: string,
    changes: GapTrackingChange[],
    batch: { action: string; data: Record<string, string | number> },
  ): void {
    const upsert = this.ws.db.prepare(
      `INSERT INTO gap_tracking (assessment_id, gap_id, owner, due, status, recommendation, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (assessment_id, gap_id) DO UPDATE SET owner = excluded.owner, due = excluded.due,
         status = excluded.status, recommendation = excluded.recommendation, updated_at = excluded.updated_at`,
    );
    this.ws.write(() => {
      for (const c of changes) {
        const diff: Record<string, { from: string | null; to: string | null }> = {};
        for (const k of ['owner', 'due', 'status', 'recommendation'] as const)
          if (c.before[k] !== c.after[k]) diff[k] = { from: c.before[k], to: c.after[k] };
        this.ws.change(
          assessmentId,
          { action: 'gap.tracked', entity: 'gap', entityId: c.gapId, data: diff },
          (at) => {
            const a = c.after;
            upsert.run(assessmentId, c.gapId, a.owner, a.due, a.status, a.recommendation, at);
          },
        );
      }
      this.ws.change(
        assessmentId,
        { action: batch.action, entity: 'assessment', entityId: assessmentId, data: batch.data },
        () => {},
      );
    });
  }
}
