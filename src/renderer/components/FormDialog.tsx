import { type ReactNode, useId } from 'react';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { useDialogAction } from './useDialogAction';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  /** Shown on the submit button while `onSubmit` runs (slow work such as key derivation). */
  busyLabel?: string;
  /** The fields are complete and valid. */
  ready: boolean;
  onClose: () => void;
  /** Does the work; a throw keeps the dialog open with the handler's sentence. */
  onSubmit: () => Promise<void>;
  /** A problem the fields already show, displayed instead of the last error. */
  problem?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A dialog holding one form: Cancel and a submit button, Enter submits, errors shown in place. */
export function FormDialog({
  title,
  submitLabel,
  busyLabel,
  ready,
  onClose,
  onSubmit,
  problem,
  wide,
  children,
}: FormDialogProps) {
  const formId = useId();
  const { busy, error, run: submit } = useDialogAction(onSubmit);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn primary" disabled={!ready || busy}>
            {busy && busyLabel ? busyLabel : submitLabel}
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void submit();
        }}
      >
        {children}
        <ErrorBanner message={problem ?? error} />
      </form>
    </Dialog>
  );
}
