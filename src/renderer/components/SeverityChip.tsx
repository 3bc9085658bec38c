import type { Severity } from '../../core/domain';

const LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export function SeverityChip({ severity }: { severity: Severity }) {
  return <span className={`chip sev sev-${severity}`}>{LABELS[severity]}</span>;
}

export const SEVERITY_LABELS = LABELS;
