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
  note?: string;
}

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
