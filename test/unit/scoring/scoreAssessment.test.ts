import { describe, expect, it } from 'vitest';
import { FRS, SEVERITIES, type SlVector, uniformSl } from '../../../src/core/domain';
import type { AssessmentModel, ChecklistResponse } from '../../../src/core/model';
import { type ScoringCatalogs, scoreAssessment } from '../../../src/core/scoring/scoreAssessment';
import type { GapItem } from '../../../src/core/scoring/types';
import { answer, asset, catalog, conduit, emptyModel, req, zone } from './fixtures';

// A tiny catalog set where every number can be worked out by hand.
const CATALOGS: ScoringCatalogs = {
  '3-3': catalog('3-3', [
    req('SR 1.1', 'FR1', 1),
    req('SR 1.1 RE 1', 'FR1', 2, { kind: 'RE', parent: 'SR 1.1' }),
    req('SR 1.2', 'FR1', 3),
    req('SR 2.1', 'FR2', 1),
    req('SR 2.1 RE 1', 'FR2', 4, { kind: 'RE', parent: 'SR 2.1' }),
    ...FRS.slice(2).map((fr) => req(`SR ${fr[2]}.1`, fr, 1)),
  ]),
  '4-2': catalog('4-2', [
    req('CR 1.1', 'FR1', 1, { kind: 'CR', componentTypes: ['SAR', 'EDR', 'HDR', 'NDR'] }),
    req('CR 1.1 RE 1', 'FR1', 2, {
      kind: 'RE',
      parent: 'CR 1.1',
      componentTypes: ['SAR', 'EDR', 'HDR', 'NDR'],
    }),
    req('NDR 1.6', 'FR1', 1, { kind: 'NDR', componentTypes: ['NDR'] }),
    req('CR 2.1', 'FR2', 1, { kind: 'CR', componentTypes: ['SAR', 'EDR', 'HDR', 'NDR'] }),
    { ...req('CR 2.4', 'FR2', 0, { kind: 'CR-placeholder' }) },
    req('EDR 2.4', 'FR2', 2, { kind: 'EDR', componentTypes: ['EDR'] }),
    ...FRS.slice(2).map((fr) =>
      req(`CR ${fr[2]}.1`, fr, 1, { kind: 'CR', componentTypes: ['SAR', 'EDR', 'HDR', 'NDR'] }),
    ),
  ]),
  '2-1': catalog('2-1', [
    req('ORG 1', 'ORG', 0, { kind: 'element-group' }),
    req('ORG 1.1', 'ORG', 0, { kind: 'requirement', parent: 'ORG 1' }),
    req('ORG 1.2', 'ORG', 0, { kind: 'requirement', parent: 'ORG 1' }),
    req('CM 1.1', 'CM', 0, { kind: 'requirement' }),
    req('NET 1.1', 'NET', 0, { kind: 'requirement' }),
    req('NET 1.2', 'NET', 0, { kind: 'requirement' }),
  ]),
};
const SYSTEM_IDS = CATALOGS['3-3'].requirements.map((r) => r.id);
const T2: SlVector = uniformSl(2);

const Z = (id: string) => ({ kind: 'zone' as const, id });
const C = (id: string) => ({ kind: 'conduit' as const, id });
const A = (id: string) => ({ kind: 'asset' as const, id });
const ORG = { kind: 'organisation' as const };

/** Every 3-3 requirement of a scope met, except the given results. */
function system(
  scope: ReturnType<typeof Z> | ReturnType<typeof C>,
  except: Record<string, ChecklistResponse['result']> = {},
) {
  return SYSTEM_IDS.map((id) => answer(scope, id, except[id] ?? 'met'));
}
/** Every 4-2 requirement of an EDR met, except the given results. */
function edr(id: string, except: Record<string, ChecklistResponse['result']> = {}) {
  const ids = [
    'CR 1.1',
    'CR 1.1 RE 1',
    'CR 2.1',
    'EDR 2.4',
    'CR 3.1',
    'CR 4.1',
    'CR 5.1',
    'CR 6.1',
    'CR 7.1',
  ];
  return ids.map((r) => answer(A(id), r, except[r] ?? 'met'));
}
const score = (patch: Partial<AssessmentModel>) => scoreAssessment(emptyModel(patch), CATALOGS);

