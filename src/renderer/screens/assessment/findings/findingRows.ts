import { type FindingStatus, type Scope, SEVERITIES, type Severity, scopeKey } from '../../../../core/domain';
import type { Asset, Finding } from '../../../../core/model';
import type { GapItem } from '../../../../core/scoring/types';

// Derived gaps and manual findings in one table: the rows, their filters and their order.

export type FindingRow =
  | { kind: 'gap'; key: string; severity: Severity; gap: GapItem }
  | { kind: 'finding'; key: string; severity: Severity; finding: Finding };

export interface FindingFilters {
  kind: 'all' | 'gap' | 'finding';
  severity: Severity | 'all';
  /** Manual findings by status; derived gaps count as open until answered otherwise. */
  status: FindingStatus | 'all';
  /** '' for every scope, else a scopeKey; a zone's key also takes in its assets. */
  scope: string;
  text: string;
}

export const ALL_FINDINGS: FindingFilters = {
  kind: 'all',
  severity: 'all',
  status: 'all',
  scope: '',
  text: '',
};

export function findingRows(gaps: readonly GapItem[], findings: readonly Finding[]): FindingRow[] {
  const rows: FindingRow[] = [
    ...findings.map(
      (f): FindingRow => ({ kind: 'finding', key: `f:${f.id}`, severity: f.severity, finding: f }),
    ),
    ...gaps.map((g): FindingRow => ({ kind: 'gap', key: `g:${g.gapId}`, severity: g.severity, gap: g })),
  ];
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  // Severity first; within a severity the auditor's own findings before the derived ones.
  return rows.sort(
    (a, b) => rank(a.severity) - rank(b.severity) || (a.kind === b.kind ? 0 : a.kind === 'finding' ? -1 : 1),
  );
}

function inScope(scope: Scope | null, filter: string, assets: readonly Asset[]): boolean {
  if (!filter) return true;
  if (!scope) return false;
  const key = scopeKey(scope);
  if (key === filter) return true;
  // A zone's filter takes in its assets.
  if (filter.startsWith('zone:') && scope.kind === 'asset') {
    return assets.find((a) => a.id === scope.id)?.zone === filter.slice(5);
  }
  return false;
}

export function filterRows(
  rows: readonly FindingRow[],
  f: FindingFilters,
  assets: readonly Asset[],
  scopeName: (s: Scope) => string,
): FindingRow[] {
  const q = f.text.trim().toLowerCase();
  return rows.filter((r) => {
    if (f.kind !== 'all' && r.kind !== f.kind) return false;
    if (f.severity !== 'all' && r.severity !== f.severity) return false;
    const status = r.kind === 'finding' ? r.finding.status : 'open';
    if (f.status !== 'all' && status !== f.status) return false;
    const scope = r.kind === 'finding' ? r.finding.scope : r.gap.scope;
    if (!inScope(scope, f.scope, assets)) return false;
    if (!q) return true;
    const hay =
      r.kind === 'finding'
        ? `${r.finding.title} ${r.finding.requirement ?? ''} ${r.finding.description} ${r.finding.owner} ${scope ? scopeName(scope) : ''}`
        : `${r.gap.title} ${r.gap.requirement} ${r.gap.scopeName} ${r.gap.comment}`;
    return hay.toLowerCase().includes(q);
  });
}
