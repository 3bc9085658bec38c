import { applicableRequirements } from '../catalog/applicability';
import type { Catalog, CatalogPart, CatalogRequirement } from '../catalog/types';
import { COMPONENT_TYPES, type ComponentType, type Scope, scopeKey } from '../domain';
import type { AssessmentModel, ChecklistResponse } from '../model';
import { byId, sortGaps } from './order';
import { scoreOrganisation } from './organisationScope';
import { minSl, slGap } from './slAchieved';
import { type SlScopeResult, scoreSlScope } from './slScope';
import type { AssessmentScore, AssetScore, ConduitScore, Progress, ZoneScore } from './types';

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

/** Every requirement of a zone/conduit checklist and of each component type's, at and above target. */
function checklists(catalogs: ScoringCatalogs) {
  const all = { aboveTarget: true };
  const component = {} as Record<ComponentType, CatalogRequirement[]>;
  for (const componentType of COMPONENT_TYPES)
    component[componentType] = applicableRequirements(
      catalogs['4-2'],
      { kind: 'asset', componentType },
      null,
      all,
    );
  return { system: applicableRequirements(catalogs['3-3'], { kind: 'zone' }, null, all), component };
}

/** A requirement's position in its catalog, for sorting gaps. */
function catalogOrder(catalogs: ScoringCatalogs): (catalogId: string, requirement: string) => number {
  const order = new Map<string, Map<string, number>>();
  for (const part of PARTS)
    order.set(catalogs[part].id, new Map(catalogs[part].requirements.map((r, i) => [r.id, i])));
  return (catalogId, requirement) => order.get(catalogId)?.get(requirement) ?? 0;
}

/**
 * Scores a whole assessment by the rules in docs/scoring.md: SL-A and gap per zone, conduit and
 * asset, 2-1 maturity per SPE, the gap register and progress. Pure and deterministic: the same
 * model gives the same score whatever the order of its arrays (zones, conduits and assets are
 * sorted by id, gaps by severity, scope and catalog order).
 */
export function scoreAssessment(model: AssessmentModel, catalogs: ScoringCatalogs): AssessmentScore {
  for (const part of PARTS)
    if (catalogs[part]?.part !== part)
      throw new Error(`The catalog given for 62443-${part} is ${catalogs[part]?.id ?? 'missing'}.`);
  const responses = indexResponses(model.responses);
  const answersOf = (scope: Scope) => responses.get(scopeKey(scope)) ?? NO_RESPONSES;
  const { system, component } = checklists(catalogs);
  const zoneById = new Map(model.zones.map((z) => [z.id, z]));
  const scored = new Map<string, SlScopeResult>();

  const assets: AssetScore[] = byId(model.assets).map((a) => {
    const zone = zoneById.get(a.zone);
    if (!zone) throw new Error(`Asset ${a.id} belongs to zone ${a.zone}, which does not exist.`);
    const scope: Scope = { kind: 'asset', id: a.id };
    const s = scoreSlScope({
      scope,
      scopeName: a.name,
      zoneId: zone.id,
      catalogId: catalogs['4-2'].id,
      slTarget: zone.slTarget,
      requirements: component[a.componentType],
      responses: answersOf(scope),
    });
    scored.set(scopeKey(scope), s);
    return {
      id: a.id,
      zone: zone.id,
      slTarget: zone.slTarget,
      slAchieved: s.slAchieved,
      gap: slGap(zone.slTarget, s.slAchieved),
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
    });
    scored.set(scopeKey(scope), s);
    const inZone = assetsByZone.get(z.id) ?? [];
    const slComponents = inZone.length ? inZone.map((a) => a.slAchieved).reduce(minSl) : null;
    const slAchieved = slComponents ? minSl(s.slAchieved, slComponents) : s.slAchieved;
    return {
      id: z.id,
      slTarget: z.slTarget,
      slSystem: s.slAchieved,
      slComponents,
      slAchieved,
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
      requirements: system,
      responses: answersOf(scope),
    });
    scored.set(scopeKey(scope), s);
    return { id: c.id, slTarget: c.slTarget, slAchieved: s.slAchieved, gap: slGap(c.slTarget, s.slAchieved) };
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
  const gapsOf = (keys: string[]) => keys.flatMap((k) => scored.get(k)!.gaps);
  for (const key of [...slScopes.zones, ...slScopes.conduits, ...slScopes.assets]) {
    const p = scored.get(key)!.progress;
    progress[key] = p;
    overall.answered += p.answered;
    overall.total += p.total;
  }
  const gaps = {
    zones: gapsOf(slScopes.zones),
    conduits: gapsOf(slScopes.conduits),
    assets: gapsOf(slScopes.assets),
  };
  const orderOf = catalogOrder(catalogs);

  return {
    assessment: model.assessment.id,
    zones,
    conduits,
    assets,
    organisation: organisation.score,
    gapCount: {
      zones: gaps.zones.length,
      conduits: gaps.conduits.length,
      assets: gaps.assets.length,
      organisation: organisation.gaps.length,
    },
    gaps: sortGaps([...organisation.gaps, ...gaps.zones, ...gaps.conduits, ...gaps.assets], (g) =>
      orderOf(g.catalogId, g.requirement),
    ),
    progress,
    overall,
  };
}
