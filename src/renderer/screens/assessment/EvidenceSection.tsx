import { useMemo, useState } from 'react';
import { scopeKey } from '../../../core/domain';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../core/evidenceTargets';
import type { EvidenceItem } from '../../../shared/contract/evidence';
import { call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { CaptureBar } from '../../components/evidence/CaptureBar';
import { EvidenceDetails } from '../../components/evidence/EvidenceDetails';
import { EvidenceGrid, EvidenceList } from '../../components/evidence/EvidenceGrid';
import { Options } from '../../components/Options';
import { useAsync } from '../../useAsync';
import type { SectionProps } from './sections';

const KIND_LABELS: Record<EvidenceKind, string> = {
  file: 'Files',
  photo: 'Photos',
  screenshot: 'Screenshots',
  note: 'Notes',
};

/** The evidence browser: capture, a thumbnail grid or a list, filters, and the item dialog. */
export function EvidenceSection({ assessment }: SectionProps) {
  const [view, setView] = useState<'grid' | 'list'>('grid');
  const [scope, setScope] = useState('');
  const [kind, setKind] = useState<EvidenceKind | ''>('');
  const [unlinked, setUnlinked] = useState(false);
  const [removed, setRemoved] = useState(false);
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<EvidenceItem>();
  const targets = useAsync(
    () => call('evidence.targets', { assessmentId: assessment.id }),
    [assessment.id, tick],
  );
  const scopeFilter = targets.data?.scopes.find((s) => scopeKey(s.scope) === scope)?.scope;
  const items = useAsync(
    () =>
      call('evidence.list', {
        assessmentId: assessment.id,
        filter: {
          scope: scopeFilter,
          kind: kind || undefined,
          unlinked: unlinked || undefined,
          includeRemoved: removed || undefined,
        },
      }),
    [assessment.id, scope, kind, unlinked, removed, tick, !!scopeFilter],
  );
  const list = useMemo(() => items.data ?? [], [items.data]);
  const reload = () => setTick((t) => t + 1);

  return (
    <section className="panel evidence-section" aria-labelledby="evidence-title">
      <div className="section-head">
        <h2 id="evidence-title">Evidence</h2>
        <span className="muted small" data-testid="evidence-count">
          {items.data ? `${list.length} item${list.length === 1 ? '' : 's'}` : ''}
        </span>
      </div>
      <CaptureBar assessmentId={assessment.id} onAdded={reload} paste="document" />
      <div className="toolbar filters">
        <label className="inline">
          Scope
          <select value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="">All scopes</option>
            {targets.data?.scopes.map((s) => (
              <option key={scopeKey(s.scope)} value={scopeKey(s.scope)}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          Type
          <select value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind | '')}>
            <option value="">All types</option>
            <Options values={EVIDENCE_KINDS} labels={KIND_LABELS} />
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={unlinked} onChange={(e) => setUnlinked(e.target.checked)} />{' '}
          Unlinked only
        </label>
        <label className="check">
          <input type="checkbox" checked={removed} onChange={(e) => setRemoved(e.target.checked)} /> Show
          removed
        </label>
        <fieldset className="segmented">
          <legend className="sr-only">View</legend>
          <button
            type="button"
            className={view === 'grid' ? 'segment active' : 'segment'}
            aria-pressed={view === 'grid'}
            onClick={() => setView('grid')}
          >
            Grid
          </button>
          <button
            type="button"
            className={view === 'list' ? 'segment active' : 'segment'}
            aria-pressed={view === 'list'}
            onClick={() => setView('list')}
          >
            List
          </button>
        </fieldset>
      </div>
      <ErrorBanner message={items.error} />
      {items.data && list.length === 0 ? (
        <div className="empty-state">
          {scope || kind || unlinked
            ? 'Nothing matches these filters.'
            : 'No evidence yet: take a photo, drop files or a camera card folder here, paste a screenshot, or type a note.'}
        </div>
      ) : view === 'grid' ? (
        <EvidenceGrid items={list} onOpen={setOpen} />
      ) : (
        <EvidenceList items={list} onOpen={setOpen} />
      )}
      {open && (
        <EvidenceDetails
          assessmentId={assessment.id}
          item={open}
          onChanged={(item) => {
            setOpen(item);
            reload();
          }}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}
