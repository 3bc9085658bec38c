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
}

export interface ChecklistResponse {
  scope: Scope;
  requirement: string;
  result: ResponseResult;
  /** 62443-2-1 questionnaire only. */
  maturity: MaturityLevel | null;
  compensatingControl: string;
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
}

/** Everything the rules need about one assessment. */
export interface AssessmentModel {
  assessment: AssessmentHeader;
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  responses: ChecklistResponse[];
  findings: Finding[];
}
