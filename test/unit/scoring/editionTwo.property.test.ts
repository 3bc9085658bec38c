import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreJson } from '../../../src/cli/commands/score';
import type { AssetRole, CatalogRequirement, RequirementImpact } from '../../../src/core/catalog/types';
import {
  type ComponentType,
  FRS,
  type ResponseResult,
  type SecurityLevel,
  type SlVector,
} from '../../../src/core/domain';
import type {
  AssessmentModel,
  ChecklistResponse,
  CompensatingControl,
  ItemRef,
} from '../../../src/core/model';
import { type ScoringCatalogs, scoreAssessment } from '../../../src/core/scoring/scoreAssessment';
import { oracleScore } from '../../helpers/editionTwoOracle';
import { catalog, emptyModel, req } from './fixtures';

// `score --json` against an independent implementation of domain.md's edition-2 rules
// (test/helpers/editionTwoOracle.ts), on random plants with N/A, compensating controls (working,
// broken, expired, unverified, inactive), roles and open questions.

const ALL: ComponentType[] = ['SAR', 'EDR', 'HDR', 'NDR'];
const impact = (i: number): RequirementImpact | undefined =>
  (['high', 'medium', 'low', undefined] as const)[i % 4];

/** Per FR: SRs and REs at every level, some asked of conduits; 4-2 items with counterparts and roles. */
function catalogs(): ScoringCatalogs {
  const sys: CatalogRequirement[] = [];
  const comp: CatalogRequirement[] = [];
  FRS.forEach((fr, i) => {
    const n = i + 1;
    sys.push(
      { ...req(`SR ${n}.1`, fr, 1), conduit: i % 2 === 0, impact: impact(i) },
      { ...req(`SR ${n}.1 RE 1`, fr, 2, { kind: 'RE', parent: `SR ${n}.1` }), conduit: i % 2 === 0 },
      { ...req(`SR ${n}.2`, fr, 3), conduit: true, impact: impact(i + 1) },
      { ...req(`SR ${n}.2 RE 1`, fr, 4, { kind: 'RE', parent: `SR ${n}.2` }), conduit: i % 3 === 0 },
    );
    comp.push(
      { ...req(`CR ${n}.1`, fr, 1, { kind: 'CR', componentTypes: ALL }), counterpart: `SR ${n}.1` },
      // enters at SL1 in 4-2, but its counterpart enters at SL2: zone level 2
      {
        ...req(`CR ${n}.1 RE 1`, fr, 1, { kind: 'RE', parent: `CR ${n}.1`, componentTypes: ALL }),
        counterpart: `SR ${n}.1 RE 1`,
      },
      {
        ...req(`CR ${n}.2`, fr, 2, { kind: 'CR', componentTypes: ALL }),
        counterpart: null,
        impact: impact(i),
      },
      { ...req(`EDR ${n}.3`, fr, 1, { kind: 'EDR', componentTypes: ['EDR'] }), counterpart: `SR ${n}.2` },
      {
        ...req(`NDR ${n}.3`, fr, 1, { kind: 'NDR', componentTypes: ['NDR'] }),
        condition: (['zoneBoundary', 'untrustedAccess', 'wireless'] as const)[i % 3],
      },
      { ...req(`CR ${n}.4`, fr, 3, { kind: 'CR', componentTypes: ALL }), condition: 'wireless' },
    );
  });
  const org = ['ORG 1.1', 'ORG 1.2', 'CM 1.1', 'NET 1.1', 'COMP 1.1'].map((id) => ({
    ...req(id, id.split(' ')[0], 0, { kind: 'requirement' }),
    impact: impact(id.length),
  }));
  return { '3-3': catalog('3-3', sys), '4-2': catalog('4-2', comp), '2-1': catalog('2-1', org) };
}

const CATALOGS = catalogs();
const level = fc.integer({ min: 0, max: 4 }) as fc.Arbitrary<SecurityLevel>;
const slVector: fc.Arbitrary<SlVector> = fc
  .tuple(level, level, level, level, level, level, level)
  .map((ls) => Object.fromEntries(FRS.map((fr, i) => [fr, ls[i]])) as SlVector);
const RESULT_OR_NONE = fc.constantFrom<ResponseResult | 'none' | 'na-without-reason'>(
  'met',
  'met',
  'partially-met',
  'not-met',
  'not-applicable',
  'not-assessed',
  'none',
  'none',
  'na-without-reason',
);

