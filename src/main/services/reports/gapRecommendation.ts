import type { CatalogRequirement } from '../../../core/catalog/types';
import type { ComponentType } from '../../../core/domain';
import { catalogRecommendation } from '../../../core/reports/recommendation';
import type { GapItem } from '../../../core/scoring/types';
import type { GapTracking, ReportInput } from './reportInput';
import { gapRecommendation } from './reportText';

/**
 * The register's Recommendation for a gap row: what the auditor wrote against the gap, else the
 * catalog's recommendation (worded for the asset's component type where the catalog has one), else
 * the short generated default for catalogs without recommendations.
 */
export function recommendationOf(input: ReportInput): (gap: GapItem, tracking: GapTracking) => string {
  const requirements = new Map<string, Map<string, CatalogRequirement>>();
  for (const c of Object.values(input.catalogs))
    requirements.set(c.id, new Map(c.requirements.map((r) => [r.id, r])));
  const componentTypes = new Map<string, ComponentType>(
    input.model.assets.map((a) => [a.id, a.componentType]),
  );
  return (gap, tracking) => {
    if (tracking.recommendation.trim()) return tracking.recommendation;
    const req = requirements.get(gap.catalogId)?.get(gap.requirement);
    const type = gap.scope.kind === 'asset' ? (componentTypes.get(gap.scope.id) ?? null) : null;
    return catalogRecommendation(req, type) || gapRecommendation(gap, tracking);
  };
}
