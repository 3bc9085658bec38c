import { useRef } from 'react';

/** Whether `value` differs from what it was when the form opened: typed edits a close would lose. */
export function useChanged(value: unknown): boolean {
  const first = useRef(JSON.stringify(value));
  return JSON.stringify(value) !== first.current;
}
