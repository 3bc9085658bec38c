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
 * questionnaire, a not-applicable answer has no maturity, and only a met answer names a
 * compensating control.
 */
export function responseRuleProblem(
  kind: Scope['kind'],
  result: ResponseResult,
  maturity: number | null,
  compensatingControl: string,
): { field: 'maturity' | 'compensatingControl'; sentence: string } | null {
  if (maturity !== null && kind !== 'organisation')
    return { field: 'maturity', sentence: 'only the organisation questionnaire is rated with a maturity' };
  if (maturity !== null && result === 'not-applicable')
    return { field: 'maturity', sentence: 'a not-applicable answer has no maturity' };
  if (compensatingControl.trim() !== '' && result !== 'met')
    return { field: 'compensatingControl', sentence: 'only a met answer can name a compensating control' };
  return null;
}

/**
 * Whether an item counts as answered for progress (docs/scoring.md): a response that is not
 * not-assessed; in the 2-1 questionnaire, one that is not applicable or carries a maturity.
 */
export function isAnswered(
  kind: Scope['kind'],
  response: Pick<ChecklistResponse, 'result' | 'maturity'> | undefined,
): boolean {
  if (kind === 'organisation') return maturityAnswer(response) !== null;
  return response !== undefined && response.result !== 'not-assessed';
}
