import { isRequiredAt } from '../catalog/applicability';
import { type CatalogRequirement, requiredFrom } from '../catalog/types';
import type { Fr, Scope, SlVector } from '../domain';
import type { ChecklistResponse } from '../model';
import { gapId } from './gapId';
import { slGapSeverity } from './severity';
import { computeSlAchieved, isSatisfied } from './slAchieved';
import type { GapItem, Progress } from './types';

export interface SlScopeInput {
  scope: Scope;
  scopeName: string;
  zoneId: string | null;
  catalogId: string;
  slTarget: SlVector;
  /** Every requirement of the scope's checklist, at and above its target. */
  requirements: readonly CatalogRequirement[];
  responses: ReadonlyMap<string, ChecklistResponse>;
}

export interface SlScopeResult {
  slAchieved: SlVector;
  gaps: GapItem[];
  progress: Progress;
}

/**
 * One zone, conduit or asset against its 3-3 or 4-2 checklist. Progress and gaps count only the
 * requirements that apply at SL-T: answering above the target can raise SL-A but is never owed.
 */
export function scoreSlScope(input: SlScopeInput): SlScopeResult {
  const { scope, slTarget, responses } = input;
  const gaps: GapItem[] = [];
  let answered = 0;
  let total = 0;
  for (const r of input.requirements) {
    if (!isRequiredAt(r, slTarget)) continue;
    total++;
    const response = responses.get(r.id);
    if (response && response.result !== 'not-assessed') answered++;
    const result = response?.result ?? 'unanswered';
    if (isSatisfied(result)) continue;
    const enters = requiredFrom(r);
    const target = slTarget[r.fr as Fr];
    gaps.push({
      gapId: gapId(scope, r.id),
      scope,
      scopeName: input.scopeName,
      zoneId: input.zoneId,
      catalogId: input.catalogId,
      requirement: r.id,
      title: r.title,
      fr: r.fr,
      requiredFrom: enters,
      target,
      result,
      maturity: response?.maturity ?? null,
      compensatingControl: response?.compensatingControl ?? '',
      comment: response?.comment ?? '',
      evidence: response?.evidence ?? [],
      severity: slGapSeverity(enters, target, result),
    });
  }
  return {
    slAchieved: computeSlAchieved(input.requirements, responses),
    gaps,
    progress: { answered, total },
  };
}
