import { useRef, useState } from 'react';
import type { CatalogSummary, OverlayImportResult, OverlayInfo } from '../../../shared/contract/catalogs';
import { ApiError, call, errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/format';
import { readFileBytes } from '../../readFile';
import { catalogName, PART_LABELS } from './labels';

interface OverlayBarProps {
  summary: CatalogSummary;
  /** Called after an import or removal; the browser reloads and may switch catalog. */
  onChanged: (catalogId: string) => void;
}

type Outcome =
  | { kind: 'imported'; result: OverlayImportResult }
  | { kind: 'removed'; removed: OverlayInfo }
  | { kind: 'error'; message: string; unknownIds: string[] };

function describeImport(r: OverlayImportResult): string {
  const o = r.overlay;
  const corrections = o.corrections
    ? `, ${o.corrections} level${o.corrections === 1 ? '' : 's'} corrected`
    : '';
  const replaced = r.replaced ? ` It replaces ${r.replaced.name} ${r.replaced.version}.` : '';
  return `Imported ${o.name} ${o.version} for ${catalogName(r.catalogId)}: ${r.applied} entries, official text for ${o.texts} requirements${corrections}.${replaced}`;
}

/** The overlay state of the catalog on screen, with import, replace and remove. */
export function OverlayBar({ summary, onChanged }: OverlayBarProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [confirmRemove, setConfirmRemove] = useState(false);
  const overlay = summary.overlay;
  const stale = summary.staleOverlay;

  const importFile = async (file: File) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const result = await call('catalogs.importOverlay', { file: await readFileBytes(file) });
      setOutcome({ kind: 'imported', result });
      onChanged(result.catalogId);
    } catch (e) {
      const details =
        e instanceof ApiError ? (e.shape.details as { unknownIds?: string[] } | undefined) : undefined;
      setOutcome({ kind: 'error', message: errorMessage(e), unknownIds: details?.unknownIds ?? [] });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  // A failure stays in the confirmation, beside its Remove button.
  const remove = async () => {
    const { removed } = await call('catalogs.removeOverlay', { catalogId: summary.id });
    setConfirmRemove(false);
    setOutcome({ kind: 'removed', removed });
    onChanged(summary.id);
  };

  return (
    <div className="overlay-bar">
      <div className="overlay-state">
        {overlay ? (
          <p className="small" data-testid="overlay-state">
            <strong>Licensed overlay:</strong> {overlay.name} {overlay.version} · official text for{' '}
            {overlay.texts} requirements
            {overlay.corrections > 0 &&
              `, ${overlay.corrections} level correction${overlay.corrections === 1 ? '' : 's'}`}{' '}
            · imported {formatDateTime(overlay.importedAt)} by {overlay.importedBy} ·{' '}
            <span className="mono" title={`SHA-256 ${overlay.sha256}`}>
              SHA-256 {overlay.sha256.slice(0, 12)}…
            </span>
          </p>
        ) : (
          <p className="muted small" data-testid="overlay-state">
            Guidance, questions and evidence hints are Zonewalk&apos;s own words. If your organisation owns
            the standard, import its official text as a licensed overlay.
          </p>
        )}
        <div className="toolbar">
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            className="sr-only"
            tabIndex={-1}
            aria-label="Licensed overlay file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
          <button type="button" className="btn small" disabled={busy} onClick={() => input.current?.click()}>
            {busy ? 'Importing…' : 'Import licensed overlay'}
          </button>
          {(overlay || stale) && (
            <button type="button" className="btn small danger" onClick={() => setConfirmRemove(true)}>
              Remove overlay
            </button>
          )}
        </div>
      </div>
      {stale && (
        <div className="error-banner" role="alert">
          <span>
            The licensed overlay {stale.name} {stale.version} is not applied: {stale.problem}. Import a
            fitting version or remove it.
          </span>
        </div>
      )}
      {outcome?.kind === 'imported' && (
        <p className="ok-line small" role="status">
          {describeImport(outcome.result)}
        </p>
      )}
      {outcome?.kind === 'removed' && (
        <p className="ok-line small" role="status">
          Removed {outcome.removed.name} {outcome.removed.version}. The shipped levels apply again.
        </p>
      )}
      {outcome?.kind === 'error' && (
        <div className="error-banner" role="alert">
          <div>
            <span>{outcome.message}</span>
            {outcome.unknownIds.length > 10 && (
              <details className="small">
                <summary>All {outcome.unknownIds.length} unknown ids</summary>
                <p className="mono">{outcome.unknownIds.join(', ')}</p>
              </details>
            )}
          </div>
          <button type="button" className="btn ghost small" onClick={() => setOutcome(undefined)}>
            Dismiss
          </button>
        </div>
      )}
      {confirmRemove && (
        <ConfirmDialog
          title="Remove the licensed overlay?"
          confirmLabel="Remove"
          cancelLabel="Keep it"
          onClose={() => setConfirmRemove(false)}
          onConfirm={remove}
          failure="The overlay could not be removed"
        >
          <p>
            The official text of the {PART_LABELS[summary.part].long} will no longer be shown
            {overlay && overlay.corrections > 0
              ? `, and its ${overlay.corrections} level corrections no longer apply to checklists and scores`
              : ''}
            . The removal is recorded in the workspace.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
