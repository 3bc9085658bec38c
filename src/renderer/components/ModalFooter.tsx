import type { ReactNode } from 'react';
import { DiscardQuestion } from './DiscardQuestion';
import { ErrorBanner } from './ErrorBanner';
import type { useDiscardGuard } from './useDiscardGuard';

/** Buttons that close the modal get the guarded close, so Cancel asks just as Escape does. */
export type ModalActions = ReactNode | ((requestClose: () => void) => ReactNode);

/**
 * The foot of a dialog or drawer: a failed action's sentence right above the button that ran it,
 * then the buttons, or the question whether to discard unsaved edits.
 */
export function ModalFooter({
  className,
  error,
  actions,
  guard,
}: {
  className: string;
  error?: string;
  actions: ModalActions;
  guard: ReturnType<typeof useDiscardGuard>;
}) {
  return (
    <div className={className}>
      <ErrorBanner message={error} />
      {guard.asking ? (
        <DiscardQuestion onKeep={guard.keepEditing} onDiscard={guard.discard} />
      ) : (
        <div className="modal-buttons">
          {typeof actions === 'function' ? actions(guard.requestClose) : actions}
        </div>
      )}
    </div>
  );
}
