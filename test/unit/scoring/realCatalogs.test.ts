import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../../src/core/catalog/applicability';
import type { CatalogRequirement } from '../../../src/core/catalog/types';
import {
  FRS,
  type Scope,
  type SecurityLevel,
  type SlVector,
  scopeKey,
  uniformSl,
} from '../../../src/core/domain';
import type { ChecklistResponse } from '../../../src/core/model';
import { scoreAssessment } from '../../../src/core/scoring/scoreAssessment';
import { generatePlant } from '../../helpers/scoringPlant';
import { answer, asset, emptyModel, realCatalogs, zone } from './fixtures';

const catalogs = realCatalogs();
const ALL = { aboveTarget: true };

/** SL-A by the definition, level by level: a second opinion on computeSlAchieved. */
function oracleSl(reqs: CatalogRequirement[], answers: Map<string, ChecklistResponse>): SlVector {
  const ok = (r: CatalogRequirement) => ['met', 'not-applicable'].includes(answers.get(r.id)?.result ?? '');
  const out = uniformSl(0);
  for (const fr of FRS)
    for (const l of [4, 3, 2, 1, 0] as SecurityLevel[])
      if (reqs.filter((r) => r.fr === fr && r.sl.length && Math.min(...r.sl) <= l).every(ok)) {
        out[fr] = l;
        break;
      }
  return out;
}

describe('a generated plant scored with the shipped catalogs', () => {
  const plant = generatePlant(catalogs, { zones: 4, conduits: 3, assets: 40, seed: 11 });
  const s = scoreAssessment(plant, catalogs);
  const byScope = new Map<string, Map<string, ChecklistResponse>>();
  for (const r of plant.responses) {
    const m = byScope.get(scopeKey(r.scope)) ?? new Map();
    byScope.set(scopeKey(r.scope), m);
    m.set(r.requirement, r);
  }
  const answersOf = (scope: Scope) => byScope.get(scopeKey(scope)) ?? new Map();
  const system = applicableRequirements(catalogs['3-3'], { kind: 'zone' }, null, ALL);

  it('answers a realistic mix and scores every scope', () => {
    expect(new Set(plant.responses.map((r) => r.result)).size).toBe(5);
    expect(s.zones).toHaveLength(4);
    expect(s.conduits).toHaveLength(3);
    expect(s.assets).toHaveLength(40);
  });

  it('agrees with SL-A computed level by level from the definition, for every scope', () => {
    for (const a of plant.assets) {
      const reqs = applicableRequirements(
        catalogs['4-2'],
        { kind: 'asset', componentType: a.componentType },
        null,
        ALL,
      );
      expect(s.assets.find((x) => x.id === a.id)!.slAchieved).toEqual(
        oracleSl(reqs, answersOf({ kind: 'asset', id: a.id })),
      );
    }
    for (const c of plant.conduits)
      expect(s.conduits.find((x) => x.id === c.id)!.slAchieved).toEqual(
        oracleSl(system, answersOf({ kind: 'conduit', id: c.id })),
      );
    for (const z of s.zones) {
      expect(z.slSystem).toEqual(oracleSl(system, answersOf({ kind: 'zone', id: z.id })));
      const parts = [z.slSystem, ...s.assets.filter((a) => a.zone === z.id).map((a) => a.slAchieved)];
      for (const fr of FRS) {
        expect(z.slAchieved[fr]).toBe(Math.min(...parts.map((p) => p[fr])));
        expect(z.gap[fr]).toBe(Math.max(0, z.slTarget[fr] - z.slAchieved[fr]));
      }
    }
  });

  it("lists exactly the unsatisfied requirements that apply at each scope's target", () => {
    const expected: string[] = [];
    const add = (scope: Scope, reqs: CatalogRequirement[], t: SlVector) => {
      for (const r of reqs) {
        const res = answersOf(scope).get(r.id)?.result;
        // answered and not satisfied: unanswered and not assessed are open questions, not gaps
        if (Math.min(...r.sl) <= t[r.fr as keyof SlVector] && (res === 'not-met' || res === 'partially-met'))
          expected.push(`${scopeKey(scope)}|${r.id}`);
      }
    };
    for (const z of plant.zones) add({ kind: 'zone', id: z.id }, system, z.slTarget);
    for (const c of plant.conduits) add({ kind: 'conduit', id: c.id }, system, c.slTarget);
    for (const a of plant.assets)
      add(
        { kind: 'asset', id: a.id },
        applicableRequirements(catalogs['4-2'], { kind: 'asset', componentType: a.componentType }, null, ALL),
        s.assets.find((x) => x.id === a.id)!.slTarget,
      );
    for (const r of applicableRequirements(catalogs['2-1'], { kind: 'organisation' }, null)) {
      const resp = answersOf({ kind: 'organisation' }).get(r.id);
      if (resp && resp.maturity !== null && resp.result !== 'not-assessed' && resp.maturity < 3)
        expected.push(`organisation|${r.id}`);
    }
    const got = s.gaps.map((g) => `${scopeKey(g.scope)}|${g.requirement}`);
    expect(got.length).toBeGreaterThan(200);
    expect([...got].sort()).toEqual(expected.sort());
    expect(s.gapCount.zones + s.gapCount.conduits + s.gapCount.assets + s.gapCount.organisation).toBe(
      got.length,
    );
  });

  it('counts progress against the checklist at target, and the whole plant is answered apart from not assessed', () => {
    for (const z of plant.zones)
      expect(s.progress[`zone:${z.id}`].total).toBe(
        applicableRequirements(catalogs['3-3'], { kind: 'zone' }, z.slTarget).length,
      );
    expect(s.overall.total - s.overall.answered).toBe(s.openQuestions.length);
    expect(s.openQuestions.length).toBeGreaterThan(0);
  });
});

