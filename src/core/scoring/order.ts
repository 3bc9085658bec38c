import type { ScopeKind } from '../domain';
import { severityRank } from './severity';
import type { GapItem, OpenQuestion } from './types';

// Plain code-unit comparison: locale-aware sorting would make exports differ between machines.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareText(a.id, b.id));
}

/** The order of the workspace sidebar: the organisation, then zones, conduits, assets. */
const KIND_ORDER: Record<ScopeKind, number> = { organisation: 0, zone: 1, conduit: 2, asset: 3 };

/**
 * Gaps by severity (critical first), then scope (kind, then id), then requirement in catalog order.
 * `catalogOrder` gives a requirement's position in its catalog.
 */
export function sortGaps(gaps: GapItem[], catalogOrder: (g: GapItem) => number): GapItem[] {
  const keyed = gaps.map((g) => ({
    g,
    severity: severityRank(g.severity),
    kind: KIND_ORDER[g.scope.kind],
    id: g.scope.kind === 'organisation' ? '' : g.scope.id,
    order: catalogOrder(g),
  }));
  keyed.sort(
    (a, b) => a.severity - b.severity || a.kind - b.kind || compareText(a.id, b.id) || a.order - b.order,
  );
  return keyed.map((k) => k.g);
}

/** Open questions by scope (kind, then id), then requirement in catalog order. */
export function sortOpenQuestions(
  questions: OpenQuestion[],
  catalogOrder: (q: OpenQuestion) => number,
): OpenQuestion[] {
  const keyed = questions.map((q) => ({
    q,
    kind: KIND_ORDER[q.scope.kind],
    id: q.scope.kind === 'organisation' ? '' : q.scope.id,
    order: catalogOrder(q),
  }));
  keyed.sort((a, b) => a.kind - b.kind || compareText(a.id, b.id) || a.order - b.order);
  return keyed.map((k) => k.q);
}
