import { useState } from 'react';
import type { Scope } from '../../../core/domain';
import { describeRef, type EvidenceTarget, refToTarget } from '../../../core/evidenceTargets';
import { formatSize } from '../../../core/format';
import type { EvidenceItem, EvidenceTargets } from '../../../shared/contract/evidence';
import { call, errorMessage } from '../../api';
import { useDesktop } from '../../desktop';
import { useAsync } from '../../useAsync';
import { ConfirmDialog } from '../ConfirmDialog';
import { Dialog } from '../Dialog';
import { ErrorBanner } from '../ErrorBanner';
import { formatDateTime } from '../format';
import { ItemHistory } from '../history/ItemHistory';
import { copyText } from './evidenceClient';
import { Thumb } from './Thumb';

/** Copies a SHA-256 to the clipboard and says so. */
export function CopyHash({ sha256, label = 'Copy hash' }: { sha256: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn ghost small"
      aria-label={`Copy SHA-256 ${sha256.slice(0, 12)}`}
      onClick={async () => {
        await copyText(sha256);
        setCopied(true);
      }}
    >
      {copied ? 'Copied' : label}
    </button>
  );
}

export function HashLine({ sha256 }: { sha256: string }) {
  return (
    <span className="hash-line">
      <code className="mono small" data-testid="evidence-hash" title={sha256}>
        {sha256}
      </code>
      <CopyHash sha256={sha256} />
    </span>
  );
}

