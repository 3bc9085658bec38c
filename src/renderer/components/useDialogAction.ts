import { useState } from 'react';
import { errorMessage } from '../api';

/**
 * A dialog's one action, run once at a time. Success leaves it busy, since the caller closes the
 * dialog; a throw ends the run with the handler's sentence to show, and the dialog stays open.
 */
export function useDialogAction(action: () => Promise<unknown>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async () => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return { busy, error, run };
}
