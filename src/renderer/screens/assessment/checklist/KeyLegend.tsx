import { MATURITY_KEYS, RESULT_KEYS } from './answerKeys';
import type { Rating } from './checklistRows';

/** The walk's keys, always in sight under the checklist. */
export function KeyLegend({ rating }: { rating: Rating }) {
  const answers =
    rating.kind === 'result'
      ? RESULT_KEYS.map((k) => [k.key, k.label] as const)
      : MATURITY_KEYS.map((k) => [k.key, k.label] as const);
  const others = [
    ['j / k', 'next / previous'],
    ['c', 'comment'],
    ['f', 'flag'],
    ['e', 'evidence'],
    ['/', 'search'],
    ['Esc', 'leave a field'],
  ] as const;
  return (
    <p className="key-legend small">
      <span className="sr-only">Keyboard shortcuts:</span>
      {[...answers, ...others].map(([key, label]) => (
        <span key={key}>
          <kbd>{key}</kbd> {label}
        </span>
      ))}
      <span className="muted">· answering moves to the next item</span>
    </p>
  );
}
