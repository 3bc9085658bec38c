import type { ComponentType } from '../domain';

/** Requirement kinds as the catalogs write them (see resources/catalogs). */
export const REQUIREMENT_KINDS = [
  'SR',
  'RE',
  'CR',
  'CR-placeholder',
  'SAR',
  'EDR',
  'HDR',
  'NDR',
  'element-group',
  'requirement',
] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

export type CatalogPart = '2-1' | '3-3' | '4-2';

export interface CatalogRequirement {
  /** Exactly as the standard writes it: `SR 1.1 RE 1`, `CR 2.1`, `EDR 3.10 RE 1`, `ORG 1.1`. */
  id: string;
  kind: RequirementKind;
  parent: string | null;
  /** FR1..FR7, or the security program element (ORG, CM, ...) for 62443-2-1. */
  fr: string;
  title: string;
  /** Levels at which it is required (cumulative); empty for placeholders and 2-1 items. */
  sl: number[];
  /** 4-2 only: the component types it applies to. */
  componentTypes: ComponentType[];
  guidance: string;
  questions: string[];
  evidence: string[];
  /** Where sources disagree: a short auditor-facing note, shown on the disputed value only. */
  note?: string;
  /** Which value the note is about (rules, edition 2). */
  disputed?: 'sl' | 'title' | 'componentTypes';
  /** Severity points of a gap on this item (domain.md "Severity"): high 3, medium 2, low 1. */
  impact?: RequirementImpact;
  /** One line: what the requirement protects, i.e. why this impact. */
  impactReason?: string;
  /** What the plant's engineers do to close a gap on this item, and how to verify it. */
  recommendation?: string;
  /** 4-2 only: a recommendation worded for one component type, where it differs. */
  recommendationByType?: Partial<Record<ComponentType, string>>;
  /** 3-3 only: the item is asked of conduits (domain.md's list, own convention). */
  conduit?: boolean;
  /** 3-3 only: guidance worded for a conduit, where `conduit` is true. */
  conduitGuidance?: string;
  /** 4-2 only: asked only of an asset with this role (domain.md "Applicability"). */
  condition?: AssetRole;
  /** 4-2 only: the 3-3 SR or SR RE with the same meaning, null where there is none. */
  counterpart?: string | null;
}

export const REQUIREMENT_IMPACTS = ['high', 'medium', 'low'] as const;
export type RequirementImpact = (typeof REQUIREMENT_IMPACTS)[number];

/** Roles that make conditional 4-2 items apply; zoneBoundary and untrustedAccess only for NDR. */
export const ASSET_ROLES = ['zoneBoundary', 'wireless', 'untrustedAccess'] as const;
export type AssetRole = (typeof ASSET_ROLES)[number];

export interface Catalog {
  format: 'zonewalk.catalog/1';
  id: string;
  part: CatalogPart;
  title: string;
  edition: string;
  /** SL for the 3-3 and 4-2 checklists, ML for the 2-1 questionnaire. */
  scale: 'SL' | 'ML';
  notice: string;
  requirements: CatalogRequirement[];
}

/** Is this entry something an auditor answers (not a heading or a placeholder)? */
export function isChecklistItem(r: CatalogRequirement): boolean {
  return r.kind !== 'CR-placeholder' && r.kind !== 'element-group';
}

/** The lowest level at which the requirement is required; Infinity when never. */
export function requiredFrom(r: CatalogRequirement): number {
  return r.sl.length ? Math.min(...r.sl) : Number.POSITIVE_INFINITY;
}