describe('zones', () => {
  it('achieved = per-FR minimum of the system part and each asset, and both parts are reported', () => {
    const s = score({
      zones: [zone('z1', T2)],
      assets: [asset('a1', 'z1'), asset('a2', 'z1')],
      responses: [
        ...system(Z('z1'), { 'SR 2.1': 'not-met' }), // system FR2 = 0
        ...edr('a1', { 'CR 1.1 RE 1': 'partially-met' }), // a1 FR1 = 1
        ...edr('a2', { 'CR 3.1': 'not-met', 'EDR 2.4': 'not-met' }), // a2 FR3 = 0, FR2 = 1
      ],
    });
    const [z] = s.zones;
    expect(z.slSystem).toEqual({ ...uniformSl(4), FR2: 0 });
    expect(z.slComponents).toEqual({ ...uniformSl(4), FR1: 1, FR2: 1, FR3: 0 });
    expect(z.slAchieved).toEqual({ ...uniformSl(4), FR1: 1, FR2: 0, FR3: 0 });
    expect(z.gap).toEqual({ ...uniformSl(0), FR1: 1, FR2: 2, FR3: 2 });
    expect(s.assets.map((a) => a.slAchieved)).toEqual([
      { ...uniformSl(4), FR1: 1 },
      { ...uniformSl(4), FR2: 1, FR3: 0 },
    ]);
  });

  it('a zone without assets has slComponents null and achieves its system part', () => {
    const s = score({ zones: [zone('z1', T2)], responses: system(Z('z1'), { 'SR 1.2': 'not-met' }) });
    expect(s.zones[0].slComponents).toBeNull();
    expect(s.zones[0].slAchieved).toEqual({ ...uniformSl(4), FR1: 2 });
    expect(s.zones[0].gap).toEqual(uniformSl(0));
  });

  it('a zone with nothing answered achieves 0 and its gap is its target', () => {
    const t: SlVector = { FR1: 1, FR2: 2, FR3: 3, FR4: 4, FR5: 0, FR6: 1, FR7: 2 };
    const s = score({ zones: [zone('z1', t)] });
    expect(s.zones[0].slAchieved).toEqual(uniformSl(0));
    expect(s.zones[0].gap).toEqual(t);
  });
});

describe('conduits', () => {
  it('score their own 3-3 answers, not those of the zones they connect', () => {
    const s = score({
      zones: [zone('z1', T2), zone('z2', T2)],
      conduits: [conduit('c1', ['z1', 'z2'], { ...T2, FR5: 3 })],
      responses: [
        ...system(Z('z1')),
        ...system(C('c1'), { 'SR 5.1': 'not-applicable', 'SR 1.1 RE 1': 'not-met' }),
      ],
    });
    expect(s.conduits).toEqual([
      {
        id: 'c1',
        slTarget: { ...T2, FR5: 3 },
        slAchieved: { ...uniformSl(4), FR1: 1 },
        slAchievedUpper: { ...uniformSl(4), FR1: 1 },
        gap: { ...uniformSl(0), FR1: 1 },
      },
    ]);
    // z2 has nothing answered: its 8 requirements at SL2 are open questions, not gaps; so are the 5 2-1 items
    expect(s.gapCount).toEqual({ organisation: 0, zones: 0, conduits: 1, assets: 0 });
    expect(s.openCount).toEqual({ organisation: 5, zones: 8, conduits: 0, assets: 0 });
  });
});

