import { useEffect, useRef } from 'react';

export function ErrorBanner({
  message,
  onDismiss,
  takeFocus,
}: {
  message?: string;
  onDismiss?: () => void;
  /** Scroll to the banner and focus it when a message appears: for forms that save as you go, where
   * the field that failed may be far from where the banner is. */
  takeFocus?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!takeFocus || !message) return;
    ref.current?.scrollIntoView({ block: 'nearest' });
    ref.current?.focus({ preventScroll: true });
  }, [takeFocus, message]);
  if (!message) return null;
  return (
    <div className="error-banner" role="alert" ref={ref} tabIndex={takeFocus ? -1 : undefined}>
      <span>{message}</span>
      {onDismiss && (
        <button type="button" className="btn ghost small" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
