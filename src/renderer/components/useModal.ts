import { type SyntheticEvent, useEffect, useId, useRef } from 'react';

/**
 * Shows a <dialog> as a modal while mounted, so focus trapping and Escape come from the browser.
 * Escape asks `onClose` instead of closing the element, so the owner's state decides; `titleId` names it.
 */
export function useModal(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  const onCancel = (e: SyntheticEvent) => {
    e.preventDefault();
    onClose();
  };
  return { ref, titleId, onCancel };
}
