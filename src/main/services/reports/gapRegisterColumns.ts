import { FINDING_STATUSES, SEVERITIES } from '../../../core/domain';
import type { GapItem } from '../../../core/scoring/types';
import { SEVERITY_COLOR } from './colors';
import { recommendationOf } from './gapRecommendation';
import { type GapTracking, type ReportInput, UNTRACKED } from './reportInput';
import {
  calendarDate,
  catalogLabel,
  evidenceNames,
  resultLabel,
  SCOPE_KIND_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  zoneName,
} from './reportText';
import { type Column, filled, STYLE } from './xlsxTable';

export const GAP_REGISTER_SHEET = 'Gap register';

/** The contract with every engineer's filters and the import: exact text, this order. */
export const GAP_REGISTER_HEADERS = [
  'Gap ID',
  'Scope type',
  'Scope',
  'Zone',
  'Catalog',
  'Requirement',
  'Title',
  'FR',
  'Required from SL',
  'SL-T',
  'Result',
  'Compensating control',
  'Comment',
  'Evidence',
  'Severity',
  'Recommendation',
  'Owner',
  'Due date',
  'Status',
] as const;
export type GapRegisterHeader = (typeof GAP_REGISTER_HEADERS)[number];

/** The three columns engineers fill in and the import reads back. */
export const EDITABLE_HEADERS = [
  'Owner',
  'Due date',
  'Status',
] as const satisfies readonly GapRegisterHeader[];

export const SEVERITY_CHOICES = SEVERITIES.map((s) => SEVERITY_LABELS[s]);
export const STATUS_CHOICES = FINDING_STATUSES.map((s) => STATUS_LABELS[s]);

interface GapRow {
  gap: GapItem;
  tracking: GapTracking;
}

const severityStyles = Object.fromEntries(
  SEVERITIES.map((s) => [s, filled(SEVERITY_COLOR[s].fill, SEVERITY_COLOR[s].text)]),
);

export function gapRows(input: ReportInput): Iterable<GapRow> {
  const { tracking } = input;
  return (function* () {
    for (const gap of input.score.gaps) yield { gap, tracking: tracking.get(gap.gapId) ?? UNTRACKED };
  })();
}

export function gapColumns(input: ReportInput): Column<GapRow>[] {
  const names = evidenceNames(input.evidence);
  const recommend = recommendationOf(input);
  const byHeader: Record<GapRegisterHeader, Omit<Column<GapRow>, 'header'>> = {
    'Gap ID': { width: 22, value: (r) => r.gap.gapId, style: STYLE.mono },
    'Scope type': { width: 13, value: (r) => SCOPE_KIND_LABELS[r.gap.scope.kind], style: STYLE.nowrap },
    Scope: { width: 24, value: (r) => r.gap.scopeName },
    Zone: { width: 20, value: (r) => zoneName(input.model, r.gap.zoneId) },
    Catalog: { width: 15, value: (r) => catalogLabel(input, r.gap.catalogId), style: STYLE.nowrap },
    Requirement: { width: 15, value: (r) => r.gap.requirement, style: STYLE.nowrap },
    Title: { width: 40, value: (r) => r.gap.title },
    FR: { width: 8, value: (r) => r.gap.fr, style: STYLE.number },
    // 2-1 rows are measured in ML: their target is in the Result column, never under an SL heading
    'Required from SL': { width: 11, value: (r) => r.gap.requiredFrom ?? '', style: STYLE.number },
    'SL-T': { width: 7, value: (r) => (r.gap.scale === 'SL' ? r.gap.target : ''), style: STYLE.number },
    Result: { width: 16, value: (r) => resultLabel(r.gap), style: STYLE.nowrap },
    'Compensating control': {
      width: 30,
      value: (r) => r.gap.controls.map((c) => `${c.description} (${c.state})`).join('; '),
    },
    Comment: { width: 40, value: (r) => r.gap.comment },
    Evidence: { width: 28, value: (r) => r.gap.evidence.map((sha) => names.get(sha) ?? sha).join('; ') },
    Severity: {
      width: 11,
      value: (r) => SEVERITY_LABELS[r.gap.severity],
      style: (r) => severityStyles[r.gap.severity],
    },
    Recommendation: { width: 44, value: (r) => recommend(r.gap, r.tracking) },
    Owner: { width: 20, value: (r) => r.tracking.owner },
    'Due date': { width: 12, value: (r) => calendarDate(r.tracking.due), style: STYLE.date },
    Status: { width: 13, value: (r) => STATUS_LABELS[r.tracking.status], style: STYLE.nowrap },
  };
  return GAP_REGISTER_HEADERS.map((header) => ({ header, ...byHeader[header] }));
}
