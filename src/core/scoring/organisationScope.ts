import { type Catalog, isChecklistItem } from '../catalog/types';
import type { Scope } from '../domain';
import type { ChecklistResponse } from '../model';
import { gapId } from './gapId';
import { countedMaturity, maturityAnswer, maturityBySpe } from './maturity';
import { maturityGapSeverity } from './severity';
import type { GapItem, OrganisationScore, Progress } from './types';

export interface OrganisationResult {
  score: OrganisationScore;
  gaps: GapItem[];
  progress: Progress;
}

const ORGANISATION: Scope = { kind: 'organisation' };

/** The 2-1 questionnaire: maturity per SPE, a gap per requirement below the target ML, progress. */
export function scoreOrganisation(
  catalog: Catalog,
  scopeName: string,
  targetMaturity: number,
  responses: ReadonlyMap<string, ChecklistResponse>,
): OrganisationResult {
  const gaps: GapItem[] = [];
  let answered = 0;
  let total = 0;
  for (const r of catalog.requirements) {
    if (!isChecklistItem(r)) continue;
    total++;
    const response = responses.get(r.id);
    const answer = maturityAnswer(response);
    if (answer !== null) answered++;
    const maturity = countedMaturity(answer);
    if (maturity === null || maturity >= targetMaturity) continue;
    gaps.push({
      gapId: gapId(ORGANISATION, r.id),
      scope: ORGANISATION,
      scopeName,
      zoneId: null,
      catalogId: catalog.id,
      requirement: r.id,
      title: r.title,
      fr: r.fr,
      requiredFrom: targetMaturity,
      target: targetMaturity,
      result: response?.result ?? 'unanswered',
      maturity: typeof answer === 'number' ? answer : null,
      compensatingControl: response?.compensatingControl ?? '',
      comment: response?.comment ?? '',
      evidence: response?.evidence ?? [],
      severity: maturityGapSeverity(maturity, targetMaturity),
    });
  }
  return {
    score: { targetMaturity, maturity: maturityBySpe(catalog, responses) },
    gaps,
    progress: { answered, total },
  };
}
