import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { resultForMaturity } from '../../../../core/answers';
import { FR_ABBREV, FR_NAMES, type Fr, SPE_NAMES, type Spe } from '../../../../core/domain';
import type { ChecklistResponse } from '../../../../core/model';
import type { ChecklistItem } from '../../../../shared/contract/checklists';
import { MATURITY_KEYS, RESULT_KEYS } from './answerKeys';
import type { Rating } from './checklistRows';
import type { ResponsePatch } from './useChecklist';

interface AnswerPanelProps {
  item: ChecklistItem;
  response: ChecklistResponse | undefined;
  rating: Rating;
  /** Sets the result (or maturity) and moves on. */
  onAnswer: (patch: ResponsePatch) => void;
  /** Changes a field and stays. */
  onPatch: (patch: ResponsePatch) => void;
  onClear: () => void;
  commentRef: RefObject<HTMLTextAreaElement | null>;
  /** The evidence strip for this answer, once that area provides it. */
  evidenceSlot?: ReactNode;
  /** The evidence strip is folded away by default, so the guidance keeps its room on a laptop screen. */
  evidenceOpen: boolean;
  onToggleEvidence: () => void;
  /** N/A was chosen without a reason: ask for it here, one field, Enter saves. */
  askingWhy: boolean;
  onJustify: (justification: string) => void;
  onCancelWhy: () => void;
  /** A baseline zone SR: N/A is allowed but unusual, so it is questioned (not blocked). */
  baselineItem: boolean;
}

const BASELINE_WARNING =
  'This is a baseline requirement that applies to almost every zone. Check that it really does not apply here before you mark it N/A.';

/** The reason for an N/A answer, asked in place: Enter saves, Escape cancels. */
function JustificationPrompt({
  baselineItem,
  onJustify,
  onCancel,
}: {
  baselineItem: boolean;
  onJustify: (justification: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="na-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onJustify(text.trim());
      }}
    >
      <label>
        <span>Why does it not apply? (required for N/A)</span>
        <input
          ref={ref}
          value={text}
          maxLength={2000}
          placeholder="e.g. No wireless network in this zone (site survey 2026-11)"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              onCancel();
            }
          }}
        />
      </label>
      {baselineItem && (
        <p className="warning small" role="note">
          {BASELINE_WARNING}
        </p>
      )}
      <div className="na-prompt-actions">
        <button type="button" className="btn small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn small primary" disabled={!text.trim()}>
          Mark not applicable
        </button>
      </div>
    </form>
  );
}

function groupName(fr: string): string {
  if (fr in FR_NAMES) return `${fr} ${FR_ABBREV[fr as Fr]} · ${FR_NAMES[fr as Fr]}`;
  if (fr in SPE_NAMES) return `${fr} · ${SPE_NAMES[fr as Spe]}`;
  return fr;
}

function levels(item: ChecklistItem, rating: Rating): string {
  if (rating.kind === 'maturity') return `Rated ML0-ML4 · target ML${rating.target}`;
  const sl = item.requirement.sl;
  if (!sl.length) return 'No security level';
  return `Required from SL ${Math.min(...sl)} (SL ${sl.join(', ')})`;
}

