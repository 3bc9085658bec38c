import { useMemo, useState } from 'react';
import {
  describeEvent,
  entityLabel,
  eventSearchText,
  shortHash,
} from '../../../core/audit/history/describeEvent';
import { call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import { HistoryButton } from '../../components/history/ItemHistory';
import { useHistoryNames } from '../../components/history/useHistoryNames';
import { TableHead } from '../../components/TableHead';
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
  const names = useHistoryNames(assessment.id, events.data, {
    assessmentTitle: assessment.title,
    version: assessment.updatedAt,
  });
  const [filter, setFilter] = useState('');
  const [entity, setEntity] = useState('');
  const entities = useMemo(
    () => [...new Set((events.data ?? []).map((e) => e.entity))].sort(),
    [events.data],
  );
  const described = useMemo(
    () =>
      [...(events.data ?? [])].reverse().map((e) => {
        const d = describeEvent(e, names);
        return { e, d, search: eventSearchText(e, d) };
      }),
    [events.data, names],
  );
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return described.filter((r) => (!entity || r.e.entity === entity) && (!q || r.search.includes(q)));
  }, [described, filter, entity]);
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
            placeholder="name, requirement, action, person…"
          />
        </label>
        <label className="inline">
          Items
          <select value={entity} onChange={(e) => setEntity(e.target.value)}>
            <option value="">All items</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {entityLabel(e)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="table history-table">
        <TableHead columns={['#', 'When', 'Who', 'What', 'Item', 'Details']} />
        <tbody>
          {rows.map(({ e, d }) => (
            <tr key={e.seq} data-testid="history-row">
              <td>{e.seq}</td>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.actor}</td>
              <td title={e.action}>{d.what}</td>
              <td className="history-item-cell">
                <span className="history-item" title={`${e.entity} ${e.entityId}`}>
                  {d.item}
                </span>
                {e.entity !== 'assessment' && d.itemId !== d.item && (
                  <span className="history-id mono small muted">{shortHash(d.itemId)}</span>
                )}
                <HistoryButton
                  assessmentId={assessment.id}
                  entity={e.entity}
                  entityId={e.entityId}
                  label={d.item}
                  version={assessment.updatedAt}
                />
              </td>
              <td className="small history-details">{d.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {described.length > 0 && rows.length === 0 && (
        <p className="muted">Nothing in the history matches this filter.</p>
      )}
    </section>
  );
}
