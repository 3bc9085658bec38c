import { useState } from 'react';
import type { AuditEvent } from '../../../core/audit/auditChain';
import { describeEvent } from '../../../core/audit/history/describeEvent';
import { call } from '../../api';
import { useAsync } from '../../useAsync';
import { Dialog } from '../Dialog';
import { ErrorBanner } from '../ErrorBanner';
import { formatDateTime } from '../format';
import { useHistoryNames } from './useHistoryNames';

/**
 * The history of one item ("who changed SR 1.1 for Zone A from not met to met, when"), newest first,
 * in the same words as the History section. Give entity + entityId (as recorded in the audit trail,
 * e.g. 'response' + responseKey), or `load` (then entity + entityId, if given, name the item itself so
 * only events about other items, such as the answers a file was linked to, name theirs).
 */
export interface ItemHistoryProps {
  assessmentId: string;
  entity?: string;
  entityId?: string;
  load?: () => Promise<AuditEvent[]>;
  /** Changes the key to reload (e.g. the item's updatedAt). */
  version?: unknown;
}

export function ItemHistory({ assessmentId, entity, entityId, load, version }: ItemHistoryProps) {
  const events = useAsync(
    () => (load ? load() : call('audit.list', { assessmentId, entity, entityId })),
    [assessmentId, entity, entityId, version],
  );
  const names = useHistoryNames(assessmentId, events.data, { version });
  const rows = [...(events.data ?? [])].reverse();
  return (
    <div className="item-history" data-testid="item-history">
      <ErrorBanner message={events.error} />
      {rows.length === 0 && !events.loading && <p className="muted small">No changes recorded yet.</p>}
      <ol className="history-list">
        {rows.map((e) => {
          const d = describeEvent(e, names);
          const other = e.entity !== entity || e.entityId !== entityId;
          return (
            <li key={e.seq} className="history-entry">
              <span className="history-when">{formatDateTime(e.at)}</span> <strong>{e.actor}</strong>{' '}
              <span className="history-action" title={e.action}>
                {other ? `${d.what}: ${d.item}` : d.what}
              </span>
              {d.details && <span className="small muted history-data">{d.details}</span>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A small "History" button that opens the item's history in a dialog; mount it beside any item. */
export function HistoryButton(props: ItemHistoryProps & { label: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn ghost small"
        onClick={() => setOpen(true)}
        aria-label={`History of ${props.label}`}
      >
        History
      </button>
      {open && (
        <Dialog
          title={`History of ${props.label}`}
          onClose={() => setOpen(false)}
          actions={
            <button type="button" className="btn" onClick={() => setOpen(false)}>
              Close
            </button>
          }
        >
          <ItemHistory {...props} />
        </Dialog>
      )}
    </>
  );
}
