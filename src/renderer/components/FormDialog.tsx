import { type ReactNode, useId } from 'react';
import { Dialog } from './Dialog';
import { useDialogAction } from './useDialogAction';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  /** Shown on the submit button while `onSubmit` runs (slow work such as key derivation). */
  busyLabel?: string;
  /** The fields are complete and valid. */
  ready: boolean;
  /** Something was typed or chosen: closing asks before discarding it. */
  dirty: boolean;
  onClose: () => void;
  /** Does the work; a throw keeps the dialog open with the handler's sentence. */
  onSubmit: () => Promise<void>;
  /** What a failed submit did not do, e.g. "The zone could not be added". */
  failure: string;
  /** A problem the fields already show, displayed instead of the last error. */
  problem?: string;
  wide?: boolean;
  children: ReactNode;
}

/** A dialog holding one form: Cancel and a submit button, Enter submits, errors beside the buttons. */
export function FormDialog({
  title,
  submitLabel,
  busyLabel,
  ready,
  dirty,
  onClose,
  onSubmit,
  failure,
  problem,
  wide,
  children,
}: FormDialogProps) {
  const formId = useId();
  const { busy, error, run: submit } = useDialogAction(onSubmit, failure);
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      error={problem ?? error}
      // Once submitted, the edits are on their way to the disk: nothing left to discard.
      dirty={dirty && !busy}
      actions={(requestClose) => (
        <>
          <button type="button" className="btn" onClick={requestClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="btn primary" disabled={!ready || busy}>
            {busy && busyLabel ? busyLabel : submitLabel}
          </button>
        </>
      )}
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
      </form>
    </Dialog>
  );
}
