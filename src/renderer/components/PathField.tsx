import { useId, useState } from 'react';
import { errorMessage } from '../api';
import { canPick, type PathDialog, pickPath, useDesktop } from '../desktop';
import { ErrorBanner } from './ErrorBanner';

interface PathFieldProps {
  label: string;
  value: string;
  onChange: (path: string) => void;
  /** The native dialog behind Browse…; without one (a browser) the typed field is all there is. */
  dialog: PathDialog;
  placeholder?: string;
  className?: string;
  disabled?: boolean;
}

/** A file or folder path: typed by hand, or chosen with Browse… where the desktop app offers dialogs. */
export function PathField({
  label,
  value,
  onChange,
  dialog,
  placeholder,
  className,
  disabled,
}: PathFieldProps) {
  const id = useId();
  const desktop = useDesktop();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const browse = async () => {
    setError(undefined);
    setBusy(true);
    try {
      const chosen = await pickPath(dialog);
      if (chosen) onChange(chosen);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={className ? `path-field ${className}` : 'path-field'}>
      <label htmlFor={id}>{label}</label>
      <div className="path-field-row">
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          disabled={disabled}
        />
        {canPick(desktop, dialog.kind) && (
          <button
            type="button"
            className="btn"
            aria-label={`${label}: Browse…`}
            disabled={disabled || busy}
            onClick={() => void browse()}
          >
            Browse…
          </button>
        )}
      </div>
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
    </div>
  );
}
