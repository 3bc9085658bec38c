import type { ResponseResult, Scope, Severity, SlVector, Spe } from '../domain';
import type { ItemRef } from '../model';

export interface ZoneScore {
  id: string;
  slTarget: SlVector;
  /** From the zone's own 3-3 answers. */
  slSystem: SlVector;
  /** Minimum of its assets' contributions (4-2 items at their zone level); null without assets. */
  slComponents: SlVector | null;
  /** Minimum of system and components. */
  slAchieved: SlVector;
  /** The same with every open item taken as satisfied; equal to slAchieved when nothing is open. */
  slAchievedUpper: SlVector;
  gap: SlVector;
}

export interface ConduitScore {
  id: string;
  slTarget: SlVector;
  slAchieved: SlVector;
  slAchievedUpper: SlVector;
  gap: SlVector;
}

/** "Certified capability not in effect" or a firmware version the certificate does not cover. */
export type CertificateIssue =
  | { kind: 'not-in-effect'; certificate: string; fr: string; requirement: string }
  | { kind: 'firmware'; certificate: string; firmware: string };

export interface AssetScore {
  id: string;
  zone: string;
  /** Its zone's SL-T; for a zone-boundary device raised to the SL-T of the zone's conduits. */
  slTarget: SlVector;
  /** Its 4-2 items at their 4-2 levels, compensating controls counted. */
  slAchieved: SlVector;
  slAchievedUpper: SlVector;
  /** Native results only: the capability observed in the audited configuration. */
  slCapability: SlVector;
  /** What it gives its zone: its 4-2 items at their zone level. */
  slContribution: SlVector;
  slContributionUpper: SlVector;
  gap: SlVector;
  certificateIssues: CertificateIssue[];
}

export interface OrganisationScore {
  targetMaturity: number;
  /** Lowest maturity of the SPE's rated requirements, 0 while any is unrated; null when all are N/A. */
  maturity: Record<Spe, number | null>;
  /** The lowest over the rated requirements only: the top of the range while questions are open. */
  maturityUpper: Record<Spe, number | null>;
}

/** How a control stands (domain.md "Satisfied"), worst first. */
export type ControlState = 'broken' | 'expired' | 'inactive' | 'unverified' | 'working';

export interface ControlStatus {
  id: string;
  description: string;
  state: ControlState;
  /** Covered items that do not apply at the current SL-T or roles. */
  inactive: ItemRef[];
  /** Covered items it makes satisfied for SL-A. */
  counted: ItemRef[];
}

/** A control named on a gap row, with its state. */
export interface GapControl {
  id: string;
  description: string;
  state: ControlState;
}

/** One row of the gap register: an applicable item that is answered and not satisfied for SL-A. */
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
  /** 2-1 rows come from the maturity questionnaire and are measured in ML, the others in SL. */
  scale: 'SL' | 'ML';
  /** SL rows: lowest SL at which the requirement is required (4-2 level for assets); ML rows: null. */
  requiredFrom: number | null;
  /** SL-T of the scope for this FR, or the target ML for 2-1 rows. */
  target: number;
  result: ResponseResult;
  maturity: number | null;
  /** Controls covering this item, whatever their state (none of them counts, or it would be no gap). */
  controls: GapControl[];
  comment: string;
  evidence: string[];
  /** Severity points (domain.md "Severity"). */
  points: number;
  severity: Severity;
}

/** An applicable item nobody has answered yet: counted and listed apart from gaps, no severity. */
export interface OpenQuestion {
  scope: Scope;
  scopeName: string;
  zoneId: string | null;
  catalogId: string;
  requirement: string;
  title: string;
  fr: string;
  /** Why it is open: no answer, parked, or an N/A that arrived without its justification. */
  reason: 'unanswered' | 'not-assessed' | 'justification-missing';
}

export interface Progress {
  answered: number;
  total: number;
}

export interface ScopeCounts {
  organisation: number;
  zones: number;
  conduits: number;
  assets: number;
}

export interface AssessmentScore {
  assessment: string;
  zones: ZoneScore[];
  conduits: ConduitScore[];
  assets: AssetScore[];
  organisation: OrganisationScore;
  gapCount: ScopeCounts;
  openCount: ScopeCounts;
  gaps: GapItem[];
  openQuestions: OpenQuestion[];
  controls: ControlStatus[];
  /** Keyed by scopeKey(scope); `overall` sums them. */
  progress: Record<string, Progress>;
  overall: Progress;
}
