import { applicableRequirements, assetSlTarget } from '../catalog/applicability';
import { type Catalog, type CatalogPart, type CatalogRequirement, requiredFrom } from '../catalog/types';
import { FRS, type Scope, type SlVector, scopeKey } from '../domain';
import type { AssessmentModel, Asset, ChecklistResponse } from '../model';
import { controlReferenceDate, indexControls } from './controls';
import { levelWhere, minSl, slGap } from './level';
import { byId, sortGaps, sortOpenQuestions } from './order';
import { scoreOrganisation } from './organisationScope';
import { type JudgedItem, type SlScopeResult, scoreSlScope } from './slScope';
import type {
  AssessmentScore,
  AssetScore,
  CertificateIssue,
  ConduitScore,
  Progress,
  ScopeCounts,
  ZoneScore,
} from './types';

export type ScoringCatalogs = Record<CatalogPart, Catalog>;

const PARTS = ['2-1', '3-3', '4-2'] as const;
const NO_RESPONSES: ReadonlyMap<string, ChecklistResponse> = new Map();

/** Responses by scope key, then requirement id; a later duplicate replaces an earlier one. */
function indexResponses(
  responses: readonly ChecklistResponse[],
): Map<string, Map<string, ChecklistResponse>> {
  const out = new Map<string, Map<string, ChecklistResponse>>();
  for (const r of responses) {
    const key = scopeKey(r.scope);
    const m = out.get(key) ?? new Map<string, ChecklistResponse>();
    out.set(key, m);
    m.set(r.requirement, r);
  }
  return out;
}

/** A requirement's position in its catalog, for sorting gaps. */
function catalogOrder(catalogs: ScoringCatalogs): (catalogId: string, requirement: string) => number {
  const order = new Map<string, Map<string, number>>();
  for (const part of PARTS)
    order.set(catalogs[part].id, new Map(catalogs[part].requirements.map((r, i) => [r.id, i])));
  return (catalogId, requirement) => order.get(catalogId)?.get(requirement) ?? 0;
}

/** The 4-2 items an asset can be asked at any level: cached per component type and roles. */
function assetChecklists(catalog: Catalog) {
  const cache = new Map<string, CatalogRequirement[]>();
  return (a: Asset) => {
    const key = `${a.componentType}|${[...a.roles].sort().join(',')}`;
    let list = cache.get(key);
    if (!list) {
      list = applicableRequirements(
        catalog,
        { kind: 'asset', componentType: a.componentType, roles: a.roles },
        null,
        { aboveTarget: true },
      );
      cache.set(key, list);
    }
    return list;
  };
}

/**
 * Certificates (domain.md): where a claimed SL-C exceeds the observed one, the answered items at or
 * below the claimed level that are not natively satisfied; a firmware the certificate does not list.
 */
function certificateIssues(
  a: Asset,
  items: readonly JudgedItem[],
  slCapability: SlVector,
): CertificateIssue[] {
  const out: CertificateIssue[] = [];
  for (const c of a.certificates) {
    for (const fr of FRS) {
      if (c.slCapability[fr] <= slCapability[fr]) continue;
      for (const i of items)
        if (i.fr === fr && i.level <= c.slCapability[fr] && !i.native && isAnswered(i))
          out.push({ kind: 'not-in-effect', certificate: c.number, fr, requirement: i.r.id });
    }
    if (!c.firmware.includes(a.firmware))
      out.push({ kind: 'firmware', certificate: c.number, firmware: a.firmware });
  }
  return out;
}

const isAnswered = (i: JudgedItem) =>
  i.response !== undefined &&
  i.response.result !== 'not-assessed' &&
  (i.response.result !== 'not-applicable' || i.response.justification.trim() !== '');

/**
 * Scores a whole assessment by domain.md's "Rules, edition 2" (docs/scoring.md): SL-A with its
 * upper bound per zone, conduit and asset, SL-C per asset, 2-1 maturity per SPE, gap rows, open
 * questions, the state of every compensating control, and progress. Pure and deterministic: the
 * same model gives the same score whatever the order of its arrays.
 */
