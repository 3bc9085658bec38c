import type { ChecklistResponse } from '../../../../core/model';
import type { ChecklistItem } from '../../../../shared/contract/checklists';

// Pure list logic of the checklist split view: what is shown, in which groups, and how far along.

export interface ChecklistFilters {
  unanswered: boolean;
  gaps: boolean;
  flagged: boolean;
  search: string;
}

export const NO_FILTERS: ChecklistFilters = { unanswered: false, gaps: false, flagged: false, search: '' };

export type Responses = ReadonlyMap<string, ChecklistResponse>;

/** Maturity-rated (2-1) or result-rated (3-3, 4-2). */
export type Rating = { kind: 'result' } | { kind: 'maturity'; target: number };

export type Row =
  | { type: 'group'; group: string; total: number; answered: number }
  | { type: 'item'; index: number };

export function isAnswered(r: ChecklistResponse | undefined, rating: Rating): boolean {
  if (!r) return false;
  if (rating.kind === 'maturity')
    return r.result === 'not-applicable' || (r.maturity !== null && r.result !== 'not-assessed');
  return r.result !== 'not-assessed';
}

/** Answered, and what was found falls short (a result gap or a maturity below target). */
export function isGap(r: ChecklistResponse | undefined, rating: Rating): boolean {
  if (!r || !isAnswered(r, rating)) return false;
  if (rating.kind === 'maturity') return r.result !== 'not-applicable' && (r.maturity ?? 0) < rating.target;
  return r.result === 'partially-met' || r.result === 'not-met';
}

/** Selected filters widen each other (unanswered OR gaps OR flagged); search narrows. */
export function matches(
  item: ChecklistItem,
  response: ChecklistResponse | undefined,
  filters: ChecklistFilters,
  rating: Rating,
): boolean {
  const q = filters.search.trim().toLowerCase();
  if (q && !`${item.requirement.id} ${item.requirement.title}`.toLowerCase().includes(q)) return false;
  if (!filters.unanswered && !filters.gaps && !filters.flagged) return true;
  return (
    (filters.unanswered && !isAnswered(response, rating)) ||
    (filters.gaps && isGap(response, rating)) ||
    (filters.flagged && Boolean(response?.flagged))
  );
}

/** Group headers (by FR, or SPE for 2-1) followed by their matching items, in catalog order. */
export function buildRows(
  items: readonly ChecklistItem[],
  responses: Responses,
  filters: ChecklistFilters,
  rating: Rating,
): { rows: Row[]; visible: number[] } {
  const groups = new Map<string, number[]>();
  const counts = new Map<string, { total: number; answered: number }>();
  items.forEach((item, index) => {
    const g = item.requirement.fr;
    const response = responses.get(item.requirement.id);
    const c = counts.get(g) ?? { total: 0, answered: 0 };
    c.total++;
    if (isAnswered(response, rating)) c.answered++;
    counts.set(g, c);
    if (!matches(item, response, filters, rating)) return;
    const list = groups.get(g);
    if (list) list.push(index);
    else groups.set(g, [index]);
  });
  const rows: Row[] = [];
  const visible: number[] = [];
  for (const [group, indices] of groups) {
    const c = counts.get(group) ?? { total: 0, answered: 0 };
    rows.push({ type: 'group', group, total: c.total, answered: c.answered });
    for (const index of indices) {
      rows.push({ type: 'item', index });
      visible.push(index);
    }
  }
  return { rows, visible };
}

/** Progress of the scope: only items required at the target count, as on the dashboard. */
export function checklistProgress(
  items: readonly ChecklistItem[],
  responses: Responses,
  rating: Rating,
): { answered: number; total: number } {
  let answered = 0;
  let total = 0;
  for (const item of items) {
    if (!item.atTarget) continue;
    total++;
    if (isAnswered(responses.get(item.requirement.id), rating)) answered++;
  }
  return { answered, total };
}

/** The item after (or before) `current` among the visible ones; stays put at either end. */
export function step(visible: readonly number[], current: number, delta: 1 | -1): number {
  if (visible.length === 0) return current;
  const at = visible.indexOf(current);
  if (at < 0) {
    // The current item was filtered away: take the first visible one after it (or before it).
    const next =
      delta > 0 ? visible.find((i) => i > current) : [...visible].reverse().find((i) => i < current);
    return next ?? (delta > 0 ? visible[visible.length - 1] : visible[0]);
  }
  return visible[Math.min(visible.length - 1, Math.max(0, at + delta))];
}
