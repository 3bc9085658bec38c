import type { ReactNode } from 'react';
import { useModal } from './useModal';

/** A side panel on <dialog>: modal, so focus stays inside and Escape closes it, like Dialog. */
export function Drawer({
  title,
  children,
  actions,
  onClose,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
}) {
  const { ref, titleId, onCancel } = useModal(onClose);
  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId} onCancel={onCancel}>
      <div className="drawer-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn ghost small" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="drawer-body">{children}</div>
      <div className="drawer-actions">{actions}</div>
    </dialog>
  );
}
