import { useEffect, useRef, useState } from 'react';
import {
  FINDING_STATUSES,
  type FindingStatus,
  SEVERITIES,
  type Severity,
  scopeKey,
} from '../../../../core/domain';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../../../../core/labels';
import type { Finding } from '../../../../core/model';
import { pickPatch } from '../../../../shared/contract/patch';
import { call, failureMessage } from '../../../api';
import { Drawer } from '../../../components/Drawer';
import { EvidenceStrip } from '../../../components/evidence/EvidenceStrip';
import { Options } from '../../../components/Options';
import { useChanged } from '../../../components/useChanged';
import { parseScopeItem } from '../scopeRoutes';
import { useWorkspaceData } from '../workspaceData';

export type FindingDraft = Omit<Finding, 'id' | 'evidence'>;

export const EMPTY_FINDING: FindingDraft = {
  title: '',
  requirement: null,
  scope: null,
  severity: 'medium',
  description: '',
  recommendation: '',
  owner: '',
  due: null,
  status: 'open',
};

/** Create or edit a manual finding; deleting asks once more in place. */
export function FindingDrawer({
  assessmentId,
  finding,
  initial,
  onClose,
  onSaved,
}: {
  assessmentId: string;
  /** The finding being edited; absent when creating. */
  finding?: Finding;
  initial?: Partial<FindingDraft>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const data = useWorkspaceData();
  // Only the editable fields: the finding's id and evidence are not part of the draft.
  const [draft, setDraft] = useState<FindingDraft>(() => ({
    ...EMPTY_FINDING,
    ...(finding && pickPatch('findings.update', finding)),
    ...initial,
  }));
  const dirty = useChanged(draft);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);
  const set = <K extends keyof FindingDraft>(k: K, v: FindingDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const run = async (action: () => Promise<unknown>, failure: string) => {
    setBusy(true);
    try {
      await action();
      onSaved();
    } catch (e) {
      setError(failureMessage(failure, e));
      setBusy(false);
    }
  };
  const save = () =>
    finding
      ? run(
          () =>
            call('findings.update', {
              assessmentId,
              id: finding.id,
              patch: pickPatch('findings.update', draft),
            }),
          'The finding could not be saved',
        )
      : run(() => call('findings.create', { assessmentId, ...draft }), 'The finding could not be created');

  const scopeOptions: { key: string; label: string; group: string }[] = [
    { key: 'organisation', label: 'Organisation (2-1)', group: '' },
    ...data.zones.map((z) => ({ key: `zone:${z.id}`, label: z.name, group: 'Zones' })),
    ...data.conduits.map((c) => ({ key: `conduit:${c.id}`, label: c.name, group: 'Conduits' })),
    ...data.assets.map((a) => ({ key: `asset:${a.id}`, label: a.name, group: 'Assets' })),
  ];
  const groups = ['Zones', 'Conduits', 'Assets'];

  return (
    <Drawer
      title={finding ? 'Edit finding' : 'New finding'}
      onClose={onClose}
      error={error}
      // Once sent, the edits are on their way to the disk: nothing left to discard.
      dirty={dirty && !busy}
      actions={(requestClose) => (
        <>
          {finding &&
            (confirmDelete ? (
              <button
                type="button"
                className="btn danger"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => call('findings.delete', { assessmentId, id: finding.id }),
                    'The finding could not be deleted',
                  )
                }
              >
                Really delete
              </button>
            ) : (
              <button type="button" className="btn danger" onClick={() => setConfirmDelete(true)}>
                Delete
              </button>
            ))}
          <span className="spacer" />
          <button type="button" className="btn" onClick={requestClose}>
            Cancel
          </button>
          <button
            type="submit"
            form="finding-form"
            className="btn primary"
            disabled={busy || !draft.title.trim()}
          >
            {finding ? 'Save' : 'Create finding'}
          </button>
        </>
      )}
    >
      <form
        id="finding-form"
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          Title
          <input
            value={draft.title}
            maxLength={200}
            required
            ref={titleRef}
            onChange={(e) => set('title', e.target.value)}
          />
        </label>
        <div className="form grid-2">
          <label>
            Severity
            <select value={draft.severity} onChange={(e) => set('severity', e.target.value as Severity)}>
              <Options values={SEVERITIES} labels={SEVERITY_LABELS} />
            </select>
          </label>
          <label>
            Status
            <select value={draft.status} onChange={(e) => set('status', e.target.value as FindingStatus)}>
              <Options values={FINDING_STATUSES} labels={FINDING_STATUS_LABELS} />
            </select>
          </label>
          <label>
            Owner
            <input value={draft.owner} maxLength={200} onChange={(e) => set('owner', e.target.value)} />
          </label>
          <label>
            Due date
            <input type="date" value={draft.due ?? ''} onChange={(e) => set('due', e.target.value || null)} />
          </label>
          <label>
            Scope
            <select
              value={draft.scope ? scopeKey(draft.scope) : ''}
              onChange={(e) =>
                set('scope', e.target.value ? (parseScopeItem(e.target.value)?.scope ?? null) : null)
              }
            >
              <option value="">Whole assessment</option>
              {scopeOptions
                .filter((o) => !o.group)
                .map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.label}
                  </option>
                ))}
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {scopeOptions
                    .filter((o) => o.group === g)
                    .map((o) => (
                      <option key={o.key} value={o.key}>
                        {o.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            Linked requirement
            <input
              value={draft.requirement ?? ''}
              maxLength={40}
              placeholder="e.g. SR 1.1 or CR 2.1"
              onChange={(e) => set('requirement', e.target.value.trim() ? e.target.value : null)}
            />
          </label>
        </div>
        <label>
          Description
          <textarea
            rows={4}
            value={draft.description}
            maxLength={20000}
            onChange={(e) => set('description', e.target.value)}
            placeholder="What was found, where, and why it matters"
          />
        </label>
        <label>
          Recommendation
          <textarea
            rows={3}
            value={draft.recommendation}
            maxLength={20000}
            onChange={(e) => set('recommendation', e.target.value)}
          />
        </label>
      </form>
      {/* Outside the form: the note dialog holds a form of its own, and a form inside a form
          submits the page instead of the note. */}
      {finding ? (
        <EvidenceStrip assessmentId={assessmentId} target={{ kind: 'finding', id: finding.id }} />
      ) : (
        <p className="muted small">Create the finding first, then attach photos, files or notes to it.</p>
      )}
    </Drawer>
  );
}
