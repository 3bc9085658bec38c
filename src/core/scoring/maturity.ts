import type { Catalog } from '../catalog/types';
import { isChecklistItem } from '../catalog/types';
import { SPES, type Spe } from '../domain';
import type { ChecklistResponse } from '../model';

/** What a 2-1 answer counts as: a maturity 0..4, 'n/a' (excluded), or null (not answered yet). */
export type MaturityAnswer = number | 'n/a' | null;

/**
 * The 2-1 questionnaire is answered with a maturity level or not applicable. A response counts as
 * answered when its result is `not-applicable`, or when it carries a maturity and its result is not
 * `not-assessed` (the auditor parked the question).
 */
export function maturityAnswer(
  response: Pick<ChecklistResponse, 'result' | 'maturity'> | undefined,
): MaturityAnswer {
  if (!response) return null;
  if (response.result === 'not-applicable') return 'n/a';
  if (response.result === 'not-assessed' || response.maturity === null) return null;
  return response.maturity;
}

/** For scoring, an unanswered requirement is not implemented until shown otherwise. */
export function countedMaturity(answer: MaturityAnswer): number | null {
  return answer === 'n/a' ? null : (answer ?? 0);
}

/**
 * Maturity per SPE = the lowest of its requirements; unanswered or not assessed counts as 0,
 * not applicable is left out, and an SPE whose requirements are all not applicable (or that has
 * none) is null.
 */
export function maturityBySpe(
  catalog: Catalog,
  responsesByRequirement: ReadonlyMap<string, Pick<ChecklistResponse, 'result' | 'maturity'>>,
): Record<Spe, number | null> {
  const out = Object.fromEntries(SPES.map((s) => [s, null])) as Record<Spe, number | null>;
  for (const r of catalog.requirements) {
    if (!isChecklistItem(r) || !(r.fr in out)) continue;
    const m = countedMaturity(maturityAnswer(responsesByRequirement.get(r.id)));
    if (m === null) continue;
    const spe = r.fr as Spe;
    const current = out[spe];
    out[spe] = current === null ? m : Math.min(current, m);
  }
  return out;
}
