import { useState } from 'react';

/**
 * Closing a form with unsaved edits asks first (Escape, Cancel and the close button alike); a form
 * with nothing changed closes at once. Escape while asking goes back to the form.
 */
export function useDiscardGuard(dirty: boolean, onClose: () => void) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (!dirty) onClose();
    else setAsking((a) => !a);
  };
  return { asking, requestClose, keepEditing: () => setAsking(false), discard: onClose };
}
