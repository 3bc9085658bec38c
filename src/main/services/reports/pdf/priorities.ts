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
  const grouped = new Map<string, { p: Priority; scopes: string[] }>();
  for (const g of input.score.gaps) {
    const key = `${g.catalogId}|${g.requirement}|${g.severity}`;
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
      });
  }
  const gaps = [...grouped.values()].map(({ p, scopes }) => ({
    ...p,
    where: scopes.length === 1 ? scopes[0] : `${scopes.length} scopes, e.g. ${scopes.slice(0, 2).join(', ')}`,
    scopeCount: scopes.length,
  }));
  const bySeverity = <T extends Priority>(list: T[], weight: (x: T) => number) =>
    [...list].sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || weight(b) - weight(a));
  const sortedFindings = bySeverity(findings, () => 0);
  const sortedGaps = bySeverity(gaps, (g) => g.scopeCount);
  const merged: Priority[] = [];
  while (merged.length < n && (sortedFindings.length || sortedGaps.length)) {
    const f = sortedFindings[0];
    const g = sortedGaps[0];
    const takeFinding = f && (!g || severityRank(f.severity) <= severityRank(g.severity));
    merged.push(takeFinding ? sortedFindings.shift()! : sortedGaps.shift()!);
  }
  return merged.map(({ severity, title, where, requirement }) => ({ severity, title, where, requirement }));
}
