import type { ReactNode } from 'react';
import { type ModalActions, ModalFooter } from './ModalFooter';
import { useDiscardGuard } from './useDiscardGuard';
import { useModal } from './useModal';

/** A side panel on <dialog>: modal, so focus stays inside and Escape closes it, like Dialog. */
export function Drawer({
  title,
  children,
  actions,
  onClose,
  error,
  dirty = false,
}: {
  title: string;
  children: ReactNode;
  actions: ModalActions;
  onClose: () => void;
  /** What went wrong with the last action, shown right above the buttons. */
  error?: string;
  /** Unsaved edits: Escape, Cancel and ✕ ask before discarding them. */
  dirty?: boolean;
}) {
  const guard = useDiscardGuard(dirty, onClose);
  const { ref, titleId, onCancel } = useModal(guard.requestClose);
  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId} onCancel={onCancel}>
      <div className="drawer-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn ghost small" onClick={guard.requestClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="drawer-body">{children}</div>
      <ModalFooter className="drawer-actions" error={error} actions={actions} guard={guard} />
    </dialog>
  );
}
