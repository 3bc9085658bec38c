import type { AssessmentStatus } from '../../core/domain';

const LABELS: Record<AssessmentStatus, string> = {
  'in-progress': 'In progress',
  review: 'In review',
  final: 'Final',
};

export function StatusChip({ status }: { status: AssessmentStatus }) {
  return <span className={`chip status-${status}`}>{LABELS[status]}</span>;
}