describe('assets', () => {
  it("take their zone's SL-T and their component type's requirements", () => {
    const t: SlVector = { FR1: 2, FR2: 2, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 };
    const s = score({
      zones: [zone('z1', t)],
      assets: [asset('e', 'z1', 'EDR'), asset('n', 'z1', 'NDR'), asset('h', 'z1', 'HDR')],
      responses: [
        ...edr('e', { 'EDR 2.4': 'not-met' }),
        // an NDR is not asked EDR 2.4 but is asked NDR 1.6
        ...['CR 1.1', 'CR 1.1 RE 1', 'CR 2.1', 'EDR 2.4'].map((r) => answer(A('n'), r, 'met')),
      ],
    });
    const byId = Object.fromEntries(s.assets.map((a) => [a.id, a]));
    expect(byId.e).toMatchObject({ zone: 'z1', slTarget: t, gap: { ...uniformSl(0), FR2: 1 } });
    expect(byId.e.slAchieved).toEqual({ ...uniformSl(4), FR2: 1 });
    expect(byId.n.slAchieved).toMatchObject({ FR1: 0, FR2: 4, FR3: 0 });
    expect(byId.h.slAchieved).toEqual(uniformSl(0));
    const of = (list: { scope: { kind: string }; requirement: string }[], id: string) =>
      list
        .filter((g) => g.scope.kind === 'asset' && 'id' in g.scope && g.scope.id === id)
        .map((g) => g.requirement);
    expect(of(s.gaps, 'e')).toEqual(['EDR 2.4']);
    expect(of(s.gaps, 'n')).toEqual([]);
    expect(of(s.openQuestions, 'n').sort()).toEqual([
      'CR 3.1',
      'CR 4.1',
      'CR 5.1',
      'CR 6.1',
      'CR 7.1',
      'NDR 1.6',
    ]);
    expect(of(s.openQuestions, 'h')).not.toContain('EDR 2.4');
    expect(of(s.openQuestions, 'h')).not.toContain('CR 2.4'); // a placeholder is never a checklist item
    expect(s.gaps.every((g) => g.scope.kind !== 'asset' || g.zoneId === 'z1')).toBe(true);
  });

  it('an asset naming a zone that does not exist is refused in one sentence', () => {
    expect(() => score({ zones: [zone('z1', T2)], assets: [asset('a1', 'nowhere')] })).toThrow(
      'Asset a1 belongs to zone nowhere, which does not exist.',
    );
  });
});

describe('above the target', () => {
  it('satisfied answers above SL-T raise SL-A above it; unsatisfied ones are neither gaps nor progress', () => {
    const t: SlVector = { ...uniformSl(1), FR2: 4 };
    const s = score({
      zones: [zone('z1', t)],
      responses: [
        answer(Z('z1'), 'SR 1.1', 'met'),
        answer(Z('z1'), 'SR 1.1 RE 1', 'met'), // SL2 item in an SL1 zone
        answer(Z('z1'), 'SR 1.2', 'not-met'), // SL3 item: above target, unsatisfied
        answer(Z('z1'), 'SR 2.1', 'met'),
        answer(Z('z1'), 'SR 2.1 RE 1', 'partially-met'), // SL4 item at SL-T 4
      ],
    });
    const [z] = s.zones;
    expect(z.slAchieved.FR1).toBe(2);
    expect(z.gap.FR1).toBe(0);
    expect(z.slAchieved.FR2).toBe(3);
    expect(z.gap.FR2).toBe(1);
    expect(s.gaps.map((g) => g.requirement)).not.toContain('SR 1.2');
    expect(s.gaps.map((g) => g.requirement)).not.toContain('SR 1.1 RE 1');
    expect(s.gaps.find((g) => g.requirement === 'SR 2.1 RE 1')).toMatchObject({
      result: 'partially-met',
      requiredFrom: 4,
      target: 4,
    });
    // at target: SR 1.1, SR 2.1, SR 2.1 RE 1 and SR 3.1..SR 7.1
    expect(s.progress['zone:z1']).toEqual({ answered: 3, total: 8 });
  });
});

