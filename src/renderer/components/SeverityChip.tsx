import type { Severity } from '../../core/domain';
import { SEVERITY_LABELS } from '../../core/labels';

export function SeverityChip({ severity }: { severity: Severity }) {
  return <span className={`chip sev sev-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}
