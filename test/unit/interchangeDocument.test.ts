import { describe, expect, it } from 'vitest';
import { responseRuleProblem, resultForMaturity } from '../../src/core/answers';
import { compareRequirementIds, compareScopes } from '../../src/core/interchange/document';

describe('canonical ordering', () => {
  it('orders requirement ids with numbers as numbers', () => {
    const ids = [
      'SR 1.10',
      'SR 1.2',
      'SR 1.1 RE 1',
      'SR 1.1',
      'SR 2.1',
      'CR 1.1',
      'SR 1.1 RE 10',
      'SR 1.1 RE 2',
    ];
    expect([...ids].sort(compareRequirementIds)).toEqual([
      'CR 1.1',
      'SR 1.1',
      'SR 1.1 RE 1',
      'SR 1.1 RE 2',
      'SR 1.1 RE 10',
      'SR 1.2',
      'SR 1.10',
      'SR 2.1',
    ]);
  });
  it('orders scopes organisation, zones, conduits, assets, then by id', () => {
    const scopes = [
      { kind: 'asset', id: 'a' },
      { kind: 'zone', id: 'b' },
      { kind: 'organisation' },
      { kind: 'conduit', id: 'a' },
      { kind: 'zone', id: 'a' },
    ] as const;
    expect([...scopes].sort(compareScopes)).toEqual([
      { kind: 'organisation' },
      { kind: 'zone', id: 'a' },
      { kind: 'zone', id: 'b' },
      { kind: 'conduit', id: 'a' },
      { kind: 'asset', id: 'a' },
    ]);
  });
});

describe('answer rules', () => {
  it('derives the 2-1 result from maturity and target', () => {
    expect(resultForMaturity(null, 3)).toBe('not-applicable');
    expect(resultForMaturity(3, 3)).toBe('met');
    expect(resultForMaturity(4, 3)).toBe('met');
    expect(resultForMaturity(2, 3)).toBe('partially-met');
    expect(resultForMaturity(1, 1)).toBe('met');
    expect(resultForMaturity(0, 1)).toBe('not-met');
  });
  it('keeps maturity to the questionnaire and a justification to (and on every) N/A answer', () => {
    expect(responseRuleProblem('zone', 'met', 2, '')?.field).toBe('maturity');
    expect(responseRuleProblem('organisation', 'not-applicable', 2, 'x')?.field).toBe('maturity');
    expect(responseRuleProblem('asset', 'not-met', null, 'x')?.field).toBe('justification');
    expect(responseRuleProblem('asset', 'not-applicable', null, ' ')?.field).toBe('justification');
    expect(responseRuleProblem('asset', 'not-applicable', null, 'No keypad')).toBeNull();
    expect(responseRuleProblem('organisation', 'partially-met', 2, '')).toBeNull();
  });
});