describe('gap items', () => {
  it('one row per requirement that applies at SL-T and is not satisfied, with everything the register needs', () => {
    const t: SlVector = { ...uniformSl(1), FR1: 2 };
    const s = score({
      assessment: { ...emptyModel().assessment, smsTargetMaturity: 1 },
      zones: [zone('z1', t, 'Control & <Safety>')],
      responses: [
        answer(Z('z1'), 'SR 1.1', 'met'),
        answer(Z('z1'), 'SR 1.1 RE 1', 'partially-met', {
          comment: 'Shared account on HMI 3',
          evidence: ['ab'.repeat(32)],
        }),
        answer(Z('z1'), 'SR 2.1', 'not-met'),
        answer(Z('z1'), 'SR 3.1', 'not-assessed'),
        answer(Z('z1'), 'SR 4.1', 'not-applicable'),
        ...['SR 5.1', 'SR 6.1'].map((r) => answer(Z('z1'), r, 'met')),
        ...['ORG 1.1', 'ORG 1.2', 'CM 1.1', 'NET 1.1', 'NET 1.2'].map((r) =>
          answer(ORG, r, 'not-applicable'),
        ),
      ],
    });
    const base = {
      scope: Z('z1'),
      scopeName: 'Control & <Safety>',
      zoneId: 'z1',
      catalogId: 'iec-62443-3-3:test',
    };
    const row = (
      requirement: string,
      fr: string,
      requiredFrom: number,
      target: number,
      result: GapItem['result'],
    ) =>
      expect.objectContaining({
        ...base,
        requirement,
        title: `Title of ${requirement}`,
        fr,
        requiredFrom,
        target,
        result,
      });
    expect(s.gaps).toEqual([
      row('SR 2.1', 'FR2', 1, 1, 'not-met'),
      row('SR 1.1 RE 1', 'FR1', 2, 2, 'partially-met'),
    ]);
    // medium impact (no tag): 2 points, +1 baseline for SR 2.1, -1 partially met for SR 1.1 RE 1
    expect(s.gaps.map((g) => [g.points, g.severity])).toEqual([
      [3, 'high'],
      [1, 'low'],
    ]);
    expect(s.gaps[1]).toMatchObject({
      comment: 'Shared account on HMI 3',
      evidence: ['ab'.repeat(32)],
      maturity: null,
    });
    expect(s.gaps[0]).toMatchObject({ comment: '', evidence: [], controls: [] });
    expect(new Set(s.gaps.map((g) => g.gapId)).size).toBe(2);
    expect(s.gapCount).toEqual({ zones: 2, conduits: 0, assets: 0, organisation: 0 });
    // not assessed and unanswered are open questions, never gap rows
    expect(
      s.openQuestions.filter((q) => q.scope.kind === 'zone').map((q) => [q.requirement, q.reason]),
    ).toEqual([
      ['SR 3.1', 'not-assessed'],
      ['SR 7.1', 'unanswered'],
    ]);
    expect(s.openCount.zones).toBe(2);
  });

  it('sorts by severity, then scope kind and id, then catalog order', () => {
    const allNotMet = Object.fromEntries(SYSTEM_IDS.map((id) => [id, 'not-met' as const]));
    const s = score({
      zones: [zone('zb', uniformSl(2)), zone('za', uniformSl(2))],
      conduits: [conduit('c1', ['za', 'zb'], uniformSl(1))],
      assets: [asset('a1', 'za')],
      responses: [
        ...system(Z('zb'), allNotMet),
        ...system(Z('za'), allNotMet),
        ...system(C('c1'), allNotMet),
        ...edr('a1', { 'CR 1.1': 'not-met', 'CR 2.1': 'not-met', 'EDR 2.4': 'not-met' }),
        ...['ORG 1.1', 'ORG 1.2', 'CM 1.1', 'NET 1.1', 'NET 1.2'].map((r) =>
          answer(ORG, r, 'not-met', { maturity: 0 }),
        ),
      ],
    });
    const keys = s.gaps.map(
      (g) => `${g.severity} ${g.scope.kind === 'organisation' ? 'org' : g.scope.id} ${g.requirement}`,
    );
    // 2-1 at ML0 for target ML3: medium impact 2 + 2 levels short beyond the first = 4, critical
    expect(keys.slice(0, 5)).toEqual([
      'critical org ORG 1.1',
      'critical org ORG 1.2',
      'critical org CM 1.1',
      'critical org NET 1.1',
      'critical org NET 1.2',
    ]);
    // baseline items not met: 2 + 1 = 3, high; zones before conduits before assets, ids in order
    const high = keys.filter((k) => k.startsWith('high'));
    expect(high.findLastIndex((k) => k.includes(' za '))).toBeLessThan(
      high.findIndex((k) => k.includes(' zb ')),
    );
    expect(high.findLastIndex((k) => k.includes(' zb '))).toBeLessThan(
      high.findIndex((k) => k.includes(' c1 ')),
    );
    expect(high.findLastIndex((k) => k.includes(' c1 '))).toBeLessThan(
      high.findIndex((k) => k.includes(' a1 ')),
    );
    expect(high.filter((k) => k.includes(' za ')).map((k) => k.split(' ').slice(2).join(' '))).toEqual([
      'SR 1.1',
      'SR 2.1',
      'SR 3.1',
      'SR 4.1',
      'SR 5.1',
      'SR 6.1',
      'SR 7.1',
    ]);
    // SR 1.1 RE 1 enters at SL2: 2 points, medium
    expect(keys).toContain('medium za SR 1.1 RE 1');
    const ranks = s.gaps.map((g) => SEVERITIES.indexOf(g.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('organisation (2-1)', () => {
  const m = (r: string, maturity: 0 | 1 | 2 | 3 | 4) => answer(ORG, r, 'met', { maturity });

  it('maturity per SPE is the lowest of its rated requirements; N/A is left out; unrated ones make a range from 0', () => {
    const s = score({
      responses: [
        m('ORG 1.1', 3),
        m('ORG 1.2', 2),
        answer(ORG, 'CM 1.1', 'not-applicable'),
        m('NET 1.1', 4),
        answer(ORG, 'NET 1.2', 'not-assessed', { maturity: 4 }),
      ],
    });
    expect(s.organisation).toEqual({
      targetMaturity: 3,
      maturity: { ORG: 2, CM: null, NET: 0, COMP: null, DATA: null, USER: null, EVENT: null, AVAIL: null },
      maturityUpper: {
        ORG: 2,
        CM: null,
        NET: 4,
        COMP: null,
        DATA: null,
        USER: null,
        EVENT: null,
        AVAIL: null,
      },
    });
    expect(s.progress.organisation).toEqual({ answered: 4, total: 5 });
  });

  it('an unanswered requirement holds its SPE at 0', () => {
    const s = score({ responses: [m('ORG 1.1', 4)] });
    expect(s.organisation.maturity.ORG).toBe(0);
    expect(s.organisation.maturity.CM).toBe(0);
  });

  it('a gap row per rated requirement (not N/A) below the target ML, with the maturity found', () => {
    const s = score({
      assessment: { ...emptyModel().assessment, smsTargetMaturity: 3 },
      responses: [
        m('ORG 1.1', 3),
        m('ORG 1.2', 2),
        answer(ORG, 'CM 1.1', 'not-applicable'),
        m('NET 1.1', 4),
        // a result without a maturity is not ML0: it is not rated yet
        answer(ORG, 'NET 1.2', 'partially-met'),
      ],
    });
    expect(
      s.gaps.map((g) => [g.requirement, g.fr, g.scale, g.maturity, g.target, g.requiredFrom, g.severity]),
    ).toEqual([['ORG 1.2', 'ORG', 'ML', 2, 3, null, 'medium']]);
    expect(s.openQuestions.map((q) => q.requirement)).toEqual(['NET 1.2']);
    expect(s.gaps[0]).toMatchObject({
      scope: ORG,
      scopeName: 'Acme Water',
      zoneId: null,
      catalogId: 'iec-62443-2-1:test',
    });
    expect(s.gapCount.organisation).toBe(1);
    expect(s.openCount.organisation).toBe(1);
  });
});

describe('progress', () => {
  it('counts answers other than not assessed among the requirements that apply at target, per scope and overall', () => {
    const s = score({
      zones: [zone('z1', uniformSl(1))],
      conduits: [conduit('c1', ['z1', 'z1'], uniformSl(2))],
      assets: [asset('a1', 'z1', 'NDR')],
      responses: [
        answer(Z('z1'), 'SR 1.1', 'not-met'),
        answer(Z('z1'), 'SR 2.1', 'not-assessed'),
        answer(Z('z1'), 'SR 3.1', 'not-applicable'),
        answer(C('c1'), 'SR 1.1 RE 1', 'partially-met'),
        answer(A('a1'), 'NDR 1.6', 'met'),
        answer(ORG, 'ORG 1.1', 'not-applicable'),
      ],
    });
    expect(s.progress).toEqual({
      organisation: { answered: 1, total: 5 },
      'zone:z1': { answered: 2, total: 7 },
      'conduit:c1': { answered: 1, total: 8 },
      'asset:a1': { answered: 1, total: 8 },
    });
    expect(Object.keys(s.progress)).toEqual(['organisation', 'zone:z1', 'conduit:c1', 'asset:a1']);
    expect(s.overall).toEqual({ answered: 5, total: 28 });
  });
});

describe('determinism and robustness', () => {
  const model = emptyModel({
    zones: [zone('z2', T2), zone('z1', uniformSl(3))],
    conduits: [conduit('c2', ['z1', 'z2'], T2), conduit('c1', ['z1', 'z2'], T2)],
    assets: [asset('a3', 'z2', 'SAR'), asset('a1', 'z1'), asset('a2', 'z1', 'NDR')],
    responses: [
      ...system(Z('z1'), { 'SR 1.1 RE 1': 'partially-met' }),
      ...system(C('c2'), { 'SR 4.1': 'not-met' }),
      ...edr('a1', { 'CR 7.1': 'not-met' }),
      answer(ORG, 'ORG 1.1', 'met', { maturity: 1 }),
    ],
  });

  it('gives the identical score for any order of the model arrays', () => {
    const expected = JSON.stringify(scoreAssessment(model, CATALOGS));
    const shuffled: AssessmentModel = {
      ...model,
      zones: [...model.zones].reverse(),
      conduits: [...model.conduits].reverse(),
      assets: [model.assets[1], model.assets[2], model.assets[0]],
      responses: [...model.responses].reverse(),
    };
    expect(JSON.stringify(scoreAssessment(shuffled, CATALOGS))).toBe(expected);
    const s = scoreAssessment(model, CATALOGS);
    expect(s.zones.map((z) => z.id)).toEqual(['z1', 'z2']);
    expect(s.conduits.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(s.assets.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(s.assessment).toBe('a1');
  });

  it('does not modify its input', () => {
    const before = JSON.stringify(model);
    scoreAssessment(model, CATALOGS);
    expect(JSON.stringify(model)).toBe(before);
  });

  it('a later duplicate answer replaces an earlier one', () => {
    const s = score({
      zones: [zone('z1', T2)],
      responses: [...system(Z('z1')), answer(Z('z1'), 'SR 1.1', 'not-met')],
    });
    expect(s.zones[0].slAchieved.FR1).toBe(0);
  });

  it('ignores answers to scopes or requirements it does not know', () => {
    const s = score({
      zones: [zone('z1', T2)],
      responses: [
        ...system(Z('z1')),
        answer(Z('gone'), 'SR 1.1', 'met'),
        answer(Z('z1'), 'SR 99.9', 'not-met'),
      ],
    });
    expect(s.zones[0].slAchieved).toEqual(uniformSl(4));
    expect(Object.keys(s.progress)).toEqual(['organisation', 'zone:z1']);
  });

  it('refuses catalogs given for the wrong part', () => {
    expect(() => scoreAssessment(emptyModel(), { ...CATALOGS, '3-3': CATALOGS['4-2'] })).toThrow(
      'The catalog given for 62443-3-3 is iec-62443-4-2:test.',
    );
  });
});
