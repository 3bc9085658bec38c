// A second, independent reading of domain.md "Rules, edition 2", written from the text alone: it
// imports no scoring code (only the model's types), and it computes every level the slow way, by
// trying L = 4, 3, 2, 1, 0 and checking every item at or below L. The property test compares it with
// what `zonewalk score --json` prints.

import type { Catalog, CatalogRequirement } from '../../src/core/catalog/types';
import type { Scope } from '../../src/core/domain';
import type { AssessmentModel, ChecklistResponse, CompensatingControl } from '../../src/core/model';

type Vec = Record<string, number>;
const FR_LIST = ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7'];
const SPE_LIST = ['ORG', 'CM', 'NET', 'COMP', 'DATA', 'USER', 'EVENT', 'AVAIL'];

export interface OracleScore {
  zones: {
    id: string;
    slSystem: Vec;
    slComponents: Vec | null;
    slAchieved: Vec;
    slAchievedUpper: Vec;
    gap: Vec;
  }[];
  conduits: { id: string; slAchieved: Vec; slAchievedUpper: Vec; gap: Vec }[];
  assets: {
    id: string;
    slTarget: Vec;
    slAchieved: Vec;
    slAchievedUpper: Vec;
    slCapability: Vec;
    gap: Vec;
  }[];
  maturity: Record<string, number | null>;
  maturityUpper: Record<string, number | null>;
  gapCount: { organisation: number; zones: number; conduits: number; assets: number };
  openCount: { organisation: number; zones: number; conduits: number; assets: number };
}

const key = (s: Scope, req: string) => `${s.kind}/${'id' in s ? s.id : ''}/${req}`;
const lowest = (r: CatalogRequirement) => (r.sl.length ? Math.min(...r.sl) : 99);
const answered = (r: ChecklistResponse | undefined) =>
  !!r && r.result !== 'not-assessed' && !(r.result === 'not-applicable' && r.justification.trim() === '');
const native = (r: ChecklistResponse | undefined) =>
  answered(r) && (r!.result === 'met' || r!.result === 'not-applicable');

/** domain.md "Levels": the highest L such that every item of the FR at level <= L satisfies pred. */
function levelVec<T>(
  items: T[],
  frOf: (t: T) => string,
  levelOf: (t: T) => number,
  ok: (t: T) => boolean,
): Vec {
  const out: Vec = {};
  for (const fr of FR_LIST) {
    let best = 0;
    for (let L = 4; L >= 0; L--) {
      if (items.every((t) => frOf(t) !== fr || levelOf(t) > L || ok(t))) {
        best = L;
        break;
      }
    }
    out[fr] = best;
  }
  return out;
}

const minVec = (a: Vec, b: Vec): Vec => Object.fromEntries(FR_LIST.map((fr) => [fr, Math.min(a[fr], b[fr])]));
const gapVec = (t: Vec, a: Vec): Vec =>
  Object.fromEntries(FR_LIST.map((fr) => [fr, Math.max(0, t[fr] - a[fr])]));

