import { type Catalog, isChecklistItem } from '../catalog/types';
import type { Scope } from '../domain';
import type { ChecklistResponse } from '../model';
import { gapId } from './gapId';
import { maturityAnswer, maturityBySpe } from './maturity';
import { maturityGapPoints, severityOfPoints } from './severity';
import type { GapItem, OpenQuestion, OrganisationScore, Progress } from './types';

export interface OrganisationResult {
  score: OrganisationScore;
  gaps: GapItem[];
  open: OpenQuestion[];
  progress: Progress;
}

const ORGANISATION: Scope = { kind: 'organisation' };

/** The 2-1 questionnaire: maturity per SPE, a gap row per rated requirement below the target ML. */
export function scoreOrganisation(
  catalog: Catalog,
  scopeName: string,
  targetMaturity: number,
  responses: ReadonlyMap<string, ChecklistResponse>,
): OrganisationResult {
  const gaps: GapItem[] = [];
  const open: OpenQuestion[] = [];
  let total = 0;
  for (const r of catalog.requirements) {
    if (!isChecklistItem(r)) continue;
    total++;
    const response = responses.get(r.id);
    const answer = maturityAnswer(response);
    const where = {
      scope: ORGANISATION,
      scopeName,
      zoneId: null,
      catalogId: catalog.id,
      requirement: r.id,
      title: r.title,
      fr: r.fr,
    };
    if (answer === null) {
      const reason = !response
        ? 'unanswered'
        : response.result === 'not-applicable'
          ? 'justification-missing'
          : 'not-assessed';
      open.push({ ...where, reason });
      continue;
    }
    if (answer === 'n/a' || answer >= targetMaturity || !response) continue;
    const points = maturityGapPoints(r.impact, answer, targetMaturity);
    gaps.push({
      ...where,
      gapId: gapId(ORGANISATION, r.id),
      scale: 'ML',
      requiredFrom: null,
      target: targetMaturity,
      result: response.result,
      maturity: answer,
      controls: [],
      comment: response.comment,
      evidence: response.evidence,
      points,
      severity: severityOfPoints(points),
    });
  }
  const maturity = maturityBySpe(catalog, responses);
  return {
    score: { targetMaturity, maturity: maturity.low, maturityUpper: maturity.high },
    gaps,
    open,
    progress: { answered: total - open.length, total },
  };
}
