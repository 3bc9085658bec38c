import { applicableRequirements } from '../../src/core/catalog/applicability';
import {
  type ComponentType,
  FRS,
  type MaturityLevel,
  type ResponseResult,
  type Scope,
  type SecurityLevel,
  type SlVector,
} from '../../src/core/domain';
import type {
  AssessmentModel,
  Asset,
  ChecklistResponse,
  CompensatingControl,
  Conduit,
  Zone,
} from '../../src/core/model';
import type { ScoringCatalogs } from '../../src/core/scoring/scoreAssessment';

// A generated plant for scoring tests and the scoring benchmark: pure and seeded, so every run
// scores the same assessment.

export interface PlantOptions {
  zones: number;
  conduits: number;
  assets: number;
  seed?: number;
  /** Answer every requirement with this result instead of the realistic mix. */
  result?: ResponseResult;
  /** Compensating controls over not-met and partially-met items, some implemented by a conduit item. */
  controls?: number;
}

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mostly met, as in a real plant, with every other result present. */
const MIX: [ResponseResult, number][] = [
  ['met', 0.62],
  ['partially-met', 0.12],
  ['not-met', 0.14],
  ['not-applicable', 0.07],
  ['not-assessed', 0.05],
];
const TYPES: [ComponentType, number][] = [
  ['EDR', 0.4],
  ['HDR', 0.25],
  ['NDR', 0.2],
  ['SAR', 0.15],
];

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  let x = rand();
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return weighted[weighted.length - 1][0];
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}

export function generatePlant(catalogs: ScoringCatalogs, opts: PlantOptions): AssessmentModel {
  const rand = prng(opts.seed ?? 62443);
  const sl = (): SlVector =>
    Object.fromEntries(
      FRS.map((fr) => [fr, (1 + Math.floor(rand() * 3) + (rand() < 0.05 ? 1 : 0)) as SecurityLevel]),
    ) as SlVector;

  const zones: Zone[] = Array.from({ length: opts.zones }, (_, i) => ({
    id: uuid(rand),
    name: `Zone ${i + 1}`,
    description: '',
    slTarget: sl(),
  }));
  const conduits: Conduit[] = Array.from({ length: opts.conduits }, (_, i) => {
    const a = zones[i % zones.length];
    const b = zones[(i + 1) % zones.length];
    const slTarget = Object.fromEntries(
      FRS.map((fr) => [fr, Math.max(a.slTarget[fr], b.slTarget[fr])]),
    ) as SlVector;
    return {
      id: uuid(rand),
      name: `Conduit ${i + 1}`,
      description: '',
      zones: [a.id, b.id],
      protocols: ['Modbus/TCP'],
      slTarget,
    };
  });
  const assets: Asset[] = Array.from({ length: opts.assets }, (_, i) => ({
    id: uuid(rand),
    name: `Asset ${i + 1}`,
    zone: zones[i % zones.length].id,
    componentType: pick(rand, TYPES),
    vendor: 'Vendor',
    model: 'Model',
    firmware: '1.0',
    legacy: rand() < 0.2,
    roles: [],
    certificates: [],
    endOfLife: null,
  }));
  for (const a of assets) if (a.componentType === 'NDR' && rand() < 0.3) a.roles = ['zoneBoundary'];

  const responses: ChecklistResponse[] = [];
  const respond = (
    scope: Scope,
    requirement: string,
    result: ResponseResult,
    maturity: MaturityLevel | null,
  ) =>
    responses.push({
      scope,
      requirement,
      result,
      maturity,
      justification: result === 'not-applicable' ? 'No such interface on this plant' : '',
      comment: '',
      evidence: [],
      flagged: false,
      assessedBy: 'Generator',
      assessedAt: '2026-11-26T08:00:00Z',
    });
  const result = () => opts.result ?? pick(rand, MIX);
  const all = { aboveTarget: true };

  for (const z of zones)
    for (const r of applicableRequirements(catalogs['3-3'], { kind: 'zone' }, null, all))
      respond({ kind: 'zone', id: z.id }, r.id, result(), null);
  for (const c of conduits)
    for (const r of applicableRequirements(catalogs['3-3'], { kind: 'conduit' }, null, all))
      respond({ kind: 'conduit', id: c.id }, r.id, result(), null);
  for (const a of assets)
    for (const r of applicableRequirements(
      catalogs['4-2'],
      { kind: 'asset', componentType: a.componentType, roles: a.roles },
      null,
      all,
    ))
      respond({ kind: 'asset', id: a.id }, r.id, result(), null);
  for (const r of applicableRequirements(catalogs['2-1'], { kind: 'organisation' }, null)) {
    const na = rand() < 0.05;
    respond(
      { kind: 'organisation' },
      r.id,
      na ? 'not-applicable' : 'met',
      na ? null : (Math.floor(rand() * 5) as MaturityLevel),
    );
  }

  const failed = responses.filter((r) => r.result === 'not-met' || r.result === 'partially-met');
  const conduitMet = responses.filter((r) => r.scope.kind === 'conduit');
  const compensatingControls: CompensatingControl[] = Array.from(
    { length: Math.min(opts.controls ?? 0, failed.length) },
    (_, i) => {
      const covered = failed[Math.floor(rand() * failed.length)];
      const by =
        conduitMet.length && rand() < 0.5 ? conduitMet[Math.floor(rand() * conduitMet.length)] : null;
      return {
        id: `CC-${String(i).padStart(4, '0')}`,
        description: 'Isolated behind the zone firewall',
        kind: 'isolation',
        covers: [{ scope: covered.scope, requirement: covered.requirement }],
        implementedBy: by && { scope: by.scope, requirement: by.requirement },
        owner: '',
        evidence: [],
        reviewDue: rand() < 0.1 ? '2026-01-01' : null,
      };
    },
  );

  return {
    assessment: {
      id: uuid(rand),
      title: 'Generated plant',
      organisation: 'Generated Water Authority',
      site: 'Plant',
      assessors: [{ name: 'Generator' }],
      createdAt: '2026-11-26T08:00:00Z',
      status: 'in-progress',
      catalogs: [catalogs['2-1'].id, catalogs['3-3'].id, catalogs['4-2'].id],
      smsTargetMaturity: 3,
      scopeStatement: '',
      startDate: null,
      endDate: null,
    },
    zones,
    conduits,
    assets,
    responses,
    compensatingControls,
    findings: [],
    gapTracking: [],
  };
}