export function scoreAssessment(model: AssessmentModel, catalogs: ScoringCatalogs): AssessmentScore {
  for (const part of PARTS)
    if (catalogs[part]?.part !== part)
      throw new Error(`The catalog given for 62443-${part} is ${catalogs[part]?.id ?? 'missing'}.`);
  const responses = indexResponses(model.responses);
  const answersOf = (scope: Scope) => responses.get(scopeKey(scope)) ?? NO_RESPONSES;
  const answerByKey = (key: string) => {
    const bar = key.lastIndexOf('|');
    return responses.get(key.slice(0, bar))?.get(key.slice(bar + 1));
  };
  const controls = indexControls(
    model.compensatingControls,
    answerByKey,
    controlReferenceDate(model.assessment),
  );
  const system = applicableRequirements(catalogs['3-3'], { kind: 'zone' }, null, { aboveTarget: true });
  const conduitItems = applicableRequirements(catalogs['3-3'], { kind: 'conduit' }, null, {
    aboveTarget: true,
  });
  const systemLevel = new Map(system.map((r) => [r.id, requiredFrom(r)]));
  const counterpartLevel = (r: CatalogRequirement) =>
    r.counterpart ? systemLevel.get(r.counterpart) : undefined;
  const componentItems = assetChecklists(catalogs['4-2']);
  const zoneById = new Map(model.zones.map((z) => [z.id, z]));
  const scored = new Map<string, SlScopeResult>();

  const assets: AssetScore[] = byId(model.assets).map((a) => {
    const zone = zoneById.get(a.zone);
    if (!zone) throw new Error(`Asset ${a.id} belongs to zone ${a.zone}, which does not exist.`);
    const scope: Scope = { kind: 'asset', id: a.id };
    const slTarget = assetSlTarget(
      a.roles,
      zone.slTarget,
      model.conduits.filter((c) => c.zones.includes(zone.id)).map((c) => c.slTarget),
    );
    const s = scoreSlScope({
      scope,
      scopeName: a.name,
      zoneId: zone.id,
      catalogId: catalogs['4-2'].id,
      slTarget,
      requirements: componentItems(a),
      responses: answersOf(scope),
      controls,
      counterpartLevel,
    });
    scored.set(scopeKey(scope), s);
    const slCapability = levelWhere(
      s.items,
      (i) => i.level,
      (i) => i.native,
    );
    return {
      id: a.id,
      zone: zone.id,
      slTarget,
      slAchieved: s.slAchieved,
      slAchievedUpper: s.slAchievedUpper,
      slCapability,
      slContribution: levelWhere(
        s.items,
        (i) => i.zoneLevel,
        (i) => i.satisfied,
      ),
      slContributionUpper: levelWhere(
        s.items,
        (i) => i.zoneLevel,
        (i) => i.satisfied || i.open,
      ),
      gap: slGap(slTarget, s.slAchieved),
      certificateIssues: certificateIssues(a, s.items, slCapability),
    };
  });
  const assetsByZone = new Map<string, AssetScore[]>();
  for (const a of assets) {
    const list = assetsByZone.get(a.zone) ?? [];
    assetsByZone.set(a.zone, list);
    list.push(a);
  }

  const zones: ZoneScore[] = byId(model.zones).map((z) => {
    const scope: Scope = { kind: 'zone', id: z.id };
    const s = scoreSlScope({
      scope,
      scopeName: z.name,
      zoneId: z.id,
      catalogId: catalogs['3-3'].id,
      slTarget: z.slTarget,
      requirements: system,
      responses: answersOf(scope),
      controls,
    });
    scored.set(scopeKey(scope), s);
    const inZone = assetsByZone.get(z.id) ?? [];
    const slComponents = inZone.length ? inZone.map((a) => a.slContribution).reduce(minSl) : null;
    const upper = inZone.map((a) => a.slContributionUpper).reduce(minSl, s.slAchievedUpper);
    const slAchieved = slComponents ? minSl(s.slAchieved, slComponents) : s.slAchieved;
    return {
      id: z.id,
      slTarget: z.slTarget,
      slSystem: s.slAchieved,
      slComponents,
      slAchieved,
      slAchievedUpper: upper,
      gap: slGap(z.slTarget, slAchieved),
    };
  });

  const conduits: ConduitScore[] = byId(model.conduits).map((c) => {
    const scope: Scope = { kind: 'conduit', id: c.id };
    const s = scoreSlScope({
      scope,
      scopeName: c.name,
      zoneId: null,
      catalogId: catalogs['3-3'].id,
      slTarget: c.slTarget,
      requirements: conduitItems,
      responses: answersOf(scope),
      controls,
    });
    scored.set(scopeKey(scope), s);
    return {
      id: c.id,
      slTarget: c.slTarget,
      slAchieved: s.slAchieved,
      slAchievedUpper: s.slAchievedUpper,
      gap: slGap(c.slTarget, s.slAchieved),
    };
  });

  const organisation = scoreOrganisation(
    catalogs['2-1'],
    model.assessment.organisation || 'Organisation',
    model.assessment.smsTargetMaturity,
    answersOf({ kind: 'organisation' }),
  );

  // sidebar order (organisation, zones, conduits, assets), so the record serialises the same every time
  const keysOf = (kind: 'zone' | 'conduit' | 'asset', list: { id: string }[]) =>
    list.map(({ id }) => scopeKey({ kind, id }));
  const slScopes = {
    zones: keysOf('zone', zones),
    conduits: keysOf('conduit', conduits),
    assets: keysOf('asset', assets),
  };
  const progress: Record<string, Progress> = { organisation: organisation.progress };
  const overall: Progress = { ...organisation.progress };
  const judged = new Map<string, JudgedItem>();
  for (const key of [...slScopes.zones, ...slScopes.conduits, ...slScopes.assets]) {
    const s = scored.get(key)!;
    progress[key] = s.progress;
    overall.answered += s.progress.answered;
    overall.total += s.progress.total;
    for (const i of s.items) judged.set(i.key, i);
  }
  const gapsOf = (keys: string[]) => keys.flatMap((key) => scored.get(key)!.gaps);
  const openOf = (keys: string[]) => keys.flatMap((key) => scored.get(key)!.open);
  const gaps = {
    zones: gapsOf(slScopes.zones),
    conduits: gapsOf(slScopes.conduits),
    assets: gapsOf(slScopes.assets),
  };
  const open = {
    zones: openOf(slScopes.zones),
    conduits: openOf(slScopes.conduits),
    assets: openOf(slScopes.assets),
  };
  const counts = (g: typeof gaps | typeof open, org: number): ScopeCounts => ({
    organisation: org,
    zones: g.zones.length,
    conduits: g.conduits.length,
    assets: g.assets.length,
  });
  const orderOf = catalogOrder(catalogs);

  return {
    assessment: model.assessment.id,
    zones,
    conduits,
    assets,
    organisation: organisation.score,
    gapCount: counts(gaps, organisation.gaps.length),
    openCount: counts(open, organisation.open.length),
    gaps: sortGaps([...organisation.gaps, ...gaps.zones, ...gaps.conduits, ...gaps.assets], (g) =>
      orderOf(g.catalogId, g.requirement),
    ),
    openQuestions: sortOpenQuestions(
      [...organisation.open, ...open.zones, ...open.conduits, ...open.assets],
      (q) => orderOf(q.catalogId, q.requirement),
    ),
    controls: byId(
      controls.statuses(
        (key) => judged.get(key)?.applicable ?? false,
        (key) => judged.get(key)?.byControl ?? false,
      ),
    ),
    progress,
    overall,
  };
}
