import type { Severity } from '../../../../core/domain';
import type { ReportInput } from '../reportInput';
import { resultLabel, scopeName, severityRank } from '../reportText';

export interface Priority {
  severity: Severity;
  title: string;
  where: string;
  requirement: string | null;
}

/**
 * What to fix first: the auditor's own findings lead (they carry judgement), then derived gaps, each
 * by severity. Gaps on the same requirement in several scopes count once, naming how many scopes.
 */
export function topPriorities(input: ReportInput, n = 3): Priority[] {
  const open = input.model.findings.filter((f) => f.status !== 'resolved' && f.status !== 'accepted');
  const findings: Priority[] = open.map((f) => ({
    severity: f.severity,
    title: f.title,
    where: scopeName(input.model, f.scope),
    requirement: f.requirement,
  }));
  // At the same severity, more severity points first (domain.md "Severity").
  const grouped = new Map<string, { p: Priority; scopes: string[]; points: number }>();
  for (const g of input.score.gaps) {
    const key = `${g.catalogId}|${g.requirement}|${g.severity}|${g.result}`;
    const entry = grouped.get(key);
    if (entry) entry.scopes.push(g.scopeName);
    else
      grouped.set(key, {
        p: {
          severity: g.severity,
          title: `${g.title} (${resultLabel(g).toLowerCase()})`,
          where: '',
          requirement: g.requirement,
        },
        scopes: [g.scopeName],
        points: g.points,
      });
  }
  const gaps = [...grouped.values()]
    .map(({ p, scopes, points }) => ({
      ...p,
      where:
        scopes.length === 1 ? scopes[0] : `${scopes.length} scopes, e.g. ${scopes.slice(0, 2).join(', ')}`,
      scopeCount: scopes.length,
      points,
    }))
    .sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        b.points - a.points ||
        b.scopeCount - a.scopeCount,
    );
  const sortedFindings = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const sortedGaps = gaps;
  const merged: Priority[] = [];
  while (merged.length < n && (sortedFindings.length || sortedGaps.length)) {
    const f = sortedFindings[0];
    const g = sortedGaps[0];
    const takeFinding = f && (!g || severityRank(f.severity) <= severityRank(g.severity));
    merged.push(takeFinding ? sortedFindings.shift()! : sortedGaps.shift()!);
  }
  return merged.map(({ severity, title, where, requirement }) => ({ severity, title, where, requirement }));
}