function LinkForm({
  targets,
  onLink,
}: {
  targets: EvidenceTargets;
  onLink: (t: EvidenceTarget) => Promise<void>;
}) {
  const [kind, setKind] = useState<'response' | 'finding' | 'asset'>('response');
  const [scopeIx, setScopeIx] = useState(0);
  const [requirement, setRequirement] = useState('');
  const [id, setId] = useState('');
  const scope: Scope | undefined = targets.scopes[scopeIx]?.scope;
  const target: EvidenceTarget | null =
    kind === 'response'
      ? scope && requirement.trim()
        ? { kind, scope, requirement: requirement.trim() }
        : null
      : id
        ? { kind, id }
        : null;
  return (
    <form
      className="link-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (target) void onLink(target);
      }}
    >
      <label>
        Link to
        <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
          <option value="response">an answer</option>
          <option value="finding">a finding</option>
          <option value="asset">an asset</option>
        </select>
      </label>
      {kind === 'response' && (
        <>
          <label>
            Scope
            <select value={scopeIx} onChange={(e) => setScopeIx(Number(e.target.value))}>
              {targets.scopes.map((s, i) => (
                <option key={s.label} value={i}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Requirement
            <input
              value={requirement}
              onChange={(e) => setRequirement(e.target.value)}
              placeholder="SR 1.1"
              maxLength={40}
            />
          </label>
        </>
      )}
      {kind !== 'response' && (
        <label>
          {kind === 'finding' ? 'Finding' : 'Asset'}
          <select value={id} onChange={(e) => setId(e.target.value)}>
            <option value="">Choose…</option>
            {(kind === 'finding'
              ? targets.findings.map((f) => ({ id: f.id, label: f.title }))
              : targets.assets.map((a) => ({ id: a.id, label: a.name }))
            ).map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="btn" disabled={!target}>
        Link
      </button>
    </form>
  );
}

/** Everything about one item: picture, hash, capture, privacy, links, history; remove and open. */
export function EvidenceDetails({
  assessmentId,
  item,
  onChanged,
  onClose,
}: {
  assessmentId: string;
  item: EvidenceItem;
  onChanged: (item: EvidenceItem) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string>();
  const [confirm, setConfirm] = useState<'remove' | 'open'>();
  const [reason, setReason] = useState('');
  const [opened, setOpened] = useState<string>();
  const targets = useAsync(() => call('evidence.targets', { assessmentId }), [assessmentId]);
  const desktop = useDesktop();
  const exif = useAsync(
    () =>
      item.privateExif ? call('evidence.exif', { assessmentId, sha256: item.sha256 }) : Promise.resolve(null),
    [item.sha256, item.privateExif],
  );
  const act = async (work: () => Promise<EvidenceItem>) => {
    try {
      onChanged(await work());
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  if (confirm === 'remove') {
    return (
      <ConfirmDialog
        title="Remove evidence?"
        confirmLabel="Remove"
        disabled={reason.trim().length < 3}
        onClose={() => setConfirm(undefined)}
        failure="The evidence could not be removed"
        onConfirm={async () => {
          onChanged(await call('evidence.remove', { assessmentId, sha256: item.sha256, reason }));
          setError(undefined);
          setConfirm(undefined);
        }}
      >
        <p>
          {item.fileName} will no longer be shown or linked. The file itself is kept, and your name, the time
          and the reason go into the audit trail.
        </p>
        <div className="form">
          <label>
            Why is it removed?
            <textarea rows={3} value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
      </ConfirmDialog>
    );
  }
  if (confirm === 'open') {
    return (
      <ConfirmDialog
        title="Open the original?"
        confirmLabel="Open copy"
        tone="primary"
        onClose={() => setConfirm(undefined)}
        failure="The copy could not be opened"
        onConfirm={async () => {
          const r = await call('evidence.openOriginal', {
            assessmentId,
            sha256: item.sha256,
            confirmed: true,
          });
          setOpened(r.opened);
          setError(undefined);
          setConfirm(undefined);
        }}
      >
        <p>
          A read-only copy of {item.fileName} opens in your system's viewer for {item.mediaType}. Zonewalk
          never runs files: programs and scripts are refused.
        </p>
      </ConfirmDialog>
    );
  }

  return (
    <Dialog
      title={item.fileName}
      onClose={onClose}
      actions={
        <>
          {!item.removed && (
            <button type="button" className="btn danger" onClick={() => setConfirm('remove')}>
              Remove…
            </button>
          )}
          {desktop?.openPath && (
            <button type="button" className="btn" onClick={() => setConfirm('open')}>
              Open original…
            </button>
          )}
          <button type="button" className="btn primary" onClick={onClose}>
            Close
          </button>
        </>
      }
    >
      <div className="evidence-details">
        <Thumb item={item} size={256} />
        <dl className="facts">
          <dt>SHA-256</dt>
          <dd>
            <HashLine sha256={item.sha256} />
          </dd>
          <dt>Type</dt>
          <dd>
            {item.mediaType} · {item.kind} · {formatSize(item.size)}
          </dd>
          <dt>Captured</dt>
          <dd>
            {formatDateTime(item.capturedAt)} by {item.capturedBy}
          </dd>
          {item.description && (
            <>
              <dt>Description</dt>
              <dd>{item.description}</dd>
            </>
          )}
          {item.removed && (
            <>
              <dt>Removed</dt>
              <dd>
                {formatDateTime(item.removed.at)} by {item.removed.by}: {item.removed.reason}
              </dd>
            </>
          )}
        </dl>
      </div>
      {exif.data && (
        <div className="privacy-note" role="note">
          <strong>Private photo data.</strong>{' '}
          {exif.data.gps &&
            `GPS ${exif.data.gps.latitude.toFixed(5)}, ${exif.data.gps.longitude.toFixed(5)}. `}
          {Object.entries(exif.data.serials ?? {})
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}
          {exif.data.make && ` (${[exif.data.make, exif.data.model].filter(Boolean).join(' ')})`}. Exports can
          strip this from their copy; the original keeps it.
        </div>
      )}
      {opened && <p className="ok-line small">Opened a read-only copy: {opened}</p>}
      <ErrorBanner message={error} />
      <h3>Linked to</h3>
      {item.links.length === 0 ? (
        <p className="muted small">Not linked to any answer, finding or asset yet.</p>
      ) : (
        <ul className="link-list">
          {item.links.map((l) => {
            const target = refToTarget(l);
            return (
              <li key={`${l.kind}:${l.id}`}>
                {describeRef(l)}
                {target && (
                  <button
                    type="button"
                    className="btn ghost small"
                    onClick={() =>
                      act(() => call('evidence.unlink', { assessmentId, sha256: item.sha256, target }))
                    }
                  >
                    Unlink
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {targets.data && !item.removed && (
        <LinkForm
          targets={targets.data}
          onLink={(target) => act(() => call('evidence.link', { assessmentId, sha256: item.sha256, target }))}
        />
      )}
      <h3>History</h3>
      <ItemHistory
        assessmentId={assessmentId}
        entity="evidence"
        entityId={item.sha256}
        load={() => call('evidence.history', { assessmentId, sha256: item.sha256 })}
        version={JSON.stringify([item.links, item.removed])}
      />
    </Dialog>
  );
}
