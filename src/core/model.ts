import type { AssetRole } from './catalog/types';
import type {
  AssessmentStatus,
  ComponentType,
  FindingStatus,
  MaturityLevel,
  ResponseResult,
  Scope,
  Severity,
  SlVector,
} from './domain';

// The assessment as the rules see it: the same shapes as the interchange format (interchange.md).

export interface Zone {
  id: string;
  name: string;
  description: string;
  slTarget: SlVector;
}

export interface Conduit {
  id: string;
  name: string;
  description: string;
  /** The two zones it connects. */
  zones: [string, string];
  protocols: string[];
  slTarget: SlVector;
}

export interface Asset {
  id: string;
  name: string;
  /** Zone id. */
  zone: string;
  componentType: ComponentType;
  vendor: string;
  model: string;
  firmware: string;
  legacy: boolean;
  /** Roles that make conditional 4-2 items apply (domain.md "Applicability"), sorted. */
  roles: AssetRole[];
  certificates: Certificate[];
  /** YYYY-MM-DD: when the vendor stops supporting it; null when unknown or not announced. */
  endOfLife: string | null;
}

export const CERTIFICATE_SCHEMES = ['isasecure-csa', 'isasecure-edsa', 'iecee-62443-4-2', 'other'] as const;
export type CertificateScheme = (typeof CERTIFICATE_SCHEMES)[number];

/** A product certificate: one may cover many identical assets, so `number` is not an id. */
export interface Certificate {
  scheme: CertificateScheme;
  number: string;
  issuer: string;
  /** The SL-C the certificate claims for the product. */
  slCapability: SlVector;
  /** Firmware versions the certificate covers. */
  firmware: string[];
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD */
  validTo: string;
}

export const CONTROL_KINDS = [
  'isolation',
  'filtering',
  'monitoring',
  'procedure',
  'physical',
  'other',
] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** One answer's place: a scope and a requirement of its catalog. */
export interface ItemRef {
  scope: Scope;
  requirement: string;
}

/** A compensating countermeasure: satisfies the items it covers for SL-A while it works (domain.md). */
export interface CompensatingControl {
  id: string;
  description: string;
  kind: ControlKind;
  covers: ItemRef[];
  /** The item whose native result it relies on (e.g. conduit c1 SR 5.2 RE 1), or null. */
  implementedBy: ItemRef | null;
  owner: string;
  /** SHA-256 of linked evidence files. */
  evidence: string[];
  /** YYYY-MM-DD; past the assessment's end date the control is expired. */
  reviewDue: string | null;
}

/** What the site tracks against a derived gap (gap register round trip). */
export interface GapTrackingEntry {
  gapId: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string | null;
  status: FindingStatus;
}

export interface ChecklistResponse {
  scope: Scope;
  requirement: string;
  result: ResponseResult;
  /** 62443-2-1 questionnaire only. */
  maturity: MaturityLevel | null;
  /** Why the item does not apply; required with `not-applicable`, empty otherwise. */
  justification: string;
  comment: string;
  /** SHA-256 of linked evidence files. */
  evidence: string[];
  flagged: boolean;
  assessedBy: string;
  assessedAt: string;
}

export interface Finding {
  id: string;
  title: string;
  requirement: string | null;
  scope: Scope | null;
  severity: Severity;
  description: string;
  recommendation: string;
  owner: string;
  /** YYYY-MM-DD */
  due: string | null;
  status: FindingStatus;
  evidence: string[];
}

export interface EvidenceMeta {
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  capturedAt: string;
  capturedBy: string;
  description: string;
}

export interface AssessmentHeader {
  id: string;
  title: string;
  organisation: string;
  site: string;
  assessors: { name: string; fingerprint?: string }[];
  createdAt: string;
  status: AssessmentStatus;
  catalogs: string[];
  smsTargetMaturity: number;
  /** What the audit covered and what it left out, in the auditor's words. */
  scopeStatement: string;
  /** YYYY-MM-DD, the first day on site; null until set. */
  startDate: string | null;
  /** YYYY-MM-DD, the last day on site; controls due for review before it are expired. */
  endDate: string | null;
}

/** Everything the rules need about one assessment. */
export interface AssessmentModel {
  assessment: AssessmentHeader;
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  responses: ChecklistResponse[];
  compensatingControls: CompensatingControl[];
  findings: Finding[];
  gapTracking: GapTrackingEntry[];
}
