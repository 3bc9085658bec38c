import type { AssessmentStatus } from '../../core/domain';
import { ASSESSMENT_STATUS_LABELS } from '../../core/labels';

export function StatusChip({ status }: { status: AssessmentStatus }) {
  return <span className={`chip status-${status}`}>{ASSESSMENT_STATUS_LABELS[status]}</span>;
}
