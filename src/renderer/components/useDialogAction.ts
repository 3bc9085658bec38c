import { useState } from 'react';
import { failureMessage } from '../api';

/**
 * A dialog's one action, run once at a time. Success leaves it busy, since the caller closes the
 * dialog; a throw ends the run with a sentence to show ("<failure>: <the handler's reason>"), and
 * the dialog stays open.
 */
export function useDialogAction(action: () => Promise<unknown>, failure: string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(failureMessage(failure, e));
      setBusy(false);
    }
  };
  return { busy, error, run };
}
