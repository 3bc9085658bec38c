import { useMemo, useState } from 'react';
import type { AuditEvent } from '../../../core/audit/auditChain';
import { call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import { describeData, describeItem } from '../../components/history/describeEvent';
import { HistoryButton } from '../../components/history/ItemHistory';
import { useAsync } from '../../useAsync';
import type { SectionProps } from './sections';

/** The audit trail, newest first, with the chain's verdict on top and each item's own history a click away. */
export function HistorySection({ assessment }: SectionProps) {
  const events = useAsync(
    () => call('audit.list', { assessmentId: assessment.id }),
    [assessment.id, assessment.updatedAt],
  );
  const [tick, setTick] = useState(0);
  const verdict = useAsync(
    () => call('audit.verify', { assessmentId: assessment.id }),
    [assessment.id, assessment.updatedAt, tick],
  );
  const [filter, setFilter] = useState('');
  const [entity, setEntity] = useState('');
  const entities = useMemo(
    () => [...new Set((events.data ?? []).map((e) => e.entity))].sort(),
    [events.data],
  );
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = [...(events.data ?? [])].reverse().filter((e) => !entity || e.entity === entity);
    return q
      ? all.filter((e: AuditEvent) =>
          `${e.action} ${e.entityId} ${describeItem(e)} ${e.actor} ${JSON.stringify(e.data)}`
            .toLowerCase()
            .includes(q),
        )
      : all;
  }, [events.data, filter, entity]);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ErrorBanner message={events.error} />
      {verdict.data && (
        <p className={verdict.data.ok ? 'ok-line' : 'error-banner loud'} role="status">
          {verdict.data.ok
            ? `Audit trail intact: ${verdict.data.count} events, each chained to the one before.`
            : `Audit trail broken at event ${verdict.data.brokenAt}: ${verdict.data.reason}.`}{' '}
          <button type="button" className="btn ghost small" onClick={() => setTick((t) => t + 1)}>
            Check again
          </button>
        </p>
      )}
      <div className="toolbar">
        <label className="inline">
          Filter
          <input
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="requirement, zone, person…"
          />
        </label>
        <label className="inline">
          Items
          <select value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">All items</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Item</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr key={e.seq}>
              <td>{e.seq}</td>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td className="small">
                <span className="mono">{describeItem(e)}</span>{' '}
                <HistoryButton
                  assessmentId={assessment.id}
                  entity={e.entity}
                  entityId={e.entityId}
                  label={describeItem(e)}
                  version={assessment.updatedAt}
                />
              </td>
              <td className="small">{describeData(e.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
