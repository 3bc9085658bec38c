import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../../src/core/catalog/applicability';
import type { CatalogRequirement } from '../../../src/core/catalog/types';
import {
  COMPONENT_TYPES,
  FRS,
  RESULTS,
  type ResponseResult,
  type SlVector,
  uniformSl,
} from '../../../src/core/domain';
import type { ChecklistResponse } from '../../../src/core/model';
import { indexControls } from '../../../src/core/scoring/controls';
import { minSl, slGap } from '../../../src/core/scoring/level';
import { isNativelySatisfied, scoreSlScope } from '../../../src/core/scoring/slScope';
import { answer, realCatalogs, req } from './fixtures';

type Answers = Map<string, ChecklistResponse>;
const ZONE = { kind: 'zone', id: 'z1' } as const;
const answers = (entries: [string, ResponseResult][]): Answers =>
  new Map(entries.map(([id, result]) => [id, answer(ZONE, id, result)]));

/** SL-A of one zone at SL-T 4 (every item applicable), no compensating controls. */
function computeSlAchieved(requirements: readonly CatalogRequirement[], responses: Answers): SlVector {
  return scoreSlScope({
    scope: ZONE,
    scopeName: 'Zone',
    zoneId: 'z1',
    catalogId: 'test',
    slTarget: uniformSl(4),
    requirements,
    responses,
    controls: indexControls([], () => undefined, '2026-01-01'),
  }).slAchieved;
}

/** Per FR: one requirement entering at each level 1..4, and an enhancement entering at 3. */
const LADDER = FRS.flatMap((fr) => [
  req(`${fr}-1`, fr, 1),
  req(`${fr}-2`, fr, 2),
  req(`${fr}-3`, fr, 3),
  req(`${fr}-3e`, fr, 3, { kind: 'RE', parent: `${fr}-1` }),
  req(`${fr}-4`, fr, 4),
]);
const level = (id: string) => Number(id.split('-')[1][0]);

describe('isNativelySatisfied', () => {
  it('is true for met and not applicable with a justification only', () => {
    expect(RESULTS.filter((r) => isNativelySatisfied(answer(ZONE, 'x', r)))).toEqual([
      'met',
      'not-applicable',
    ]);
    expect(isNativelySatisfied(undefined)).toBe(false);
    expect(isNativelySatisfied(answer(ZONE, 'x', 'not-applicable', { justification: ' ' }))).toBe(false);
  });
});

describe('computeSlAchieved', () => {
  it.each(FRS.flatMap((fr) => [0, 1, 2, 3, 4].map((l) => [fr, l] as const)))(
    '%s reaches SL%i when everything up to that level is met and the next level is not',
    (fr, l) => {
      const given = answers(
        LADDER.map(
          (r) => [r.id, r.fr !== fr || level(r.id) <= l ? 'met' : 'not-met'] as [string, ResponseResult],
        ),
      );
      expect(computeSlAchieved(LADDER, given)).toEqual({ ...uniformSl(4), [fr]: l });
    },
  );

  it('gives SL-A 1 when all SL1 requirements are met and one SL2 requirement is not', () => {
    const given = answers(LADDER.map((r) => [r.id, r.id === 'FR3-2' ? 'not-met' : 'met']));
    expect(computeSlAchieved(LADDER, given).FR3).toBe(1);
  });

  it('caps at the lowest failing level even when higher levels are met', () => {
    const given = answers(LADDER.map((r) => [r.id, r.id === 'FR1-3e' ? 'partially-met' : 'met']));
    expect(computeSlAchieved(LADDER, given).FR1).toBe(2);
  });

  it.each([
    ['met', 4],
    ['not-applicable', 4],
    ['partially-met', 0],
    ['not-met', 0],
    ['not-assessed', 0],
  ] as const)('a baseline requirement answered %s gives SL-A %i', (result, expected) => {
    const given = answers(LADDER.map((r) => [r.id, r.id === 'FR2-1' ? result : 'met']));
    expect(computeSlAchieved(LADDER, given).FR2).toBe(expected);
  });

  it('does not count an N/A without its justification', () => {
    const given = answers(LADDER.map((r) => [r.id, 'met']));
    given.set('FR4-2', answer(ZONE, 'FR4-2', 'not-applicable', { justification: '' }));
    expect(computeSlAchieved(LADDER, given)).toEqual({ ...uniformSl(4), FR4: 1 });
  });

  it('treats a requirement with no response as not satisfied', () => {
    expect(computeSlAchieved(LADDER, new Map())).toEqual(uniformSl(0));
    const given = answers(LADDER.filter((r) => r.id !== 'FR7-2').map((r) => [r.id, 'met']));
    expect(computeSlAchieved(LADDER, given)).toEqual({ ...uniformSl(4), FR7: 1 });
  });

  it('reaches levels at which no requirement enters once the levels below are reached', () => {
    // FR1 has nothing at SL2 and SL4; FR2 has no requirement at all; FR3 has nothing at SL1
    const reqs = [req('a1', 'FR1', 1), req('a3', 'FR1', 3), req('c2', 'FR3', 2)];
    expect(computeSlAchieved(reqs, answers([['a1', 'met']]))).toMatchObject({ FR1: 2, FR2: 4, FR3: 1 });
    expect(
      computeSlAchieved(
        reqs,
        answers([
          ['a1', 'met'],
          ['a3', 'met'],
          ['c2', 'met'],
        ]),
      ),
    ).toMatchObject({
      FR1: 4,
      FR3: 4,
    });
  });

  it('ignores requirements never required at any level and unknown FRs', () => {
    const reqs = [req('x', 'FR1', 0), req('y', 'ORG', 1)];
    expect(computeSlAchieved(reqs, new Map())).toEqual(uniformSl(4));
  });

  it('ignores answers to requirements outside the list', () => {
    const given = answers([
      ...LADDER.map((r): [string, ResponseResult] => [r.id, 'met']),
      ['other', 'not-met'],
    ]);
    expect(computeSlAchieved(LADDER, given)).toEqual(uniformSl(4));
  });
});

