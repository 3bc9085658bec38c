import { RESULT_LABELS } from '../../core/domain';
import type { ChecklistResponse } from '../../core/model';
import type { Rating } from '../screens/assessment/checklist/checklistRows';

const SHORT = {
  met: 'Met',
  'partially-met': 'Partial',
  'not-met': 'Not met',
  'not-applicable': 'N/A',
  'not-assessed': 'Not assessed',
} as const;

/** A status chip in the one colour language: met green, partially amber, not met red, N/A grey, not assessed outlined. */
export function ResultChip({
  response,
  rating,
}: {
  response: ChecklistResponse | undefined;
  rating: Rating;
}) {
  if (!response) {
    return (
      <span className="rchip r-open" title="Not answered yet">
        <span className="sr-only">Not answered</span>
      </span>
    );
  }
  if (rating.kind === 'maturity' && response.result !== 'not-applicable') {
    if (response.maturity === null) return <span className="rchip r-not-assessed">Not assessed</span>;
    const m = response.maturity;
    const cls = m >= rating.target ? 'r-met' : m === 0 ? 'r-not-met' : 'r-partially-met';
    return (
      <span className={`rchip ${cls}`} title={`Maturity ML${m}, target ML${rating.target}`}>
        ML{m}
      </span>
    );
  }
  return (
    <span className={`rchip r-${response.result}`} title={RESULT_LABELS[response.result]}>
      {SHORT[response.result]}
    </span>
  );
}
