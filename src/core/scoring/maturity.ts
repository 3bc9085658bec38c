import type { Catalog } from '../catalog/types';
import { isChecklistItem } from '../catalog/types';
import { SPES, type Spe } from '../domain';
import type { ChecklistResponse } from '../model';

/** What a 2-1 answer counts as: a maturity 0..4, 'n/a' (excluded), or null (not rated yet: open). */
export type MaturityAnswer = number | 'n/a' | null;

/**
 * The 2-1 questionnaire is answered with a maturity level, or not applicable with a justification.
 * Parked (`not-assessed`), without a maturity, or N/A without its reason: not rated, an open question.
 */
export function maturityAnswer(
  response: Pick<ChecklistResponse, 'result' | 'maturity' | 'justification'> | undefined,
): MaturityAnswer {
  if (!response) return null;
  if (response.result === 'not-applicable') return response.justification.trim() ? 'n/a' : null;
  if (response.result === 'not-assessed' || response.maturity === null) return null;
  return response.maturity;
}

export interface SpeMaturity {
  /** 0 while a requirement is unrated, else the lowest rated; null when all are N/A. */
  low: Record<Spe, number | null>;
  /** The lowest over the rated requirements (4 when none is rated yet); null when all are N/A. */
  high: Record<Spe, number | null>;
}

/**
 * Maturity per SPE (domain.md "2-1 maturity"): the lowest over its rated, non-N/A requirements;
 * with unrated ones the range [0, that value]; all N/A (or no requirements) gives null.
 */
export function maturityBySpe(
  catalog: Catalog,
  responsesByRequirement: ReadonlyMap<
    string,
    Pick<ChecklistResponse, 'result' | 'maturity' | 'justification'>
  >,
): SpeMaturity {
  const empty = () => Object.fromEntries(SPES.map((s) => [s, null])) as Record<Spe, number | null>;
  const low = empty();
  const high = empty();
  const unrated = new Set<Spe>();
  for (const r of catalog.requirements) {
    if (!isChecklistItem(r) || !(r.fr in low)) continue;
    const spe = r.fr as Spe;
    const answer = maturityAnswer(responsesByRequirement.get(r.id));
    if (answer === 'n/a') continue;
    if (answer === null) {
      unrated.add(spe);
      high[spe] = high[spe] ?? 4;
      continue;
    }
    high[spe] = Math.min(high[spe] ?? 4, answer);
  }
  for (const spe of SPES) low[spe] = high[spe] === null ? null : unrated.has(spe) ? 0 : high[spe];
  return { low, high };
}