const plant = fc
  .record({
    zones: fc.array(slVector, { minLength: 1, maxLength: 3 }),
    conduits: fc.array(fc.tuple(fc.nat(), fc.nat(), slVector), { maxLength: 3 }),
    assets: fc.array(
      fc.record({
        zone: fc.nat(),
        type: fc.constantFrom(...ALL),
        roles: fc.subarray<AssetRole>(['zoneBoundary', 'wireless', 'untrustedAccess']),
      }),
      { maxLength: 4 },
    ),
    answerSeed: fc.array(RESULT_OR_NONE, { minLength: 400, maxLength: 400 }),
    maturities: fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), {
      minLength: 5,
      maxLength: 5,
    }),
    controls: fc.array(
      fc.record({
        covers: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        implementedBy: fc.option(fc.nat(), { nil: null }),
        evidence: fc.boolean(),
        reviewDue: fc.constantFrom(null, '2026-01-01', '2026-12-31', '2027-06-30'),
      }),
      { maxLength: 8 },
    ),
    endDate: fc.constantFrom(null, '2026-12-15'),
    target: fc.integer({ min: 1, max: 4 }),
  })
  .map((p): AssessmentModel => {
    const zones = p.zones.map((slTarget, i) => ({ id: `z${i}`, name: `Z${i}`, description: '', slTarget }));
    const conduits = p.conduits
      .map(([a, b, slTarget], i) => ({
        id: `c${i}`,
        name: `C${i}`,
        description: '',
        zones: [zones[a % zones.length].id, zones[b % zones.length].id] as [string, string],
        protocols: [],
        slTarget,
      }))
      .filter((c) => c.zones[0] !== c.zones[1]);
    const assets = p.assets.map((a, i) => ({
      id: `a${i}`,
      name: `A${i}`,
      zone: zones[a.zone % zones.length].id,
      componentType: a.type,
      vendor: '',
      model: '',
      firmware: '1.0',
      legacy: false,
      // zoneBoundary and untrustedAccess belong to network devices only
      roles: a.roles.filter((r) => r === 'wireless' || a.type === 'NDR'),
      certificates: [],
      endOfLife: null,
    }));
    // every item every scope can be asked, answered from the seed
    const items: ItemRef[] = [
      ...zones.flatMap((z) =>
        CATALOGS['3-3'].requirements.map((r) => ({
          scope: { kind: 'zone' as const, id: z.id },
          requirement: r.id,
        })),
      ),
      ...conduits.flatMap((c) =>
        CATALOGS['3-3'].requirements.map((r) => ({
          scope: { kind: 'conduit' as const, id: c.id },
          requirement: r.id,
        })),
      ),
      ...assets.flatMap((a) =>
        CATALOGS['4-2'].requirements
          .filter((r) => r.componentTypes.includes(a.componentType))
          .map((r) => ({ scope: { kind: 'asset' as const, id: a.id }, requirement: r.id })),
      ),
    ];
    const responses: ChecklistResponse[] = [];
    items.forEach((ref, i) => {
      const r = p.answerSeed[i % p.answerSeed.length];
      if (r === 'none') return;
      const result: ResponseResult = r === 'na-without-reason' ? 'not-applicable' : r;
      responses.push({
        ...ref,
        result,
        maturity: null,
        justification: r === 'not-applicable' ? 'No such interface' : '',
        comment: '',
        evidence: [],
        flagged: false,
        assessedBy: 'A',
        assessedAt: '2026-11-26T08:00:00Z',
      });
    });
    CATALOGS['2-1'].requirements.forEach((r, i) => {
      const m = p.maturities[i];
      const seed = p.answerSeed[i + 7];
      if (seed === 'none') return;
      responses.push({
        scope: { kind: 'organisation' },
        requirement: r.id,
        result:
          seed === 'not-applicable' ? 'not-applicable' : seed === 'not-assessed' ? 'not-assessed' : 'met',
        maturity: seed === 'not-applicable' ? null : (m as 0 | 1 | 2 | 3 | 4 | null),
        justification: seed === 'not-applicable' ? 'Outsourced' : '',
        comment: '',
        evidence: [],
        flagged: false,
        assessedBy: 'A',
        assessedAt: '2026-11-26T08:00:00Z',
      });
    });
    const compensatingControls: CompensatingControl[] = items.length
      ? p.controls.map((c, i) => {
          const covers = [...new Set(c.covers.map((n) => n % items.length))].map((n) => items[n]);
          const by = c.implementedBy === null ? null : items[c.implementedBy % items.length];
          return {
            id: `CC-${i}`,
            description: 'Isolated',
            kind: 'isolation',
            covers,
            implementedBy: by && covers.includes(by) ? null : by,
            owner: '',
            evidence: c.evidence ? ['ab'.repeat(32)] : [],
            reviewDue: c.reviewDue,
          };
        })
      : [];
    return emptyModel({
      assessment: { ...emptyModel().assessment, endDate: p.endDate, smsTargetMaturity: p.target },
      zones,
      conduits,
      assets,
      responses,
      compensatingControls,
    });
  });

describe('score --json agrees with an independent implementation of the edition-2 rules', () => {
  it('on random plants', () => {
    fc.assert(
      fc.property(plant, (model) => {
        const json = scoreJson(scoreAssessment(model, CATALOGS));
        const o = oracleScore(model, CATALOGS);
        expect(json.zones.map(({ slTarget: _, ...z }) => z)).toEqual(o.zones);
        expect(json.conduits.map(({ slTarget: _, ...c }) => c)).toEqual(o.conduits);
        expect(json.assets.map(({ zone: _, ...a }) => a)).toEqual(o.assets);
        expect(json.organisation.maturity).toEqual(o.maturity);
        expect(json.gapCount).toEqual(o.gapCount);
        expect(json.openCount).toEqual(o.openCount);
      }),
      { numRuns: 300, seed: 62443 },
    );
  });

  it('the generator reaches every kind of control state and role', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(plant, (model) => {
        const s = scoreAssessment(model, CATALOGS);
        for (const c of s.controls) seen.add(c.state);
        for (const a of model.assets) for (const r of a.roles) seen.add(r);
        if (s.openQuestions.length) seen.add('open');
      }),
      { numRuns: 300, seed: 62443 },
    );
    for (const k of [
      'working',
      'broken',
      'expired',
      'unverified',
      'inactive',
      'zoneBoundary',
      'wireless',
      'untrustedAccess',
      'open',
    ])
      expect(seen, k).toContain(k);
  });
});
