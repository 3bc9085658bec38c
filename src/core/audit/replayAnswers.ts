import type { JsonValue } from '../canonicalJson';
import type { AuditEvent } from './auditChain';
import { asObject, isChange } from './history/eventData';

// Rebuilds the checklist answers from the trail, to compare with the response table: an answer the
// trail does not explain was changed outside Zonewalk (or by a lost update between two writers).

export const ANSWER_FIELDS = ['result', 'maturity', 'comment', 'justification', 'flagged'] as const;
export type AnswerField = (typeof ANSWER_FIELDS)[number];
export type AnswerValues = Partial<Record<AnswerField, JsonValue>>;

const UNANSWERED: Record<AnswerField, JsonValue> = {
  result: null,
  maturity: null,
  comment: '',
  justification: '',
  flagged: false,
};

// Events that bring in answers without listing them (a whole document, a merged package): after
// one, only what later events set is known.
const BULK = new Set(['assessment.imported', 'package.merged']);
// Deleting a scope deletes its answers.
const SCOPE_DELETED: Record<string, string> = {
  'zone.deleted': 'zone',
  'conduit.deleted': 'conduit',
  'asset.deleted': 'asset',
};

export interface ReplayedAnswers {
  /** responseKey -> the fields the trail sets (all of them unless `fromSeq` > 0); null = no answer. */
  answers: Map<string, AnswerValues | null>;
  /** After a bulk event, answers the trail never mentions are unknown, not absent. */
  complete: boolean;
  /** Events whose `from` does not match what the trail before them says (a lost update). */
  mismatches: { seq: number; key: string; field: string }[];
}

const same = (a: JsonValue | undefined, b: JsonValue | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function replayAnswers(events: readonly Pick<AuditEvent, 'seq' | 'action' | 'entityId' | 'data'>[]) {
  const answers = new Map<string, AnswerValues | null>();
  const mismatches: ReplayedAnswers['mismatches'] = [];
  let complete = true;
  for (const e of events) {
    if (BULK.has(e.action)) {
      answers.clear();
      complete = false;
    } else if (e.action === 'response.set') {
      const before = answers.get(e.entityId) ?? (complete ? { ...UNANSWERED } : {});
      const next: AnswerValues = { ...before };
      const data = asObject(e.data) ?? {};
      for (const f of ANSWER_FIELDS) {
        const c = data[f];
        if (!isChange(c)) continue;
        if (f in before && !same(before[f], c.from))
          mismatches.push({ seq: e.seq, key: e.entityId, field: f });
        next[f] = c.to;
      }
      answers.set(e.entityId, next);
    } else if (e.action === 'response.cleared') {
      answers.set(e.entityId, null);
    } else if (e.action in SCOPE_DELETED || e.action === 'asset.updated') {
      const prefix = `${SCOPE_DELETED[e.action] ?? 'asset'}:${e.entityId}|`;
      const removed = asObject(e.data)?.removedResponses;
      const only = e.action === 'asset.updated' ? new Set(Array.isArray(removed) ? removed : []) : undefined;
      for (const key of [...answers.keys()]) {
        if (key.startsWith(prefix) && (!only || only.has(key.slice(prefix.length)))) answers.set(key, null);
      }
      if (!only && !complete) {
        // An imported answer of this scope is gone too, though the trail never named it.
        for (const key of answers.keys()) if (key.startsWith(prefix)) answers.set(key, null);
      }
    }
  }
  return { answers, complete, mismatches } satisfies ReplayedAnswers;
}

/** Where the table differs from the replay: keys of answers changed outside Zonewalk. */
export function answerDifferences(
  replayed: ReplayedAnswers,
  table: ReadonlyMap<string, Record<AnswerField, JsonValue>>,
): { key: string; field: string; trail: JsonValue | undefined; table: JsonValue | undefined }[] {
  const out: ReturnType<typeof answerDifferences> = [];
  for (const [key, values] of replayed.answers) {
    const row = table.get(key);
    if (values === null) {
      if (row) out.push({ key, field: 'answer', trail: null, table: row.result });
      continue;
    }
    if (!row) {
      out.push({ key, field: 'answer', trail: values.result ?? 'answered', table: null });
      continue;
    }
    for (const f of ANSWER_FIELDS) {
      if (f in values && !same(values[f], row[f]))
        out.push({ key, field: f, trail: values[f], table: row[f] });
    }
  }
  if (replayed.complete) {
    for (const [key, row] of table) {
      if (!replayed.answers.has(key)) out.push({ key, field: 'answer', trail: null, table: row.result });
    }
  }
  return out;
}
