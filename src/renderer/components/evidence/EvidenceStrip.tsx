/**
 * EvidenceStrip: capture buttons plus the thumbnails of what is linked to ONE answer, finding or asset.
 * Mount it in the checklist's answer panel or the findings drawer:
 *
 *   <EvidenceStrip
 *     assessmentId={assessment.id}
 *     target={{ kind: 'response', scope: { kind: 'zone', id: 'z1' }, requirement: 'SR 1.1' }}
 *     onChanged={reload}
 *   />
 *
 * Props
 * - assessmentId: the assessment.
 * - target: what captured items are linked to: { kind: 'response', scope, requirement } (an answer),
 *   { kind: 'finding', id } or { kind: 'asset', id }. Everything captured here is linked to it.
 * - onChanged (optional): called after something was added, linked, unlinked or removed.
 * - label (optional): a heading, default "Evidence".
 * Camera, files, note and drop/paste (while the strip's drop zone has focus) are offered; a click
 * on a thumbnail opens the item (hash, links, history, remove, open original).
 */
import { useState } from 'react';
import { type EvidenceTarget, targetRef } from '../../../core/evidenceTargets';
import type { EvidenceItem } from '../../../shared/contract/evidence';
import { call } from '../../api';
import { useAsync } from '../../useAsync';
import { ErrorBanner } from '../ErrorBanner';
import { CaptureBar } from './CaptureBar';
import { EvidenceDetails } from './EvidenceDetails';
import { Thumb } from './Thumb';

export interface EvidenceStripProps {
  assessmentId: string;
  target: EvidenceTarget;
  onChanged?: () => void;
  label?: string;
}

export function EvidenceStrip({ assessmentId, target, onChanged, label = 'Evidence' }: EvidenceStripProps) {
  const key = JSON.stringify(targetRef(target));
  const [tick, setTick] = useState(0);
  const [open, setOpen] = useState<EvidenceItem>();
  const linked = useAsync(
    () => call('evidence.list', { assessmentId, filter: { target } }),
    [assessmentId, key, tick],
  );
  const changed = () => {
    setTick((t) => t + 1);
    onChanged?.();
  };
  return (
    <section className="evidence-strip" aria-label={label} data-testid="evidence-strip">
      <h3 className="small">
        {label} {linked.data && <span className="muted">({linked.data.length})</span>}
      </h3>
      <ErrorBanner message={linked.error} />
      <ul className="strip-items">
        {linked.data?.map((item) => (
          <li key={item.sha256}>
            <button
              type="button"
              className="tile-button"
              onClick={() => setOpen(item)}
              title={`${item.fileName}\n${item.sha256}`}
            >
              <Thumb item={item} size={88} />
            </button>
          </li>
        ))}
      </ul>
      <CaptureBar assessmentId={assessmentId} target={target} onAdded={changed} compact />
      {open && (
        <EvidenceDetails
          assessmentId={assessmentId}
          item={open}
          onChanged={(item) => {
            setOpen(item);
            changed();
          }}
          onClose={() => setOpen(undefined)}
        />
      )}
    </section>
  );
}
