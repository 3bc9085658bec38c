import {
  type AssessmentStatus,
  type FindingStatus,
  FRS,
  MATURITY_NAMES,
  type MaturityLevel,
  RESULT_LABELS,
  type Scope,
  type ScopeKind,
  SEVERITIES,
  type Severity,
  type SlVector,
} from '../../../core/domain';
import type { AssessmentModel, CertificateScheme, ControlKind, EvidenceMeta } from '../../../core/model';
import type { ControlState, GapItem, OpenQuestion } from '../../../core/scoring/types';
import type { GapTracking, ReportInput } from './reportInput';

// Words and orderings both outputs share, so the register and the report never disagree.

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  resolved: 'Resolved',
  accepted: 'Accepted',
};

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  'in-progress': 'In progress (draft)',
  review: 'In review',
  final: 'Final',
};

export const SCOPE_KIND_LABELS: Record<ScopeKind, string> = {
  organisation: 'Organisation',
  zone: 'Zone',
  conduit: 'Conduit',
  asset: 'Asset',
};

export const CONTROL_KIND_LABELS: Record<ControlKind, string> = {
  isolation: 'Isolation',
  filtering: 'Filtering',
  monitoring: 'Monitoring',
  procedure: 'Procedure',
  physical: 'Physical',
  other: 'Other',
};

/** "Active" for a control that counts; the others say why it does not (or not fully). */
export const CONTROL_STATE_LABELS: Record<ControlState, string> = {
  working: 'Active',
  broken: 'Broken',
  expired: 'Expired',
  unverified: 'Unverified',
  inactive: 'Inactive',
};

export const OPEN_REASON_LABELS: Record<OpenQuestion['reason'], string> = {
  unanswered: 'Not answered',
  'not-assessed': 'Not assessed (parked)',
  'justification-missing': 'Not applicable without a justification',
};

export const CERTIFICATE_SCHEME_LABELS: Record<CertificateScheme, string> = {
  'isasecure-csa': 'ISASecure CSA',
  'isasecure-edsa': 'ISASecure EDSA',
  'iecee-62443-4-2': 'IECEE IEC 62443-4-2',
  other: 'Certificate',
};

export const SCOPE_KINDS: readonly ScopeKind[] = ['zone', 'conduit', 'asset', 'organisation'];

export { severityRank } from '../../../core/scoring/severity';

export function scopeName(model: AssessmentModel, scope: Scope | null): string {
  if (!scope) return '';
  switch (scope.kind) {
    case 'organisation':
      return model.assessment.organisation || 'Organisation';
    case 'zone':
      return model.zones.find((z) => z.id === scope.id)?.name ?? scope.id;
    case 'conduit':
      return model.conduits.find((c) => c.id === scope.id)?.name ?? scope.id;
    case 'asset':
      return model.assets.find((a) => a.id === scope.id)?.name ?? scope.id;
  }
}

export function zoneName(model: AssessmentModel, zoneId: string | null): string {
  if (!zoneId) return '';
  return model.zones.find((z) => z.id === zoneId)?.name ?? zoneId;
}

/** `IEC 62443-3-3` for a catalog id, so engineers can filter by the standard's part. */
export function catalogLabel(input: Pick<ReportInput, 'catalogVersions'>, catalogId: string): string {
  const v = input.catalogVersions.find((c) => c.catalogId === catalogId);
  return v ? `IEC 62443-${v.part}` : catalogId;
}

export function resultLabel(gap: GapItem): string {
  if (gap.scale === 'ML' && gap.maturity !== null)
    return `ML ${gap.maturity} (${MATURITY_NAMES[gap.maturity as MaturityLevel]}), target ML ${gap.target}`;
  return RESULT_LABELS[gap.result];
}

/** The auditor's recommendation when one was written, else a short plain default. */
export function gapRecommendation(gap: GapItem, tracking: GapTracking): string {
  if (tracking.recommendation.trim()) return tracking.recommendation;
  if (gap.scale === 'ML') {
    const ml = Math.min(4, Math.max(0, gap.target)) as MaturityLevel;
    return `Raise this practice to ML ${ml} (${MATURITY_NAMES[ml]}).`;
  }
  if (gap.result === 'partially-met')
    return `Complete the partial implementation so it fully meets SL ${gap.target}, or record a compensating control.`;
  return `Implement this requirement (needed from SL ${gap.requiredFrom}) or record a compensating control.`;
}

export function vectorText(v: SlVector | null): string {
  return v ? FRS.map((fr) => v[fr]).join(',') : '';
}

export type SeverityCounts = Record<Severity, Record<ScopeKind | 'findings', number>>;

/** Derived gaps by severity and scope kind, plus manual findings by severity. */
export function severityCounts(input: Pick<ReportInput, 'score' | 'model'>): SeverityCounts {
  const counts = Object.fromEntries(
    SEVERITIES.map((s) => [s, { zone: 0, conduit: 0, asset: 0, organisation: 0, findings: 0 }]),
  ) as SeverityCounts;
  for (const g of input.score.gaps) counts[g.severity][g.scope.kind]++;
  for (const f of input.model.findings) counts[f.severity].findings++;
  return counts;
}

export function totalOf(row: Record<string, number>): number {
  return Object.values(row).reduce((a, b) => a + b, 0);
}

/** Which answers and findings each evidence file supports, in words. */
export function evidenceLinks(model: AssessmentModel): Map<string, string[]> {
  const links = new Map<string, string[]>();
  const add = (sha: string, what: string) => {
    const list = links.get(sha) ?? [];
    list.push(what);
    links.set(sha, list);
  };
  for (const r of model.responses)
    for (const sha of r.evidence) add(sha, `${scopeName(model, r.scope)}: ${r.requirement}`);
  for (const f of model.findings) for (const sha of f.evidence) add(sha, `Finding: ${f.title}`);
  return links;
}

export function evidenceNames(evidence: EvidenceMeta[]): Map<string, string> {
  return new Map(evidence.map((e) => [e.sha256, e.fileName]));
}

export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** A calendar date (YYYY-MM-DD) as midnight UTC, which Excel shows as that same day. */
export function calendarDate(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A timestamp as a Date for Excel, or the raw text when it does not parse (never an invalid date). */
export function timestamp(iso: string): Date | string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d;
}

export function assessorNames(model: AssessmentModel): string {
  return model.assessment.assessors.map((a) => a.name).join(', ');
}

export function periodText(start: string | null, end: string | null): string {
  if (start && end) return start === end ? start : `${start} to ${end}`;
  return start ?? end ?? 'not recorded';
}