/** The current checklist item: what to look for, then the answer. */
export function AnswerPanel({
  item,
  response,
  rating,
  onAnswer,
  onPatch,
  onClear,
  commentRef,
  evidenceSlot,
  evidenceOpen,
  onToggleEvidence,
  askingWhy,
  onJustify,
  onCancelWhy,
  baselineItem,
}: AnswerPanelProps) {
  const r = item.requirement;
  const saveText = (field: 'comment' | 'justification', value: string) => {
    if (value !== (response?.[field] ?? '')) onPatch({ [field]: value });
  };
  const notApplicable = response?.result === 'not-applicable';
  return (
    <section className="answer-panel" aria-labelledby="answer-title">
      {/* Focusable, so the guidance can be scrolled with the keyboard (its text holds nothing else to focus). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus (WCAG 2.1.1) */}
      <section className="answer-scroll" aria-label={`Guidance for ${r.id}`} tabIndex={0}>
        <p className="muted small answer-group">{groupName(r.fr)}</p>
        <h3 id="answer-title" className="answer-title">
          <span className="mono req-id">{r.id}</span> {r.title}
        </h3>
        <p className="small answer-levels">
          {levels(item, rating)}
          {!item.atTarget && <span className="chip above-chip">Above target</span>}
        </p>
        {r.guidance && (
          <>
            <h4>Our guidance</h4>
            <p className="guidance">{r.guidance}</p>
          </>
        )}
        {r.questions.length > 0 && (
          <>
            <h4>Questions to ask</h4>
            <ul>
              {r.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </>
        )}
        {r.evidence.length > 0 && (
          <>
            <h4>Evidence to look for</h4>
            <ul>
              {r.evidence.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </>
        )}
        {r.note && <p className="muted small">{r.note}</p>}
        {item.licensedText && (
          <details className="answer-licensed" open>
            <summary>Licensed text of the standard</summary>
            <p>{item.licensedText}</p>
          </details>
        )}
      </section>

      <div className="answer-bar">
        {rating.kind === 'result' ? (
          <fieldset className="answer-buttons">
            <legend className="sr-only">Result for {r.id}</legend>
            {RESULT_KEYS.map((k) => (
              <button
                key={k.result}
                type="button"
                className={`answer-btn a-${k.result}`}
                aria-pressed={response?.result === k.result}
                aria-keyshortcuts={k.key}
                onClick={() => onAnswer({ result: k.result })}
              >
                <kbd>{k.key}</kbd>
                <span>{k.label}</span>
              </button>
            ))}
          </fieldset>
        ) : (
          <fieldset className="answer-buttons maturity">
            <legend className="sr-only">Maturity for {r.id}</legend>
            {MATURITY_KEYS.map((k) => {
              const pressed =
                k.maturity === null
                  ? response?.result === 'not-applicable'
                  : response?.result !== 'not-applicable' && response?.maturity === k.maturity;
              const tone =
                k.maturity === null ? 'not-applicable' : resultForMaturity(k.maturity, rating.target);
              return (
                <button
                  key={k.key}
                  type="button"
                  className={`answer-btn a-${tone}`}
                  aria-pressed={pressed}
                  aria-keyshortcuts={k.key}
                  title={k.hint}
                  onClick={() =>
                    onAnswer(
                      k.maturity === null
                        ? { maturity: null, result: 'not-applicable' }
                        : { maturity: k.maturity, result: tone },
                    )
                  }
                >
                  <kbd>{k.key}</kbd>
                  <span>{k.label}</span>
                  <span className="answer-hint">{k.hint}</span>
                </button>
              );
            })}
          </fieldset>
        )}
        {askingWhy && (
          <JustificationPrompt
            key={`why-${r.id}`}
            baselineItem={baselineItem}
            onJustify={onJustify}
            onCancel={onCancelWhy}
          />
        )}
        {notApplicable && baselineItem && !askingWhy && (
          <p className="warning small" role="note">
            {BASELINE_WARNING}
          </p>
        )}
        <div className={rating.kind === 'result' ? 'answer-fields' : 'answer-fields single'} key={r.id}>
          <label>
            <span>
              Comment <kbd>c</kbd>
            </span>
            <textarea
              ref={commentRef}
              rows={2}
              maxLength={20000}
              defaultValue={response?.comment ?? ''}
              onBlur={(e) => saveText('comment', e.target.value)}
              placeholder="What you saw, who you asked"
            />
          </label>
          {notApplicable && (
            <label>
              <span>Justification (why it does not apply)</span>
              <textarea
                rows={2}
                maxLength={20000}
                defaultValue={response?.justification ?? ''}
                onBlur={(e) => saveText('justification', e.target.value)}
              />
            </label>
          )}
        </div>
        <div className="answer-actions">
          <button
            type="button"
            className={response?.flagged ? 'btn small flag on' : 'btn small flag'}
            aria-pressed={Boolean(response?.flagged)}
            aria-keyshortcuts="f"
            onClick={() => onPatch({ flagged: !response?.flagged })}
          >
            <span aria-hidden="true">⚑</span> Flag for review <kbd>f</kbd>
          </button>
          {response && (
            <button type="button" className="btn small ghost" onClick={onClear}>
              Clear answer
            </button>
          )}
          <button
            type="button"
            className="btn small evidence-toggle"
            aria-expanded={evidenceOpen}
            aria-controls="answer-evidence"
            aria-keyshortcuts="e"
            onClick={onToggleEvidence}
          >
            {/* An answer carries its evidence count; before the first answer only the strip knows it. */}
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path
                d="M10.5 4.5 5.8 9.2a1.3 1.3 0 0 0 1.8 1.8l5-5a2.6 2.6 0 0 0-3.7-3.7l-5 5a3.9 3.9 0 0 0 5.5 5.5l4.2-4.2"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.5"
                strokeLinecap="round"
              />
            </svg>{' '}
            Evidence{response ? ` (${response.evidence.length})` : ''} <kbd>e</kbd>
          </button>
        </div>
        {/* The evidence strip of this answer: capture and linked items (src/renderer/components/evidence). */}
        {evidenceOpen && (
          <div id="answer-evidence" className="evidence-slot">
            {evidenceSlot}
          </div>
        )}
      </div>
    </section>
  );
}
