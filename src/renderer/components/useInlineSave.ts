import { useState } from 'react';
import { failureMessage } from '../api';

/**
 * Forms without a Save button: each field saves on its own. Tells which field was saved last, or
 * which could not be saved and why ("Due date could not be saved: …").
 */
export function useInlineSave(onSaved: () => void) {
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const save = async (run: () => Promise<unknown>, what: string) => {
    try {
      await run();
      setError(undefined);
      setStatus(`${what} saved`);
      onSaved();
    } catch (e) {
      setStatus(undefined);
      setError(failureMessage(`${what} could not be saved`, e));
    }
  };
  return { error, status, save };
}
