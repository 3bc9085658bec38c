import type { ReactNode } from 'react';
import { type ModalActions, ModalFooter } from './ModalFooter';
import { useDiscardGuard } from './useDiscardGuard';
import { useModal } from './useModal';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  actions: ModalActions;
  /** Room for wider content such as the seven SL-T selectors. */
  wide?: boolean;
  /** What went wrong with the last action, shown right above the buttons. */
  error?: string;
  /** Unsaved edits: closing asks before discarding them. */
  dirty?: boolean;
}

/** A modal built on <dialog>, so focus trapping and Escape come from the browser. */
export function Dialog({ title, children, onClose, actions, wide, error, dirty = false }: DialogProps) {
  const guard = useDiscardGuard(dirty, onClose);
  const { ref, titleId, onCancel } = useModal(guard.requestClose);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={onCancel}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <ModalFooter className="dialog-actions" error={error} actions={actions} guard={guard} />
    </dialog>
  );
}
