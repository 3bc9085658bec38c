import { describe, expect, it } from 'vitest';
import type { RequirementImpact } from '../../../src/core/catalog/types';
import {
  impactPoints,
  maturityGapPoints,
  severityOfPoints,
  severityRank,
  slGapPoints,
} from '../../../src/core/scoring/severity';

// domain.md "Severity", written out by hand.

describe('severity points of an SL row', () => {
  const cases: [RequirementImpact | undefined, number, 'not-met' | 'partially-met', number][] = [
    ['high', 1, 'not-met', 4],
    ['high', 2, 'not-met', 3],
    ['high', 1, 'partially-met', 3],
    ['high', 3, 'partially-met', 2],
    ['medium', 1, 'not-met', 3],
    ['medium', 4, 'not-met', 2],
    ['medium', 2, 'partially-met', 1],
    ['low', 1, 'not-met', 2],
    ['low', 2, 'not-met', 1],
    ['low', 3, 'partially-met', 0],
    [undefined, 1, 'not-met', 3],
  ];
  it.each(cases)('impact %s at level %i answered %s: %i points', (impact, level, result, points) => {
    expect(slGapPoints(impact, level, result)).toBe(points);
  });

  it('an item without an impact tag counts as medium', () => {
    expect(impactPoints(undefined)).toBe(impactPoints('medium'));
  });
});

describe('severity points of a 2-1 row', () => {
  it.each([
    ['high', 2, 3, 3],
    ['high', 0, 3, 5],
    ['medium', 1, 3, 3],
    ['low', 3, 4, 1],
    ['low', 0, 4, 4],
  ] as const)('impact %s at ML%i for target ML%i: %i points', (impact, maturity, target, points) => {
    expect(maturityGapPoints(impact, maturity, target)).toBe(points);
  });
});

describe('severityOfPoints', () => {
  it('Critical >= 4, High 3, Medium 2, Low <= 1', () => {
    expect([6, 5, 4, 3, 2, 1, 0, -1].map(severityOfPoints)).toEqual([
      'critical',
      'critical',
      'critical',
      'high',
      'medium',
      'low',
      'low',
      'low',
    ]);
  });

  it('ranks critical first', () => {
    expect(['low', 'critical', 'medium', 'high'].map((s) => severityRank(s as never))).toEqual([3, 0, 2, 1]);
  });
});