describe('minSl and slGap', () => {
  const a: SlVector = { FR1: 0, FR2: 1, FR3: 2, FR4: 3, FR5: 4, FR6: 2, FR7: 1 };
  const b: SlVector = { FR1: 4, FR2: 0, FR3: 2, FR4: 1, FR5: 4, FR6: 3, FR7: 0 };
  it('takes the per-FR minimum', () => {
    expect(minSl(a, b)).toEqual({ FR1: 0, FR2: 0, FR3: 2, FR4: 1, FR5: 4, FR6: 2, FR7: 0 });
  });
  it('gap is max(0, target - achieved) for every pair of levels', () => {
    for (const t of [0, 1, 2, 3, 4] as const)
      for (const x of [0, 1, 2, 3, 4] as const)
        expect(slGap(uniformSl(t), uniformSl(x))).toEqual(uniformSl(Math.max(0, t - x) as 0 | 1 | 2 | 3 | 4));
  });
});

describe('with the shipped catalogs', () => {
  const { '3-3': c33, '4-2': c42 } = realCatalogs();
  const system = applicableRequirements(c33, { kind: 'zone' }, null, { aboveTarget: true });

  it('every FR has a requirement entering at SL1 for zones and every component type, so nothing answered is SL-A 0', () => {
    expect(computeSlAchieved(system, new Map())).toEqual(uniformSl(0));
    for (const componentType of COMPONENT_TYPES) {
      const reqs = applicableRequirements(c42, { kind: 'asset', componentType }, null, { aboveTarget: true });
      expect(computeSlAchieved(reqs, new Map())).toEqual(uniformSl(0));
    }
  });

  it('a zone with every 3-3 requirement met reaches SL4; SR 1.1 RE 1 not met caps FR1 at 1', () => {
    const all = answers(system.map((r) => [r.id, 'met']));
    expect(computeSlAchieved(system, all)).toEqual(uniformSl(4));
    all.set('SR 1.1 RE 1', answer(ZONE, 'SR 1.1 RE 1', 'not-met'));
    expect(computeSlAchieved(system, all)).toEqual({ ...uniformSl(4), FR1: 1 });
  });

  it('an embedded device meeting CR 5.1 reaches SL4 in FR5: no component requirement enters above SL1 there', () => {
    const edr = applicableRequirements(c42, { kind: 'asset', componentType: 'EDR' }, null, {
      aboveTarget: true,
    });
    expect(edr.filter((r) => r.fr === 'FR5').map((r) => r.id)).toEqual(['CR 5.1']);
    expect(computeSlAchieved(edr, answers([['CR 5.1', 'met']])).FR5).toBe(4);
  });
});
