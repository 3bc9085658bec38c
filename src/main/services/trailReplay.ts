import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../core/audit/auditChain';
import { type AnswerField, answerDifferences, replayAnswers } from '../../core/audit/replayAnswers';
import type { JsonValue } from '../../core/canonicalJson';
import type { ResponseRow } from './modelRows';

const show = (v: JsonValue | undefined) => (v === undefined ? 'unknown' : JSON.stringify(v));

function answerTable(
  db: Database.Database,
  assessmentId: string,
): Map<string, Record<AnswerField, JsonValue>> {
  const rows = db
    .prepare('SELECT * FROM response WHERE assessment_id = ?')
    .all(assessmentId) as ResponseRow[];
  return new Map(
    rows.map((r) => [
      `${r.scope_kind === 'organisation' ? 'organisation' : `${r.scope_kind}:${r.scope_id}`}|${r.requirement}`,
      {
        result: r.result,
        maturity: r.maturity,
        comment: r.comment,
        justification: r.justification,
        flagged: r.flagged === 1,
      },
    ]),
  );
}

/**
 * Replays the trail and compares it with the tables: each sentence names something the database holds
 * that the trail does not explain (changed outside Zonewalk), or an event that recorded a change
 * from a value the trail before it does not show (a lost update between two writers).
 */
export function changesOutsideZonewalk(
  db: Database.Database,
  assessmentId: string,
  events: readonly AuditEvent[],
): string[] {
  const replayed = replayAnswers(events);
  const out = replayed.mismatches.map(
    (m) =>
      `event ${m.seq} changed ${m.field} of answer ${m.key} from a value the trail before it does not show`,
  );
  for (const d of answerDifferences(replayed, answerTable(db, assessmentId))) {
    out.push(
      `answer ${d.key}: ${d.field} is ${show(d.table)} in the database, ${show(d.trail)} by the trail`,
    );
  }
  return out;
}
