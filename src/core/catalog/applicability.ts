import type { ComponentType, Fr, SlVector } from '../domain';
import { type Catalog, type CatalogRequirement, isChecklistItem, requiredFrom } from './types';

export type ApplicabilityScope =
  | { kind: 'organisation' }
  | { kind: 'zone' }
  | { kind: 'conduit' }
  | { kind: 'asset'; componentType: ComponentType };

/** Which catalog part a scope is assessed against. */
export function catalogPartFor(scope: ApplicabilityScope['kind']): Catalog['part'] {
  return scope === 'organisation' ? '2-1' : scope === 'asset' ? '4-2' : '3-3';
}

/** Does the requirement belong to this kind of scope at all (ignoring the level)? */
export function inScope(r: CatalogRequirement, scope: ApplicabilityScope): boolean {
  if (!isChecklistItem(r)) return false;
  if (scope.kind === 'asset') return r.componentTypes.includes(scope.componentType);
  return true;
}

/**
 * The checklist for a scope: requirements whose lowest required SL is at most the target for their
 * FR (domain.md). The 2-1 questionnaire has no SL: every requirement applies. With `aboveTarget`, the
 * scope's other requirements are included too (in catalog order, so an RE stays under its SR), so
 * the auditor can also record what is in place beyond SL-T.
 */
export function applicableRequirements(
  catalog: Catalog,
  scope: ApplicabilityScope,
  slTarget: SlVector | null,
  opts: { aboveTarget?: boolean } = {},
): CatalogRequirement[] {
  // A zone judged against 4-2 would get every component type's requirements: a caller bug, not a rule.
  if (catalogPartFor(scope.kind) !== catalog.part)
    throw new Error(
      `A ${scope.kind} is assessed against 62443-${catalogPartFor(scope.kind)}, not ${catalog.id}`,
    );
  const out: CatalogRequirement[] = [];
  for (const r of catalog.requirements) {
    if (!inScope(r, scope)) continue;
    if (catalog.scale === 'ML' || opts.aboveTarget || isRequiredAt(r, slTarget)) out.push(r);
  }
  return out;
}

export function isRequiredAt(r: CatalogRequirement, slTarget: SlVector | null): boolean {
  if (!slTarget) return false;
  const target = slTarget[r.fr as Fr];
  return target !== undefined && requiredFrom(r) <= target;
}
