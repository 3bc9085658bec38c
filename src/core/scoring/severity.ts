import type { RequirementImpact } from '../catalog/types';
import type { Severity } from '../domain';

// The severity of a gap row, from points (domain.md "Severity", docs/scoring.md). Two of the rule's
// terms wait for data the model does not hold yet: "exposed" needs zone types (enterprise, external,
// remote access) and "drives a scenario" needs risk scenarios; until then they add nothing.

const ORDER: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

const IMPACT_POINTS: Record<RequirementImpact, number> = { high: 3, medium: 2, low: 1 };

/** A catalog item without an impact tag (an overlay or an older catalog) counts as medium. */
export function impactPoints(impact: RequirementImpact | undefined): number {
  return IMPACT_POINTS[impact ?? 'medium'];
}

/**
 * An SL row: the impact, +1 when the item enters at level 1 (for 4-2 items their zone level: a
 * baseline control is missing), -1 when partially met. A broken control changes nothing.
 */
export function slGapPoints(
  impact: RequirementImpact | undefined,
  level: number,
  result: 'partially-met' | 'not-met',
): number {
  return impactPoints(impact) + (level === 1 ? 1 : 0) - (result === 'partially-met' ? 1 : 0);
}

/** A 2-1 row: the impact plus one per maturity level short beyond the first. */
export function maturityGapPoints(
  impact: RequirementImpact | undefined,
  maturity: number,
  target: number,
): number {
  return impactPoints(impact) + Math.max(0, target - maturity - 1);
}

/** Critical >= 4, High 3, Medium 2, Low <= 1. */
export function severityOfPoints(points: number): Severity {
  return points >= 4 ? 'critical' : points === 3 ? 'high' : points === 2 ? 'medium' : 'low';
}

/** Sort key: critical first. */
export function severityRank(s: Severity): number {
  return ORDER.indexOf(s);
}
