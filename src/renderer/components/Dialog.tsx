import type { ReactNode } from 'react';
import { useModal } from './useModal';

interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  actions: ReactNode;
  /** Room for wider content such as the seven SL-T selectors. */
  wide?: boolean;
}

/** A modal built on <dialog>, so focus trapping and Escape come from the browser. */
export function Dialog({ title, children, onClose, actions, wide }: DialogProps) {
  const { ref, titleId, onCancel } = useModal(onClose);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={onCancel}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      <div className="dialog-actions">{actions}</div>
    </dialog>
  );
}
