// The vocabulary shared by every layer: foundational requirements, levels, scopes and answers.

export const FRS = ['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7'] as const;
export type Fr = (typeof FRS)[number];

export const FR_NAMES: Record<Fr, string> = {
  FR1: 'Identification and authentication control',
  FR2: 'Use control',
  FR3: 'System integrity',
  FR4: 'Data confidentiality',
  FR5: 'Restricted data flow',
  FR6: 'Timely response to events',
  FR7: 'Resource availability',
};

export const FR_ABBREV: Record<Fr, string> = {
  FR1: 'IAC',
  FR2: 'UC',
  FR3: 'SI',
  FR4: 'DC',
  FR5: 'RDF',
  FR6: 'TRE',
  FR7: 'RA',
};

/** A security level 0..4. */
export type SecurityLevel = 0 | 1 | 2 | 3 | 4;
export const SECURITY_LEVELS: readonly SecurityLevel[] = [0, 1, 2, 3, 4];

/** A security level per foundational requirement, e.g. SL-T = (2,2,2,1,3,1,2). */
export type SlVector = Record<Fr, SecurityLevel>;

export function uniformSl(level: SecurityLevel): SlVector {
  return { FR1: level, FR2: level, FR3: level, FR4: level, FR5: level, FR6: level, FR7: level };
}

/** The same vector with exactly the seven FRs, in order: what JSON output and storage print. */
export function orderedSl(v: SlVector): SlVector {
  return { FR1: v.FR1, FR2: v.FR2, FR3: v.FR3, FR4: v.FR4, FR5: v.FR5, FR6: v.FR6, FR7: v.FR7 };
}

export const COMPONENT_TYPES = ['SAR', 'EDR', 'HDR', 'NDR'] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

export const COMPONENT_TYPE_NAMES: Record<ComponentType, string> = {
  SAR: 'Software application',
  EDR: 'Embedded device',
  HDR: 'Host device',
  NDR: 'Network device',
};

/** 62443-2-1:2024 security program elements, in the standard's order. */
export const SPES = ['ORG', 'CM', 'NET', 'COMP', 'DATA', 'USER', 'EVENT', 'AVAIL'] as const;
export type Spe = (typeof SPES)[number];

export const SPE_NAMES: Record<Spe, string> = {
  ORG: 'Organizational security measures',
  CM: 'Configuration management',
  NET: 'Network and communications security',
  COMP: 'Component security',
  DATA: 'Protection of data',
  USER: 'User access control',
  EVENT: 'Event and incident management',
  AVAIL: 'System integrity and availability',
};

/** Maturity level 0..4 (0 = not implemented, 1 Initial, 2 Managed, 3 Defined, 4 Improving). */
export type MaturityLevel = 0 | 1 | 2 | 3 | 4;
export const MATURITY_NAMES: Record<MaturityLevel, string> = {
  0: 'Not implemented',
  1: 'Initial',
  2: 'Managed',
  3: 'Defined',
  4: 'Improving',
};

export const RESULTS = ['met', 'partially-met', 'not-met', 'not-applicable', 'not-assessed'] as const;
export type ResponseResult = (typeof RESULTS)[number];

export const RESULT_LABELS: Record<ResponseResult, string> = {
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
  'not-assessed': 'Not assessed',
};

export const ASSESSMENT_STATUSES = ['in-progress', 'review', 'final'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export type ScopeKind = 'organisation' | 'zone' | 'conduit' | 'asset';
export type Scope =
  | { kind: 'organisation' }
  | { kind: 'zone'; id: string }
  | { kind: 'conduit'; id: string }
  | { kind: 'asset'; id: string };

export function scopeKey(scope: Scope): string {
  return scope.kind === 'organisation' ? 'organisation' : `${scope.kind}:${scope.id}`;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_STATUSES = ['open', 'in-progress', 'resolved', 'accepted'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Identifies one answer (scope + requirement), e.g. for evidence links: `zone:z1|SR 1.1`. */
export function responseKey(scope: Scope, requirement: string): string {
  return `${scopeKey(scope)}|${requirement}`;
}
