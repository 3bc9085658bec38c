import {
  type KeyboardEvent as ReactKeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { BASELINE_ZONE_SRS, resultForMaturity } from '../../../../core/answers';
import { FR_ABBREV, FR_NAMES, type Fr, type Scope, SPE_NAMES, type Spe } from '../../../../core/domain';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { EvidenceStrip } from '../../../components/evidence/EvidenceStrip';
import { ProgressBar } from '../../../components/ProgressBar';
import { ResultChip } from '../../../components/ResultChip';
import { VirtualList } from '../../../components/VirtualList';
import { sameScopePage } from '../scopeRoutes';
import { AnswerPanel } from './AnswerPanel';
import { MATURITY_KEYS, RESULT_KEYS } from './answerKeys';
import {
  buildRows,
  type ChecklistFilters,
  checklistProgress,
  NO_FILTERS,
  type Rating,
  step,
} from './checklistRows';
import { KeyLegend } from './KeyLegend';
import { isTyping, isUnmodified } from './keys';
import { type ResponsePatch, useChecklist } from './useChecklist';

const ROW_HEIGHT = 44;

interface ChecklistProps {
  assessmentId: string;
  scope: Scope;
  /** Open at this requirement (from the address or the command palette); a new object re-focuses. */
  focus?: { requirement: string } | null;
  /** Where the current item lives, so a reload lands on it again. */
  addressOf: (requirement: string) => string;
  /** Answers changed the score (debounced by the caller). */
  onSaved: () => void;
  /** Changes when what the list depends on changes (SL-T, component type): the list reloads. */
  reloadKey?: string;
}

function groupLabel(group: string): string {
  if (group in FR_NAMES) return `${group} ${FR_ABBREV[group as Fr]} · ${FR_NAMES[group as Fr]}`;
  if (group in SPE_NAMES) return `${group} · ${SPE_NAMES[group as Spe]}`;
  return group;
}

/** The split view: the requirement list on the left, the current item and its answer on the right. */
export function Checklist({ assessmentId, scope, focus, addressOf, onSaved, reloadKey }: ChecklistProps) {
  const [aboveTarget, setAboveTarget] = useState(false);
  const { checklist, loadedAbove, responses, loadError, saveError, dismissSaveError, answer, clear, reload } =
    useChecklist(assessmentId, scope, aboveTarget, onSaved, reloadKey);
  const [filters, setFilters] = useState<ChecklistFilters>(NO_FILTERS);
  const [currentId, setCurrentId] = useState<string | undefined>(focus?.requirement);
  const [announcement, setAnnouncement] = useState('');
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  const items = checklist?.items ?? [];
  const rating: Rating = useMemo(
    () =>
      checklist && checklist.slTarget === null
        ? { kind: 'maturity', target: checklist.targetMaturity ?? 3 }
        : { kind: 'result' },
    [checklist],
  );
  const indexOf = useMemo(() => new Map(items.map((it, i) => [it.requirement.id, i])), [items]);
  const { rows, visible } = useMemo(
    () => buildRows(items, responses, filters, rating),
    [items, responses, filters, rating],
  );
  const rowOfItem = useMemo(() => {
    const m = new Map<number, number>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r.type === 'item') m.set(r.index, i);
    }
    return m;
  }, [rows]);
  const progress = useMemo(() => checklistProgress(items, responses, rating), [items, responses, rating]);

  // A requested requirement that is not required at the target opens with "above target" on;
  // without a request, the walk starts at the first item not yet answered.
  const wanted = useRef(focus?.requirement);
  useEffect(() => {
    if (!focus) return;
    wanted.current = focus.requirement;
    setCurrentId(focus.requirement);
  }, [focus]);
  useEffect(() => {
    if (!checklist || loadedAbove !== aboveTarget) return;
    if (currentId && indexOf.has(currentId)) return;
    if (currentId && wanted.current === currentId && !aboveTarget) {
      setAboveTarget(true);
      return;
    }
    wanted.current = undefined;
    const first = items.find((it) => !responses.has(it.requirement.id)) ?? items[0];
    if (first) setCurrentId(first.requirement.id);
  }, [checklist, loadedAbove, aboveTarget, currentId, indexOf, items, responses]);

  const currentIndex = currentId !== undefined ? (indexOf.get(currentId) ?? -1) : -1;
  const current = currentIndex >= 0 ? items[currentIndex] : undefined;

  // The address follows the open item (a reload lands on it), but only while it still shows this
  // page: a navigation away may already be under way, and must not be overwritten.
  useEffect(() => {
    if (!current) return;
    const address = addressOf(current.requirement.id);
    if (sameScopePage(window.location.hash, address)) window.history.replaceState(null, '', address);
  }, [current, addressOf]);

  const select = useCallback(
    (index: number) => {
      const it = items[index];
      if (it) setCurrentId(it.requirement.id);
    },
    [items],
  );
  const move = useCallback(
    (delta: 1 | -1) => {
      if (currentIndex < 0) {
        if (visible.length) select(visible[0]);
        return;
      }
      select(step(visible, currentIndex, delta));
    },
    [currentIndex, visible, select],
  );

  // N/A needs a reason (rules, edition 2): without one, ask for it in place before saving.
  const [askingWhy, setAskingWhy] = useState<{ requirement: string; patch: ResponsePatch }>();
  const answerAndNext = useCallback(
    (patch: ResponsePatch, label: string) => {
      if (!current) return;
      const id = current.requirement.id;
      if (
        patch.result === 'not-applicable' &&
        !patch.justification?.trim() &&
        !responses.get(id)?.justification.trim()
      ) {
        setAskingWhy({ requirement: id, patch });
        return;
      }
      setAskingWhy(undefined);
      answer(id, patch);
      setAnnouncement(`${current.requirement.id}: ${label}`);
      move(1);
    },
    [current, responses, answer, move],
  );
  const patchCurrent = useCallback(
    (patch: ResponsePatch) => current && answer(current.requirement.id, patch),
    [current, answer],
  );
  const toggleFlag = useCallback(() => {
    if (!current) return;
    const flagged = !responses.get(current.requirement.id)?.flagged;
    answer(current.requirement.id, { flagged });
    setAnnouncement(`${current.requirement.id}: ${flagged ? 'flagged for review' : 'flag removed'}`);
  }, [current, responses, answer]);

  // The walk's keys, read at document level so they work wherever focus is, except while typing.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  keys.current = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.defaultPrevented || !isUnmodified(e) || target.closest('dialog')) return;
    if (isTyping(target)) {
      if (e.key === 'Escape') {
        e.preventDefault();
        target.blur();
        listRef.current?.focus();
      }
      return;
    }
    if (rating.kind === 'result') {
      const k = RESULT_KEYS.find((x) => x.key === e.key);
      if (k) {
        e.preventDefault();
        answerAndNext({ result: k.result }, k.label);
        return;
      }
    } else {
      const k = MATURITY_KEYS.find((x) => x.key === e.key || (x.maturity === null && e.key === 'n'));
      if (k) {
        e.preventDefault();
        answerAndNext(
          k.maturity === null
            ? { maturity: null, result: 'not-applicable' }
            : { maturity: k.maturity, result: resultForMaturity(k.maturity, rating.target) },
          k.label,
        );
        return;
      }
    }
    const actions: Record<string, () => void> = {
      j: () => move(1),
      k: () => move(-1),
      c: () => commentRef.current?.focus(),
      f: toggleFlag,
      e: () => setEvidenceOpen((v) => !v),
      '/': () => searchRef.current?.focus(),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const toggle = (key: 'unanswered' | 'gaps' | 'flagged') => setFilters((f) => ({ ...f, [key]: !f[key] }));
  const activeRow = currentIndex >= 0 ? rowOfItem.get(currentIndex) : undefined;

  const renderRow = (i: number) => {
    const row = rows[i];
    if (row.type === 'group') {
      return (
        <div className="vgroup" role="presentation">
          <span>{groupLabel(row.group)}</span>
          <span className="muted small">
            {row.answered}/{row.total}
          </span>
        </div>
      );
    }
    const item = items[row.index];
    const response = responses.get(item.requirement.id);
    const selected = row.index === currentIndex;
    return (
      // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox handles the keys for its options
      <div
        id={`req-opt-${row.index}`}
        role="option"
        tabIndex={-1}
        aria-selected={selected}
        className={selected ? 'vitem selected' : 'vitem'}
        onClick={() => select(row.index)}
        data-req={item.requirement.id}
      >
        <span className="mono vid">{item.requirement.id}</span>
        <span className={item.atTarget ? 'vtitle' : 'vtitle above'}>{item.requirement.title}</span>
        {response?.flagged && (
          <span className="vflag" role="img" aria-label="Flagged">
            ⚑
          </span>
        )}
        <ResultChip response={response} rating={rating} />
      </div>
    );
  };

  const onListKey = (e: ReactKeyboardEvent) => {
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = step(visible, currentIndex, 1);
    else if (e.key === 'ArrowUp') next = step(visible, currentIndex, -1);
    else if (e.key === 'Home') next = visible[0];
    else if (e.key === 'End') next = visible[visible.length - 1];
    else return;
    e.preventDefault();
    if (next !== undefined) select(next);
  };

  return (
    <div className="checklist">
      <ErrorBanner message={loadError} />
      <ErrorBanner message={saveError} onDismiss={dismissSaveError} />
      <div className="checklist-toolbar">
        <label className="search">
          <span className="sr-only">Search requirements</span>
          <input
            ref={searchRef}
            className="search-input"
            type="search"
            placeholder="Search id or title  ( / )"
            value={filters.search}
            onChange={(e) => setFilters((f) => ({ ...f, search: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && visible.length) {
                e.preventDefault();
                select(visible[0]);
                listRef.current?.focus();
              }
            }}
          />
        </label>
        <fieldset className="filter-chips">
          <legend className="sr-only">Show only</legend>
          {(
            [
              ['unanswered', 'Unanswered'],
              ['gaps', 'Gaps'],
              ['flagged', 'Flagged'],
            ] as const
          ).map(([key, label]) => (
            <button
              key={key}
              type="button"
              className="filter-chip"
              aria-pressed={filters[key]}
              onClick={() => toggle(key)}
            >
              {label}
            </button>
          ))}
          {rating.kind === 'result' && (
            <button
              type="button"
              className="filter-chip"
              aria-pressed={aboveTarget}
              onClick={() => setAboveTarget((v) => !v)}
              title="Also list requirements above the scope's target level"
            >
              Above target
            </button>
          )}
        </fieldset>
        <ProgressBar label={`Progress of ${checklist?.scopeName ?? 'this checklist'}`} {...progress} />
      </div>
      <div className="checklist-split">
        <div className="checklist-list">
          {checklist && rows.length === 0 && (
            <div className="list-empty">
              <p>No requirement matches.</p>
              <button type="button" className="btn small" onClick={() => setFilters(NO_FILTERS)}>
                Clear filters
              </button>
            </div>
          )}
          <VirtualList
            ref={listRef}
            role="listbox"
            aria-label={`Requirements of ${checklist?.scopeName ?? 'this scope'}`}
            aria-activedescendant={activeRow !== undefined ? `req-opt-${currentIndex}` : undefined}
            tabIndex={0}
            onKeyDown={onListKey}
            count={rows.length}
            rowHeight={ROW_HEIGHT}
            activeIndex={activeRow}
            renderRow={renderRow}
            data-testid="checklist-list"
            data-visible={visible.length}
          />
        </div>
        <div className="checklist-detail">
          {current ? (
            <AnswerPanel
              item={current}
              response={responses.get(current.requirement.id)}
              rating={rating}
              onAnswer={(patch) => answerAndNext(patch, patch.result ?? '')}
              askingWhy={askingWhy?.requirement === current.requirement.id}
              onJustify={(justification) =>
                askingWhy && answerAndNext({ ...askingWhy.patch, justification }, 'Not applicable')
              }
              onCancelWhy={() => {
                setAskingWhy(undefined);
                listRef.current?.focus();
              }}
              baselineItem={scope.kind === 'zone' && BASELINE_ZONE_SRS.includes(current.requirement.id)}
              onPatch={patchCurrent}
              onClear={() => clear(current.requirement.id)}
              commentRef={commentRef}
              evidenceSlot={
                <EvidenceStrip
                  assessmentId={assessmentId}
                  target={{ kind: 'response', scope, requirement: current.requirement.id }}
                  onChanged={reload}
                />
              }
              evidenceOpen={evidenceOpen}
              onToggleEvidence={() => setEvidenceOpen((v) => !v)}
            />
          ) : (
            checklist && (
              <div className="empty-state">
                <p>Nothing to answer here.</p>
                <p className="muted">
                  {rating.kind === 'result'
                    ? 'No requirement applies at this target level: raise the SL-T or turn on “Above target”.'
                    : 'The questionnaire is empty.'}
                </p>
              </div>
            )
          )}
        </div>
      </div>
      <KeyLegend rating={rating} />
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
