import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { useDialogAction } from './useDialogAction';

interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** 'danger' for what deletes or removes; 'primary' for a plain go-ahead. */
  tone?: 'danger' | 'primary';
  /** What the dialog still needs (a reason typed, a choice made) before it can go ahead. */
  disabled?: boolean;
  onClose: () => void;
  /** Does the work; a throw keeps the dialog open with the handler's sentence. */
  onConfirm: () => Promise<unknown>;
  children: ReactNode;
}

/** A question before an action: what will happen, Cancel, and the action's own button. */
export function ConfirmDialog({
  title,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'danger',
  disabled,
  onClose,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  const { busy, error, run } = useDialogAction(onConfirm);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {cancelLabel}
          </button>
          <button
            type="button"
            className={`btn ${tone}`}
            disabled={disabled || busy}
            onClick={() => void run()}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      {children}
      <ErrorBanner message={error} />
    </Dialog>
  );
}