export function oracleScore(
  model: AssessmentModel,
  catalogs: { '2-1': Catalog; '3-3': Catalog; '4-2': Catalog },
): OracleScore {
  const answers = new Map<string, ChecklistResponse>();
  for (const r of model.responses) answers.set(key(r.scope, r.requirement), r);
  const refDay = model.assessment.endDate ?? model.assessment.createdAt.slice(0, 10);

  // a control counts unless broken (its implementing item is not answered `met`) or expired
  const working = (c: CompensatingControl) => {
    if (
      c.implementedBy &&
      answers.get(key(c.implementedBy.scope, c.implementedBy.requirement))?.result !== 'met'
    )
      return false;
    if (c.reviewDue && c.reviewDue < refDay) return false;
    return true;
  };
  const coveredByWorking = new Set<string>();
  for (const c of model.compensatingControls)
    if (working(c)) for (const ref of c.covers) coveredByWorking.add(key(ref.scope, ref.requirement));

  const items33 = catalogs['3-3'].requirements.filter(
    (r) =>
      r.kind !== 'CR-placeholder' && r.kind !== 'element-group' && lowest(r) <= 4 && FR_LIST.includes(r.fr),
  );
  const anyConduitMark = catalogs['3-3'].requirements.some((r) => r.conduit !== undefined);
  const conduitItems = items33.filter((r) => !anyConduitMark || r.conduit === true);
  const level33 = new Map(items33.map((r) => [r.id, lowest(r)]));

  interface Judged {
    r: CatalogRequirement;
    level: number;
    zoneLevel: number;
    applicable: boolean;
    open: boolean;
    native: boolean;
    sat: boolean;
  }
  const judge = (scope: Scope, reqs: CatalogRequirement[], T: Vec): Judged[] =>
    reqs.map((r) => {
      const a = answers.get(key(scope, r.id));
      const applicable = lowest(r) <= T[r.fr];
      const isNative = native(a);
      const compensated =
        applicable &&
        !!a &&
        (a.result === 'partially-met' || a.result === 'not-met') &&
        coveredByWorking.has(key(scope, r.id));
      const cp = r.counterpart ? level33.get(r.counterpart) : undefined;
      return {
        r,
        level: lowest(r),
        zoneLevel: cp === undefined ? lowest(r) : Math.max(lowest(r), cp),
        applicable,
        open: applicable && !answered(a),
        native: isNative,
        sat: isNative || compensated,
      };
    });
  const gapsOf = (js: Judged[]) => js.filter((j) => j.applicable && !j.open && !j.sat).length;
  const openOf = (js: Judged[]) => js.filter((j) => j.open).length;
  const sl = (js: Judged[], upper: boolean, zoneLevel = false) =>
    levelVec(
      js,
      (j) => j.r.fr,
      (j) => (zoneLevel ? j.zoneLevel : j.level),
      (j) => j.sat || (upper && j.open),
    );

  const counts = {
    gap: { organisation: 0, zones: 0, conduits: 0, assets: 0 },
    open: { organisation: 0, zones: 0, conduits: 0, assets: 0 },
  };
  const sortById = <T extends { id: string }>(xs: T[]) =>
    [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const contributions = new Map<string, { low: Vec; high: Vec }[]>();
  const assets = sortById(model.assets).map((a) => {
    const zone = model.zones.find((z) => z.id === a.zone)!;
    const T: Vec = { ...zone.slTarget };
    if (a.roles.includes('zoneBoundary'))
      for (const c of model.conduits)
        if (c.zones.includes(zone.id))
          for (const fr of FR_LIST) T[fr] = Math.max(T[fr], c.slTarget[fr as 'FR1']);
    const reqs = catalogs['4-2'].requirements.filter(
      (r) =>
        r.kind !== 'CR-placeholder' &&
        r.componentTypes.includes(a.componentType) &&
        (!r.condition || a.roles.includes(r.condition)) &&
        lowest(r) <= 4 &&
        FR_LIST.includes(r.fr),
    );
    const js = judge({ kind: 'asset', id: a.id }, reqs, T);
    counts.gap.assets += gapsOf(js);
    counts.open.assets += openOf(js);
    const list = contributions.get(a.zone) ?? [];
    contributions.set(a.zone, list);
    list.push({ low: sl(js, false, true), high: sl(js, true, true) });
    const slAchieved = sl(js, false);
    return {
      id: a.id,
      slTarget: T,
      slAchieved,
      slAchievedUpper: sl(js, true),
      slCapability: levelVec(
        js,
        (j) => j.r.fr,
        (j) => j.level,
        (j) => j.native,
      ),
      gap: gapVec(T, slAchieved),
    };
  });

  const zones = sortById(model.zones).map((z) => {
    const js = judge({ kind: 'zone', id: z.id }, items33, z.slTarget);
    counts.gap.zones += gapsOf(js);
    counts.open.zones += openOf(js);
    const parts = contributions.get(z.id) ?? [];
    const slSystem = sl(js, false);
    const slComponents = parts.length ? parts.map((p) => p.low).reduce(minVec) : null;
    const slAchieved = slComponents ? minVec(slSystem, slComponents) : slSystem;
    return {
      id: z.id,
      slSystem,
      slComponents,
      slAchieved,
      slAchievedUpper: parts.map((p) => p.high).reduce(minVec, sl(js, true)),
      gap: gapVec(z.slTarget, slAchieved),
    };
  });

  const conduits = sortById(model.conduits).map((c) => {
    const js = judge({ kind: 'conduit', id: c.id }, conduitItems, c.slTarget);
    counts.gap.conduits += gapsOf(js);
    counts.open.conduits += openOf(js);
    const slAchieved = sl(js, false);
    return { id: c.id, slAchieved, slAchievedUpper: sl(js, true), gap: gapVec(c.slTarget, slAchieved) };
  });

  // 2-1: ML 0..4 or N/A with justification; the lowest rated, [0, lowest] with unrated ones, N/A only: N/A
  const rated = new Map<string, number[]>();
  const unrated = new Set<string>();
  for (const r of catalogs['2-1'].requirements) {
    if (r.kind === 'element-group' || !SPE_LIST.includes(r.fr)) continue;
    const a = answers.get(key({ kind: 'organisation' }, r.id));
    if (a?.result === 'not-applicable' && a.justification.trim()) continue;
    if (!a || a.result === 'not-assessed' || a.result === 'not-applicable' || a.maturity === null) {
      unrated.add(r.fr);
      counts.open.organisation++;
      continue;
    }
    rated.set(r.fr, [...(rated.get(r.fr) ?? []), a.maturity]);
    if (a.maturity < model.assessment.smsTargetMaturity) counts.gap.organisation++;
  }
  const maturity: Record<string, number | null> = {};
  const maturityUpper: Record<string, number | null> = {};
  for (const spe of SPE_LIST) {
    const ms = rated.get(spe) ?? [];
    if (!ms.length && !unrated.has(spe)) {
      maturity[spe] = null;
      maturityUpper[spe] = null;
      continue;
    }
    const top = ms.length ? Math.min(...ms) : 4;
    maturity[spe] = unrated.has(spe) ? 0 : top;
    maturityUpper[spe] = top;
  }

  return { zones, conduits, assets, maturity, maturityUpper, gapCount: counts.gap, openCount: counts.open };
}
