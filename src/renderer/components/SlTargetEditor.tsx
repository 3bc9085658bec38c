import { useId } from 'react';
import {
  FR_ABBREV,
  FR_NAMES,
  FRS,
  SECURITY_LEVELS,
  type SecurityLevel,
  type SlVector,
  uniformSl,
} from '../../core/domain';

/** SL-T as seven small selectors with their FR labels, plus one control that sets all seven. */
export function SlTargetEditor({
  value,
  onChange,
  legend = 'Target security level (SL-T)',
  hint,
}: {
  value: SlVector;
  onChange: (next: SlVector) => void;
  legend?: string;
  hint?: string;
}) {
  const id = useId();
  const levels = FRS.map((fr) => value[fr]);
  const uniform = levels.every((l) => l === levels[0]) ? levels[0] : null;
  return (
    <fieldset className="sl-editor">
      <legend>{legend}</legend>
      {hint && <p className="muted small">{hint}</p>}
      <div className="sl-grid">
        <label className="sl-all" htmlFor={`${id}-all`}>
          <span>One level for all</span>
          <select
            id={`${id}-all`}
            value={uniform === null ? '' : String(uniform)}
            onChange={(e) =>
              e.target.value !== '' && onChange(uniformSl(Number(e.target.value) as SecurityLevel))
            }
          >
            {uniform === null && <option value="">Mixed</option>}
            {SECURITY_LEVELS.map((l) => (
              <option key={l} value={l}>
                SL {l}
              </option>
            ))}
          </select>
        </label>
        {FRS.map((fr) => (
          <label key={fr} className="sl-fr" htmlFor={`${id}-${fr}`} title={FR_NAMES[fr]}>
            <span>
              {fr} <span className="muted">{FR_ABBREV[fr]}</span>
            </span>
            <select
              id={`${id}-${fr}`}
              aria-label={`${fr} ${FR_NAMES[fr]}`}
              value={value[fr]}
              onChange={(e) => onChange({ ...value, [fr]: Number(e.target.value) as SecurityLevel })}
            >
              {SECURITY_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
