import { useEffect, useMemo, useState } from 'react';
import {
  FINDING_STATUSES,
  type FindingStatus,
  RESULT_LABELS,
  SEVERITIES,
  type Severity,
} from '../../../../core/domain';
import { FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../../../../core/labels';
import type { GapItem } from '../../../../core/scoring/types';
import { call } from '../../../api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Options } from '../../../components/Options';
import { SeverityChip } from '../../../components/SeverityChip';
import { TableHead } from '../../../components/TableHead';
import { useNavigate } from '../../../navigation';
import { useAsync } from '../../../useAsync';
import { scopeRoute } from '../scopeRoutes';
import type { SectionProps } from '../sections';
import { scopeName, useWorkspaceData } from '../workspaceData';
import { type FindingDraft, FindingDrawer } from './FindingDrawer';
import { ALL_FINDINGS, type FindingFilters, filterRows, findingRows } from './findingRows';

const PAGE = 200;

function GapIcon() {
  return (
    <span className="kind-icon gap-icon" role="img" aria-label="Derived gap" title="Derived from the answers">
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path d="M2 13h12L8 2z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
        <path d="M8 6.5v3.2M8 11.3v.2" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </span>
  );
}

function FindingIcon() {
  return (
    <span
      className="kind-icon finding-icon"
      role="img"
      aria-label="Manual finding"
      title="Written by the auditor"
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        <path
          d="M3 13l1-3.5L11 2.5l2.5 2.5L6.5 12z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
          strokeLinejoin="round"
        />
        <path d="M3 13h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </span>
  );
}

function gapDraft(g: GapItem): Partial<FindingDraft> {
  return {
    title: `${g.requirement} ${g.title}: ${g.scopeName}`,
    requirement: g.requirement,
    scope: g.scope,
    severity: g.severity,
    description: g.comment,
  };
}

/** Derived gaps and the auditor's own findings in one table; manual findings edit in a drawer. */
export function FindingsSection({ assessment, route }: SectionProps) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const findings = useAsync(() => call('findings.list', { assessmentId: assessment.id }), [assessment.id]);
  const [filters, setFilters] = useState<FindingFilters>(ALL_FINDINGS);
  const [limit, setLimit] = useState(PAGE);
  const [fromGap, setFromGap] = useState<Partial<FindingDraft>>();
  const { refreshScore } = data;
  useEffect(() => refreshScore(), [refreshScore]);

  const rows = useMemo(
    () => findingRows(data.score?.gaps ?? [], findings.data ?? []),
    [data.score, findings.data],
  );
  const shown = useMemo(
    () => filterRows(rows, filters, data.assets, (s) => scopeName(data, s)),
    [rows, filters, data],
  );
  const go = (item?: string) =>
    navigate({ name: 'assessment', id: assessment.id, section: 'findings', item });
  const editing =
    route.item === 'new'
      ? 'new'
      : route.item?.startsWith('finding:')
        ? findings.data?.find((f) => f.id === route.item?.slice(8))
        : undefined;
  const set = <K extends keyof FindingFilters>(k: K, v: FindingFilters[K]) => {
    setFilters((f) => ({ ...f, [k]: v }));
    setLimit(PAGE);
  };
  const gapCount = data.score?.gaps.length ?? 0;
  const manualCount = findings.data?.length ?? 0;

  return (
    <section aria-labelledby="findings-title">
      <div className="page-head">
        <div>
          <h2 id="findings-title">Findings</h2>
          <p className="muted small">
            {gapCount} derived gap{gapCount === 1 ? '' : 's'} and {manualCount} finding
            {manualCount === 1 ? '' : 's'} written by the auditors.
          </p>
        </div>
        <button
          type="button"
          className="btn primary"
          onClick={() => {
            setFromGap(undefined);
            go('new');
          }}
        >
          New finding
        </button>
      </div>
      <ErrorBanner message={findings.error ?? data.scoreError} />
      <fieldset className="filters">
        <legend className="sr-only">Filter findings</legend>
        <label>
          Kind
          <select
            value={filters.kind}
            onChange={(e) => set('kind', e.target.value as FindingFilters['kind'])}
          >
            <option value="all">All</option>
            <option value="gap">Derived gaps</option>
            <option value="finding">Manual findings</option>
          </select>
        </label>
        <label>
          Severity
          <select
            value={filters.severity}
            onChange={(e) => set('severity', e.target.value as Severity | 'all')}
          >
            <option value="all">All</option>
            <Options values={SEVERITIES} labels={SEVERITY_LABELS} />
          </select>
        </label>
        <label>
          Status
          <select
            value={filters.status}
            onChange={(e) => set('status', e.target.value as FindingStatus | 'all')}
          >
            <option value="all">All</option>
            <Options values={FINDING_STATUSES} labels={FINDING_STATUS_LABELS} />
          </select>
        </label>
        <label>
          Scope
          <select value={filters.scope} onChange={(e) => set('scope', e.target.value)}>
            <option value="">All scopes</option>
            <option value="organisation">Organisation</option>
            <optgroup label="Zones (with their assets)">
              {data.zones.map((z) => (
                <option key={z.id} value={`zone:${z.id}`}>
                  {z.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Conduits">
              {data.conduits.map((c) => (
                <option key={c.id} value={`conduit:${c.id}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="Assets">
              {data.assets.map((a) => (
                <option key={a.id} value={`asset:${a.id}`}>
                  {a.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        <label className="grow">
          Text
          <input
            type="search"
            value={filters.text}
            placeholder="Title, requirement, scope, owner…"
            onChange={(e) => set('text', e.target.value)}
          />
        </label>
      </fieldset>

      {data.score && findings.data && rows.length === 0 && (
        <div className="empty-state">
          <p>No gaps and no findings yet.</p>
          <p className="muted">
            Gaps appear here as you answer the checklists; write a finding for anything else you observe.
          </p>
        </div>
      )}
      {rows.length > 0 && shown.length === 0 && (
        <div className="empty-state">
          <p>Nothing matches these filters.</p>
          <button type="button" className="btn" onClick={() => setFilters(ALL_FINDINGS)}>
            Clear filters
          </button>
        </div>
      )}
      {shown.length > 0 && (
        <table className="table compact findings-table">
          <TableHead
            columns={[
              { hidden: 'Kind' },
              'Severity',
              'Title',
              'Scope',
              'Status',
              'Owner',
              'Due',
              { hidden: 'Actions' },
            ]}
          />
          <tbody>
            {shown.slice(0, limit).map((r) =>
              r.kind === 'finding' ? (
                <tr key={r.key} data-kind="finding">
                  <td>
                    <FindingIcon />
                  </td>
                  <td>
                    <SeverityChip severity={r.severity} />
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => go(`finding:${r.finding.id}`)}>
                      {r.finding.title}
                    </button>
                    {r.finding.requirement && <div className="mono small muted">{r.finding.requirement}</div>}
                  </td>
                  <td>{r.finding.scope ? scopeName(data, r.finding.scope) : 'Whole assessment'}</td>
                  <td>{FINDING_STATUS_LABELS[r.finding.status]}</td>
                  <td>{r.finding.owner}</td>
                  <td className="nowrap">{r.finding.due ?? ''}</td>
                  <td className="row-actions">
                    <button type="button" className="btn small" onClick={() => go(`finding:${r.finding.id}`)}>
                      Edit
                    </button>
                  </td>
                </tr>
              ) : (
                <tr key={r.key} data-kind="gap">
                  <td>
                    <GapIcon />
                  </td>
                  <td>
                    <SeverityChip severity={r.severity} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate(scopeRoute(assessment.id, r.gap.scope, r.gap.requirement))}
                    >
                      <span className="mono">{r.gap.requirement}</span> {r.gap.title}
                    </button>
                  </td>
                  <td>{r.gap.scopeName}</td>
                  <td>
                    {RESULT_LABELS[r.gap.result]}
                    {r.gap.maturity !== null && ` (ML${r.gap.maturity})`}
                  </td>
                  <td />
                  <td />
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => {
                        setFromGap(gapDraft(r.gap));
                        go('new');
                      }}
                    >
                      Write finding
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {shown.length > limit && (
        <p>
          <button type="button" className="btn" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, shown.length - limit)} more of {shown.length - limit}
          </button>
        </p>
      )}
      {editing && (
        <FindingDrawer
          key={editing === 'new' ? 'new' : editing.id}
          assessmentId={assessment.id}
          finding={editing === 'new' ? undefined : editing}
          initial={editing === 'new' ? fromGap : undefined}
          onClose={() => go()}
          onSaved={() => {
            findings.reload();
            go();
          }}
        />
      )}
    </section>
  );
}
