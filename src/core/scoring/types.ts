import type { ResponseResult, Scope, Severity, SlVector, Spe } from '../domain';

export interface ZoneScore {
  id: string;
  slTarget: SlVector;
  /** From the zone's own 3-3 answers. */
  slSystem: SlVector;
  /** Minimum over the zone's assets; null for a zone without assets. */
  slComponents: SlVector | null;
  /** Minimum of system and components. */
  slAchieved: SlVector;
  gap: SlVector;
}

export interface ConduitScore {
  id: string;
  slTarget: SlVector;
  slAchieved: SlVector;
  gap: SlVector;
}

export interface AssetScore {
  id: string;
  zone: string;
  /** The SL-T of the asset's zone. */
  slTarget: SlVector;
  slAchieved: SlVector;
  gap: SlVector;
}

export interface OrganisationScore {
  targetMaturity: number;
  /** Lowest maturity of the SPE's requirements; null when all of them are not applicable. */
  maturity: Record<Spe, number | null>;
}

/** One row of the gap register: a requirement that applies at the target and is not satisfied. */
export interface GapItem {
  /** Stable across exports of the same assessment: derived from scope and requirement. */
  gapId: string;
  scope: Scope;
  scopeName: string;
  /** The zone the scope belongs to (a zone itself, an asset's zone); null for organisation and conduits. */
  zoneId: string | null;
  catalogId: string;
  requirement: string;
  title: string;
  /** FR1..FR7, or the SPE for 2-1. */
  fr: string;
  /** Lowest SL (or, for 2-1, the target ML) at which the requirement is required. */
  requiredFrom: number;
  /** SL-T of the scope for this FR (target ML for 2-1). */
  target: number;
  /** 'unanswered' when there is no response yet. */
  result: ResponseResult | 'unanswered';
  maturity: number | null;
  compensatingControl: string;
  comment: string;
  evidence: string[];
  severity: Severity;
}

export interface Progress {
  answered: number;
  total: number;
}

export interface AssessmentScore {
  assessment: string;
  zones: ZoneScore[];
  conduits: ConduitScore[];
  assets: AssetScore[];
  organisation: OrganisationScore;
  gapCount: { zones: number; conduits: number; assets: number; organisation: number };
  gaps: GapItem[];
  /** Keyed by scopeKey(scope); `overall` sums them. */
  progress: Record<string, Progress>;
  overall: Progress;
}
