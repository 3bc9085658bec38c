import type { CatalogRequirement } from '../catalog/types';
import type { ComponentType } from '../domain';

/**
 * What the plant's engineers are told to do about a gap on `req`: the catalog's wording for the
 * asset's component type where it has one, else the requirement's own; empty when the catalog
 * gives none (a custom catalog), so the caller can fall back.
 */
export function catalogRecommendation(
  req: Pick<CatalogRequirement, 'recommendation' | 'recommendationByType'> | undefined,
  componentType: ComponentType | null,
): string {
  if (!req) return '';
  const byType = componentType ? req.recommendationByType?.[componentType] : undefined;
  return (byType ?? req.recommendation ?? '').trim();
}
