import { useEffect, useId, useRef } from 'react';

/** Takes the place of a form's buttons when closing would lose typed edits. */
export function DiscardQuestion({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  // The safe answer has the focus, so Enter or a second Escape keeps the edits; it reads the question.
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="discard-question">
      <p id={questionId}>Discard your changes? They have not been saved.</p>
      <button type="button" className="btn" ref={keep} onClick={onKeep} aria-describedby={questionId}>
        Keep editing
      </button>
      <button type="button" className="btn danger" onClick={onDiscard}>
        Discard changes
      </button>
    </div>
  );
}