describe('a worked example (docs/scoring.md)', () => {
  // Zone "Filtration control" at SL-T 2 everywhere; one PLC (EDR). The zone's own 3-3 checklist is
  // all met except SR 1.1 RE 1 (partially met: a shared engineering account). The PLC meets every
  // 4-2 requirement up to SL2 (CR 1.1 by a compensating control) except CR 3.4, and nothing above SL2
  // was asked. The organisation is at ML3 everywhere except configuration management (ML1).
  const t = uniformSl(2);
  const sys = applicableRequirements(catalogs['3-3'], { kind: 'zone' }, t);
  const plc = applicableRequirements(catalogs['4-2'], { kind: 'asset', componentType: 'EDR' }, t);
  const z = { kind: 'zone' as const, id: 'filtration' };
  const a = { kind: 'asset' as const, id: 'plc-1' };
  const s = scoreAssessment(
    emptyModel({
      zones: [zone('filtration', t, 'Filtration control')],
      assets: [asset('plc-1', 'filtration', 'EDR')],
      responses: [
        ...sys.map((r) => answer(z, r.id, r.id === 'SR 1.1 RE 1' ? 'partially-met' : 'met')),
        ...plc.map((r) => answer(a, r.id, r.id === 'CR 3.4' || r.id === 'CR 1.1' ? 'not-met' : 'met')),
        ...applicableRequirements(catalogs['2-1'], { kind: 'organisation' }, null).map((r) =>
          answer({ kind: 'organisation' }, r.id, 'met', { maturity: r.fr === 'CM' ? 1 : 3 }),
        ),
      ],
      compensatingControls: [
        {
          id: 'CC-1',
          description: 'Access only from the engineering jump host',
          kind: 'isolation',
          covers: [{ scope: a, requirement: 'CR 1.1' }],
          implementedBy: { scope: z, requirement: 'SR 1.1' },
          owner: '',
          evidence: [],
          reviewDue: null,
        },
      ],
    }),
    catalogs,
  );

  it('gives the numbers the documentation shows', () => {
    const [zs] = s.zones;
    expect(zs.slSystem).toEqual({ FR1: 1, FR2: 2, FR3: 2, FR4: 2, FR5: 2, FR6: 2, FR7: 2 });
    expect(zs.slComponents).toEqual({ FR1: 2, FR2: 2, FR3: 0, FR4: 2, FR5: 4, FR6: 2, FR7: 2 });
    expect(zs.slAchieved).toEqual({ FR1: 1, FR2: 2, FR3: 0, FR4: 2, FR5: 2, FR6: 2, FR7: 2 });
    expect(zs.gap).toEqual({ FR1: 1, FR2: 0, FR3: 2, FR4: 0, FR5: 0, FR6: 0, FR7: 0 });
    expect(
      s.gaps.filter((g) => g.scope.kind !== 'organisation').map((g) => [g.requirement, g.result, g.severity]),
    ).toEqual([
      ['CR 3.4', 'not-met', 'high'],
      ['SR 1.1 RE 1', 'partially-met', 'low'],
    ]);
    expect(s.organisation.maturity).toMatchObject({ ORG: 3, CM: 1, NET: 3 });
    const cm = s.gaps.filter((g) => g.scope.kind === 'organisation');
    expect(cm.every((g) => g.fr === 'CM' && g.severity === 'high')).toBe(true);
    expect(cm).toHaveLength(4);
  });
});
