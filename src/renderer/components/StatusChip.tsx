import type { AssessmentStatus } from '../../core/domain';

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  'in-progress': 'In progress',
  review: 'In review',
  final: 'Final',
};

export function StatusChip({ status }: { status: AssessmentStatus }) {
  return <span className={`chip status-${status}`}>{ASSESSMENT_STATUS_LABELS[status]}</span>;
}
