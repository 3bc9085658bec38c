import { useMemo, useState } from 'react';
import { call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDateTime } from '../../components/format';
import { useAsync } from '../../useAsync';
import type { SectionProps } from './sections';

function describe(data: unknown): string {
  if (data === null || typeof data !== 'object') return String(data ?? '');
  return Object.entries(data as Record<string, unknown>)
    .map(([k, v]) => {
      if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
        const c = v as { from: unknown; to: unknown };
        return `${k}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`;
      }
      return `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`;
    })
    .join('; ');
}

/** The audit trail, newest first, with the chain's verdict on top. */
export function HistorySection({ assessment }: SectionProps) {
  const events = useAsync(
    () => call('audit.list', { assessmentId: assessment.id }),
    [assessment.id, assessment.updatedAt],
  );
  const verdict = useAsync(
    () => call('audit.verify', { assessmentId: assessment.id }),
    [assessment.id, assessment.updatedAt],
  );
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = [...(events.data ?? [])].reverse();
    return q
      ? all.filter((e) =>
          `${e.action} ${e.entityId} ${e.actor} ${JSON.stringify(e.data)}`.toLowerCase().includes(q),
        )
      : all;
  }, [events.data, filter]);
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <ErrorBanner message={events.error} />
      {verdict.data && (
        <p className={verdict.data.ok ? 'ok-line' : 'error-banner loud'} role="status">
          {verdict.data.ok
            ? `Audit trail intact: ${verdict.data.count} events, each chained to the one before.`
            : `Audit trail broken at event ${verdict.data.brokenAt}: ${verdict.data.reason}.`}
        </p>
      )}
      <label className="inline">
        Filter
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="requirement, zone, person…"
        />
      </label>
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
              <td className="mono small">{e.entityId}</td>
              <td className="small">{describe(e.data)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
