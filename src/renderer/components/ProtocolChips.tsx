import { useId, useState } from 'react';

/** Protocols as removable chips; Enter or a comma adds what was typed. */
export function ProtocolChips({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const id = useId();
  const add = () => {
    const names = draft
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s && !value.includes(s));
    if (names.length) onChange([...value, ...names].slice(0, 50));
    setDraft('');
  };
  return (
    <div className="chips-field">
      <label htmlFor={id}>Protocols</label>
      <div className="chips-box">
        {value.map((p) => (
          <span key={p} className="chip proto-chip">
            {p}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${p}`}
              onClick={() => onChange(value.filter((x) => x !== p))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={id}
          value={draft}
          maxLength={200}
          placeholder={value.length ? 'Add another' : 'e.g. Modbus/TCP, OPC UA'}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={add}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ',') {
              e.preventDefault();
              add();
            } else if (e.key === 'Backspace' && !draft && value.length) {
              onChange(value.slice(0, -1));
            }
          }}
        />
      </div>
    </div>
  );
}
