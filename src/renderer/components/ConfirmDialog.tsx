import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
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
  /** What a failed confirm did not do, e.g. "The asset could not be deleted". */
  failure: string;
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
  failure,
  children,
}: ConfirmDialogProps) {
  const { busy, error, run } = useDialogAction(onConfirm, failure);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      error={error}
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
    </Dialog>
  );
}
