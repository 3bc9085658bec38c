import type { ResponseResult, Scope } from './domain';
import type { ChecklistResponse } from './model';
import { maturityAnswer } from './scoring/maturity';

/**
 * The result an organisation answer gets from its maturity, unless the auditor sets one: no
 * maturity (N/A) is not applicable, at or above the target maturity is met, below it but above 0
 * is partially met, 0 (not implemented) is not met.
 */
export function resultForMaturity(maturity: number | null, targetMaturity: number): ResponseResult {
  if (maturity === null) return 'not-applicable';
  if (maturity >= targetMaturity) return 'met';
  return maturity > 0 ? 'partially-met' : 'not-met';
}

/**
 * The answer rules shared by responses.set and import: maturity belongs to the organisation
 * questionnaire, a not-applicable answer has no maturity and always says why, and only a
 * not-applicable answer carries a justification.
 */
export function responseRuleProblem(
  kind: Scope['kind'],
  result: ResponseResult,
  maturity: number | null,
  justification: string,
): { field: 'maturity' | 'justification'; sentence: string } | null {
  if (maturity !== null && kind !== 'organisation')
    return { field: 'maturity', sentence: 'only the organisation questionnaire is rated with a maturity' };
  if (maturity !== null && result === 'not-applicable')
    return { field: 'maturity', sentence: 'a not-applicable answer has no maturity' };
  if (result === 'not-applicable' && justification.trim() === '')
    return {
      field: 'justification',
      sentence: 'a not-applicable answer needs a justification: say why it does not apply',
    };
  if (result !== 'not-applicable' && justification.trim() !== '')
    return { field: 'justification', sentence: 'only a not-applicable answer carries a justification' };
  return null;
}

/** Zone SRs every zone needs (item 1 of issue 13): marking one N/A is allowed but warned about. */
export const BASELINE_ZONE_SRS: readonly string[] = [
  'SR 1.1',
  'SR 2.1',
  'SR 3.2',
  'SR 5.1',
  'SR 5.2',
  'SR 7.3',
  'SR 7.4',
];

/**
 * Whether an item counts as answered for progress (docs/scoring.md): a response that is not
 * not-assessed; in the 2-1 questionnaire, one that is not applicable or carries a maturity.
 */
export function isAnswered(
  kind: Scope['kind'],
  response: Pick<ChecklistResponse, 'result' | 'maturity' | 'justification'> | undefined,
): boolean {
  if (kind === 'organisation') return maturityAnswer(response) !== null;
  return response !== undefined && response.result !== 'not-assessed';
}
