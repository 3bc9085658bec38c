import { useMemo } from 'react';
import { maturityChartSvg } from '../../../core/charts/maturityChart';
import { slChartSvg } from '../../../core/charts/slChart';
import { FR_ABBREV, FR_NAMES, FRS, RESULT_LABELS, type Scope, scopeKey } from '../../../core/domain';
import { formatSl } from '../../../core/format';
import { gapSwatch } from '../../../core/palette';
import { severityRank } from '../../../core/scoring/severity';
import { ErrorBanner } from '../../components/ErrorBanner';
import { GapVector } from '../../components/GapVector';
import { ProgressBar } from '../../components/ProgressBar';
import { SeverityChip } from '../../components/SeverityChip';
import { SvgChart } from '../../components/SvgChart';
import { TableHead } from '../../components/TableHead';
import { useNavigate } from '../../navigation';
import { useTheme } from '../../theme';
import { scopeRoute } from './scopeRoutes';
import type { SectionProps } from './sections';
import { scopeName, useWorkspaceData } from './workspaceData';

const TOP_GAPS = 10;

/** The security-level picture of the assessment: the same charts and colours as the PDF summary. */
export function OverviewSection({ assessment }: SectionProps) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const [theme] = useTheme();
  const score = data.score;
  const open = (scope: Scope, requirement?: string) =>
    navigate(scopeRoute(assessment.id, scope, requirement));
  const zoneName = (id: string) => data.zones.find((z) => z.id === id)?.name ?? id;
  const topGaps = useMemo(
    () =>
      [...(score?.gaps ?? [])]
        .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || b.points - a.points)
        .slice(0, TOP_GAPS),
    [score],
  );

  if (!data.loaded || !score) {
    return (
      <>
        <ErrorBanner message={data.modelError ?? data.scoreError} />
        {!data.modelError && !data.scoreError && <p className="muted">Loading the picture…</p>}
      </>
    );
  }
  const zoneScores = new Map(score.zones.map((z) => [z.id, z]));
  const progressRows: { scope: Scope; name: string; kind: string }[] = [
    { scope: { kind: 'organisation' }, name: 'Organisation', kind: '2-1' },
    ...data.zones.map((z) => ({ scope: { kind: 'zone', id: z.id } as Scope, name: z.name, kind: 'Zone' })),
    ...data.conduits.map((c) => ({
      scope: { kind: 'conduit', id: c.id } as Scope,
      name: c.name,
      kind: 'Conduit',
    })),
    ...data.assets.map((a) => ({ scope: { kind: 'asset', id: a.id } as Scope, name: a.name, kind: 'Asset' })),
  ];

  return (
    <div className="dashboard">
      <h2 className="sr-only">Overview</h2>
      <ErrorBanner message={data.scoreError} />

      {data.zones.length === 0 ? (
        <div className="empty-state">
          <p>No zones yet.</p>
          <p className="muted">
            Add the first zone with its target security level, then its assets (one by one or imported from a
            file). The organisation questionnaire can be answered at any time.
          </p>
          <div className="toolbar center">
            <button
              type="button"
              className="btn primary"
              onClick={() =>
                navigate({ name: 'assessment', id: assessment.id, section: 'zones', item: 'new:zone' })
              }
            >
              Add the first zone
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => navigate({ name: 'assessment', id: assessment.id, section: 'organisation' })}
            >
              Open the organisation questionnaire
            </button>
          </div>
        </div>
      ) : (
        <div className="dash-grid">
          <div className="dash-col">
            <section className="panel" aria-labelledby="heat-title">
              <h3 id="heat-title">Gap by zone and FR</h3>
              <p className="muted small">
                SL-T minus achieved SL per foundational requirement. Select a zone to walk it.
              </p>
              <table className="heatmap" data-testid="heatmap">
                <thead>
                  <tr>
                    <th scope="col">Zone</th>
                    {FRS.map((fr) => (
                      <th key={fr} scope="col" title={FR_NAMES[fr]}>
                        {fr}
                        <span className="muted heat-abbr">{FR_ABBREV[fr]}</span>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.zones.map((z) => {
                    const s = zoneScores.get(z.id);
                    return (
                      <tr key={z.id}>
                        <th scope="row">
                          <button
                            type="button"
                            className="link"
                            onClick={() => open({ kind: 'zone', id: z.id })}
                          >
                            {z.name}
                          </button>
                        </th>
                        {FRS.map((fr) => {
                          const gap = s?.gap[fr] ?? 0;
                          const sw = gapSwatch(gap, theme);
                          return (
                            <td
                              key={fr}
                              style={{ background: sw.tint, color: sw.ink }}
                              title={`${z.name}, ${fr}: SL-T ${s?.slTarget[fr]}, achieved ${s?.slAchieved[fr]}`}
                              data-fr={fr}
                            >
                              <span className="heat-gap">{gap}</span>
                              <span className="heat-detail">
                                {s?.slAchieved[fr]}/{s?.slTarget[fr]}
                              </span>
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              <p className="heat-legend small">
                <span className="muted">Gap:</span>
                {[0, 1, 2, 3].map((g) => {
                  const sw = gapSwatch(g, theme);
                  return (
                    <span key={g} className="heat-key" style={{ background: sw.tint, color: sw.ink }}>
                      {g === 3 ? '3+' : g}
                    </span>
                  );
                })}
                <span className="muted">cell: gap, and achieved/target below it</span>
              </p>
            </section>
            <section className="panel" aria-labelledby="maturity-title">
              <h3 id="maturity-title" className="sr-only">
                Organisation maturity
              </h3>
              <SvgChart
                svg={maturityChartSvg(score.organisation.maturity, score.organisation.targetMaturity, {
                  theme,
                  id: 'zw-maturity',
                })}
              />
              <button
                type="button"
                className="btn small"
                onClick={() => navigate({ name: 'assessment', id: assessment.id, section: 'organisation' })}
              >
                Open the questionnaire
              </button>
            </section>
          </div>
          <div className="dash-col">
            <section className="panel" aria-labelledby="gaps-title">
              <h3 id="gaps-title">Top gaps</h3>
              {topGaps.length === 0 ? (
                <p className="muted">No gaps: every applicable requirement is satisfied so far.</p>
              ) : (
                <ol className="top-gaps">
                  {topGaps.map((g) => (
                    <li key={g.gapId}>
                      <SeverityChip severity={g.severity} />
                      <button type="button" className="link" onClick={() => open(g.scope, g.requirement)}>
                        <span className="mono">{g.requirement}</span> {g.title}
                      </button>
                      <span className="muted small">
                        {g.scopeName} · {RESULT_LABELS[g.result].toLowerCase()}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
              {score.gaps.length > TOP_GAPS && (
                <button
                  type="button"
                  className="btn small"
                  onClick={() => navigate({ name: 'assessment', id: assessment.id, section: 'findings' })}
                >
                  All {score.gaps.length} gaps in Findings
                </button>
              )}
            </section>
          </div>

          <section className="panel span-all" aria-labelledby="charts-title">
            <h3 id="charts-title">SL-T and achieved SL per zone</h3>
            <div className="chart-grid">
              {data.zones.map((z) => {
                const s = zoneScores.get(z.id);
                if (!s) return null;
                return (
                  <figure key={z.id} className="zone-chart" data-testid={`zone-chart-${z.id}`}>
                    <SvgChart
                      svg={slChartSvg(z.name, s.slTarget, s.slAchieved, { theme, id: `zw-sl-${z.id}` })}
                    />
                    <figcaption className="small muted">
                      SL-A{' '}
                      <span className="mono" data-testid="sl-achieved">
                        {formatSl(s.slAchieved)}
                      </span>{' '}
                      · system <span className="mono">{formatSl(s.slSystem)}</span>
                      {s.slComponents ? (
                        <>
                          {' '}
                          · assets <span className="mono">{formatSl(s.slComponents)}</span>
                        </>
                      ) : (
                        ' · no assets'
                      )}
                    </figcaption>
                  </figure>
                );
              })}
            </div>
          </section>

          <section className="panel span-all" aria-labelledby="conduits-title">
            <h3 id="conduits-title">Conduits</h3>
            {score.conduits.length === 0 ? (
              <p className="muted">No conduits yet.</p>
            ) : (
              <table className="table compact">
                <TableHead columns={['Conduit', 'SL-T', 'SL-A', 'Gap']} />
                <tbody>
                  {score.conduits.map((c) => {
                    const conduit = data.conduits.find((x) => x.id === c.id);
                    return (
                      <tr key={c.id}>
                        <td>
                          <button
                            type="button"
                            className="link"
                            onClick={() => open({ kind: 'conduit', id: c.id })}
                          >
                            {conduit?.name ?? c.id}
                          </button>
                          {conduit && (
                            <div className="muted small">
                              {zoneName(conduit.zones[0])} ⇄ {zoneName(conduit.zones[1])}
                            </div>
                          )}
                        </td>
                        <td className="mono">{formatSl(c.slTarget)}</td>
                        <td className="mono">{formatSl(c.slAchieved)}</td>
                        <td>
                          <GapVector gap={c.gap} theme={theme} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel span-all" aria-labelledby="assets-title">
            <h3 id="assets-title">Assets</h3>
            {score.assets.length === 0 ? (
              <p className="muted">No assets yet: add them on their zone, or import a list.</p>
            ) : (
              <table className="table compact">
                <TableHead columns={['Asset', 'Zone', 'SL-T', 'SL-A', 'Gap', 'Answered']} />
                <tbody>
                  {score.assets.map((a) => {
                    const asset = data.assets.find((x) => x.id === a.id);
                    const p = score.progress[scopeKey({ kind: 'asset', id: a.id })];
                    return (
                      <tr key={a.id}>
                        <td>
                          <button
                            type="button"
                            className="link"
                            onClick={() => open({ kind: 'asset', id: a.id })}
                          >
                            {asset?.name ?? a.id}
                          </button>
                          {asset && <span className="muted small"> {asset.componentType}</span>}
                        </td>
                        <td>{zoneName(a.zone)}</td>
                        <td className="mono">{formatSl(a.slTarget)}</td>
                        <td className="mono">{formatSl(a.slAchieved)}</td>
                        <td>
                          <GapVector gap={a.gap} theme={theme} />
                        </td>
                        <td>
                          {p && <ProgressBar compact label={`Answered in ${asset?.name ?? a.id}`} {...p} />}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>

          <section className="panel span-all" aria-labelledby="progress-title">
            <div className="page-head">
              <h3 id="progress-title">Progress per scope</h3>
              <div className="overall">
                <ProgressBar label="Overall progress" {...score.overall} />
              </div>
            </div>
            <ul className="progress-grid">
              {progressRows.map((r) => {
                const p = score.progress[scopeKey(r.scope)];
                if (!p) return null;
                return (
                  <li key={scopeKey(r.scope)}>
                    <button type="button" className="link" onClick={() => open(r.scope)}>
                      {scopeName(data, r.scope)}
                    </button>
                    <span className="muted small">{r.kind}</span>
                    <ProgressBar compact label={`Answered in ${r.name}`} {...p} />
                  </li>
                );
              })}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
