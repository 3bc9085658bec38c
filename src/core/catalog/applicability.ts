import { type ComponentType, FRS, type Fr, type SecurityLevel, type SlVector } from '../domain';
import {
  type AssetRole,
  type Catalog,
  type CatalogRequirement,
  isChecklistItem,
  requiredFrom,
} from './types';

export type ApplicabilityScope =
  | { kind: 'organisation' }
  | { kind: 'zone' }
  | { kind: 'conduit' }
  | { kind: 'asset'; componentType: ComponentType; roles?: readonly AssetRole[] };

/** Which catalog part a scope is assessed against. */
export function catalogPartFor(scope: ApplicabilityScope['kind']): Catalog['part'] {
  return scope === 'organisation' ? '2-1' : scope === 'asset' ? '4-2' : '3-3';
}

/**
 * Does the catalog say which 3-3 items concern conduits? A catalog that predates edition 2 marks
 * none, and then a conduit keeps the whole 3-3 checklist, as before edition 2 (docs/scoring.md).
 */
export function marksConduitItems(catalog: Catalog): boolean {
  return catalog.requirements.some((r) => r.conduit !== undefined);
}

/**
 * Does the requirement belong to this kind of scope at all (ignoring the level)? An asset's
 * conditional items need its role; a conduit's items are the 3-3 items the catalog marks `conduit`
 * (`conduitMarks` false: every item, see marksConduitItems).
 */
export function inScope(r: CatalogRequirement, scope: ApplicabilityScope, conduitMarks = false): boolean {
  if (!isChecklistItem(r)) return false;
  if (scope.kind === 'asset')
    return (
      r.componentTypes.includes(scope.componentType) &&
      (r.condition === undefined || (scope.roles ?? []).includes(r.condition))
    );
  if (scope.kind === 'conduit') return !conduitMarks || r.conduit === true;
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
  const conduitMarks = scope.kind === 'conduit' && marksConduitItems(catalog);
  const out: CatalogRequirement[] = [];
  for (const r of catalog.requirements) {
    if (!inScope(r, scope, conduitMarks)) continue;
    if (catalog.scale === 'ML' || opts.aboveTarget || isRequiredAt(r, slTarget)) out.push(r);
  }
  return out;
}

export function isRequiredAt(r: CatalogRequirement, slTarget: SlVector | null): boolean {
  if (!slTarget) return false;
  const target = slTarget[r.fr as Fr];
  return target !== undefined && requiredFrom(r) <= target;
}

/** Roles only a network device can hold (domain.md): a boundary or untrusted-access device. */
const NETWORK_DEVICE_ROLES: readonly AssetRole[] = ['zoneBoundary', 'untrustedAccess'];

/** Why an asset of this type cannot hold one of these roles, or null when it can. */
export function roleProblem(componentType: ComponentType, roles: readonly AssetRole[]): string | null {
  const wrong = roles.find((r) => NETWORK_DEVICE_ROLES.includes(r) && componentType !== 'NDR');
  return wrong
    ? `the role ${wrong} belongs to network devices only, and this asset is a ${componentType}`
    : null;
}

/**
 * The target an asset is checked against (domain.md): its zone's SL-T; for a zone-boundary device,
 * per FR the highest of that and the SL-T of every conduit ending in its zone.
 */
export function assetSlTarget(
  roles: readonly AssetRole[],
  zoneTarget: SlVector,
  conduitTargets: readonly SlVector[],
): SlVector {
  if (!roles.includes('zoneBoundary')) return zoneTarget;
  const out = { ...zoneTarget };
  for (const t of conduitTargets) for (const fr of FRS) out[fr] = Math.max(out[fr], t[fr]) as SecurityLevel;
  return out;
}
