import { useState } from 'react';
import type { MergeConflict } from '../../core/merge/planMerge';
import type { MergePreview, MergeResult } from '../../shared/contract/imports';
import { call, errorMessage } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Fingerprint } from '../components/Fingerprint';
import { TableHead } from '../components/TableHead';
import { useNavigate } from '../navigation';
import { useAsync } from '../useAsync';

type Decision = 'mine' | 'theirs';

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (Array.isArray(v))
    return v.length ? v.map((x) => (typeof x === 'string' ? x.slice(0, 12) : show(x))).join(', ') : '–';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The fields of the two versions that differ, for a side-by-side table. */
function differences(c: MergeConflict): { field: string; mine: string; theirs: string }[] {
  const mine = c.mine as unknown as Record<string, unknown>;
  const theirs = c.theirs as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  const always = c.kind === 'response' ? ['assessedBy', 'assessedAt'] : [];
  return keys
    .filter((k) => always.includes(k) || JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]))
    .map((k) => ({ field: k, mine: show(mine[k]), theirs: show(theirs[k]) }));
}

function ConflictItem({
  c,
  decision,
  onDecide,
}: {
  c: MergeConflict;
  decision?: Decision;
  onDecide: (d: Decision) => void;
}) {
  const name = `decide-${c.key}`;
  return (
    <li className="conflict" data-testid="conflict">
      <h3>{c.label}</h3>
      <table className="table compact">
        <TableHead columns={['Field', 'Mine (this workspace)', 'Theirs (the package)']} />
        <tbody>
          {differences(c).map((d) => (
            <tr key={d.field}>
              <td>{d.field}</td>
              <td>{d.mine}</td>
              <td>{d.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar" role="radiogroup" aria-label={`Decision for ${c.label}`}>
        <label className="choice">
          <input type="radio" name={name} checked={decision === 'mine'} onChange={() => onDecide('mine')} />
          Keep mine
        </label>
        <label className="choice">
          <input
            type="radio"
            name={name}
            checked={decision === 'theirs'}
            onChange={() => onDecide('theirs')}
          />
          Take theirs
        </label>
      </div>
    </li>
  );
}

/** After a package verified: open it read-only, or merge it into one of the workspace's assessments. */
export function OpenPackagePanel({ file }: { file: string }) {
  const navigate = useNavigate();
  const list = useAsync(() => call('assessments.list', {}), []);
  const [target, setTarget] = useState('');
  const [preview, setPreview] = useState<MergePreview>();
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [merged, setMerged] = useState<MergeResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const open = () =>
    run(async () => {
      const r = await call('packages.review', { path: file });
      navigate({ name: 'assessment', id: r.assessmentId, section: 'details' });
    });
  const previewMerge = () =>
    run(async () => {
      setMerged(undefined);
      setDecisions({});
      setPreview(await call('packages.mergePreview', { path: file, assessmentId: target }));
    });
  const apply = () =>
    run(async () => {
      if (!preview) return;
      setMerged(
        await call('packages.mergeApply', {
          path: file,
          assessmentId: target,
          tagManifestSha256: preview.tagManifestSha256,
          decisions,
        }),
      );
      setPreview(undefined);
    });
  const undecided = preview ? preview.conflicts.filter((c) => !decisions[c.key]).length : 0;
  const adds = preview ? Object.entries(preview.adds).filter(([, n]) => n > 0) : [];

  return (
    <section className="panel" aria-labelledby="open-package">
      <h2 id="open-package">Open this package</h2>
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
      <div className="toolbar wrap">
        <button type="button" className="btn" disabled={busy} onClick={() => void open()}>
          Open for review (read-only)
        </button>
        <label className="inline">
          Merge into
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose an assessment</option>
            {list.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" disabled={!target || busy} onClick={() => void previewMerge()}>
          Preview merge
        </button>
      </div>
      {preview && (
        <div data-testid="merge-preview">
          <p>
            {preview.packageName}: {preview.sourceAssessment.title}
            {preview.sameAssessment ? ' (a copy of this assessment)' : ' (another assessment)'}, signed by{' '}
            <Fingerprint value={preview.signerFingerprint} />
            {preview.signerTrusted ? '' : ' (not in your trust list)'}.
          </p>
          <p>
            {adds.length ? `Joins: ${adds.map(([k, n]) => `${n} ${k}`).join(', ')}.` : 'Nothing new joins.'}{' '}
            {preview.same} item{preview.same === 1 ? ' is' : 's are'} the same on both sides.{' '}
            {preview.conflicts.length
              ? `${preview.conflicts.length} item${preview.conflicts.length === 1 ? ' differs' : 's differ'}: decide each before anything is written.`
              : 'Nothing differs.'}
          </p>
          {preview.conflicts.length > 0 && (
            <ul className="conflicts">
              {preview.conflicts.map((c) => (
                <ConflictItem
                  key={c.key}
                  c={c}
                  decision={decisions[c.key]}
                  onDecide={(d) => setDecisions({ ...decisions, [c.key]: d })}
                />
              ))}
            </ul>
          )}
          <button
            type="button"
            className="btn primary"
            disabled={busy || undecided > 0}
            onClick={() => void apply()}
          >
            {undecided ? `Decide ${undecided} more to merge` : 'Merge'}
          </button>
        </div>
      )}
      {merged && (
        <p className="ok-line" role="status">
          Merged: {Object.values(merged.added).reduce((a, b) => a + b, 0)} items joined, {merged.taken} taken
          from the package, {merged.kept} kept. The merge is in the assessment's history.{' '}
          <button
            type="button"
            className="link"
            onClick={() => navigate({ name: 'assessment', id: merged.assessmentId, section: 'history' })}
          >
            Open the assessment
          </button>
        </p>
      )}
    </section>
  );
}
