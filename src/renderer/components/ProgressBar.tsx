/** answered/total as a bar with the numbers beside it; the numbers are what a screen reader gets. */
export function ProgressBar({
  answered,
  total,
  label,
  compact,
}: {
  answered: number;
  total: number;
  label: string;
  compact?: boolean;
}) {
  const pct = total ? Math.round((answered / total) * 100) : 0;
  return (
    <div className={compact ? 'progress compact' : 'progress'}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={`${answered} of ${total} answered`}
      >
        <div className="progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text small">
        {answered}/{total}
        {!compact && <span className="muted"> answered</span>}
      </span>
    </div>
  );
}
