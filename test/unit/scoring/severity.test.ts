import { describe, expect, it } from 'vitest';
import type { Severity } from '../../../src/core/domain';
import {
  maturityGapSeverity,
  severityRank,
  slGapSeverity,
  type UnsatisfiedResult,
} from '../../../src/core/scoring/severity';

// The tables of docs/scoring.md, written out by hand: every (enters, target) pair that can be a gap.
// Rows: the level at which the requirement enters; columns: the scope's SL-T for its FR (1..4).
const C = 'critical';
const H = 'high';
const M = 'medium';
const L = 'low';
const _ = null;

const NOT_MET: (Severity | null)[][] = [
  /* enters 1 */ [H, C, C, C],
  /* enters 2 */ [_, M, H, H],
  /* enters 3 */ [_, _, M, H],
  /* enters 4 */ [_, _, _, M],
];
const PARTIALLY_MET: (Severity | null)[][] = [
  /* enters 1 */ [M, H, H, H],
  /* enters 2 */ [_, L, M, M],
  /* enters 3 */ [_, _, L, M],
  /* enters 4 */ [_, _, _, L],
];
// Rows: the maturity found (0..3, 0 also for unanswered); columns: the target ML (1..4).
const MATURITY: (Severity | null)[][] = [
  /* ML0 */ [H, C, C, C],
  /* ML1 */ [_, M, H, H],
  /* ML2 */ [_, _, M, H],
  /* ML3 */ [_, _, _, L],
];

describe('slGapSeverity', () => {
  const cases: [number, number, UnsatisfiedResult, Severity][] = [];
  for (let enters = 1; enters <= 4; enters++)
    for (let target = enters; target <= 4; target++)
      for (const result of ['not-met', 'unanswered', 'not-assessed', 'partially-met'] as const) {
        const table = result === 'partially-met' ? PARTIALLY_MET : NOT_MET;
        cases.push([enters, target, result, table[enters - 1][target - 1]!]);
      }

  it('covers all 10 level pairs for each of the 4 unsatisfied results', () => {
    expect(cases).toHaveLength(40);
  });

  it.each(cases)('enters at SL%i, target SL%i, %s: %s', (enters, target, result, expected) => {
    expect(slGapSeverity(enters, target, result)).toBe(expected);
  });

  it('is never milder for not met than for partially met, and never milder for a lower entry level', () => {
    for (let target = 1; target <= 4; target++)
      for (let enters = 1; enters <= target; enters++) {
        const notMet = severityRank(slGapSeverity(enters, target, 'not-met'));
        expect(notMet).toBeLessThan(severityRank(slGapSeverity(enters, target, 'partially-met')));
        if (enters > 1)
          expect(severityRank(slGapSeverity(enters - 1, target, 'not-met'))).toBeLessThanOrEqual(notMet);
      }
  });
});

describe('maturityGapSeverity', () => {
  const cases: [number, number, Severity][] = [];
  for (let maturity = 0; maturity <= 3; maturity++)
    for (let target = maturity + 1; target <= 4; target++)
      cases.push([maturity, target, MATURITY[maturity][target - 1]!]);

  it('covers all 10 (maturity, target) pairs below target', () => {
    expect(cases).toHaveLength(10);
  });

  it.each(cases)('ML%i against target ML%i: %s', (maturity, target, expected) => {
    expect(maturityGapSeverity(maturity, target)).toBe(expected);
  });
});

describe('severityRank', () => {
  it('orders critical first', () => {
    expect((['low', 'critical', 'medium', 'high'] as const).map(severityRank)).toEqual([3, 0, 2, 1]);
  });
});
