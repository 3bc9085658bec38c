import type { Severity } from '../domain';

// The severity of derived gaps (docs/scoring.md, "Severity"). One table per scale, both built on the
// same idea: a shortfall at the foundation of what the target asks for is worse than one at its top.

const ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

function milder(s: Severity): Severity {
  return ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(s) + 1)];
}

/** The results a gap row of a 3-3 or 4-2 checklist can carry. */
export type UnsatisfiedResult = 'partially-met' | 'not-met' | 'not-assessed' | 'unanswered';

/**
 * A requirement that enters at SL `enters` (1..4), in a scope whose SL-T for its FR is `target`
 * (>= enters, or it would not be a gap), and is not satisfied. Failing it caps SL-A at enters - 1,
 * so it alone opens a gap of `target - enters + 1` levels.
 * - critical: a baseline (SL1) requirement not in place where the target is SL2 or more;
 * - high: a baseline requirement not in place at target SL1 (SL-A falls to 0), or a higher
 *   requirement that opens a gap of two levels or more;
 * - medium: a requirement that enters exactly at the target (a one-level gap);
 * - partially met: one step milder than the same requirement not met. Unanswered and not assessed
 *   count as not met: until someone looks, the control cannot be counted on.
 */
export function slGapSeverity(enters: number, target: number, result: UnsatisfiedResult): Severity {
  const opens = target - enters + 1;
  const base: Severity = enters <= 1 ? (target >= 2 ? 'critical' : 'high') : opens >= 2 ? 'high' : 'medium';
  return result === 'partially-met' ? milder(base) : base;
}

/**
 * A 2-1 requirement at maturity `maturity` (0..4; 0 also for unanswered) below the target ML.
 * - critical: nothing in place (ML0) where the target is ML2 or more;
 * - high: nothing in place at target ML1, or two or more levels short;
 * - medium: one level short of ML2 or ML3;
 * - low: one level short of ML4 (Improving): a defined practice that is not yet measured and improved.
 */
export function maturityGapSeverity(maturity: number, target: number): Severity {
  const short = target - maturity;
  if (maturity <= 0) return target >= 2 ? 'critical' : 'high';
  if (short >= 2) return 'high';
  return target >= 4 ? 'low' : 'medium';
}

/** Sort key: critical first. */
export function severityRank(s: Severity): number {
  return ORDER.indexOf(s);
}
