import { useEffect, useState } from 'react';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { ProgressBar } from '../components/ProgressBar';
import { StatusChip } from '../components/StatusChip';
import { ThemeToggle } from '../components/ThemeToggle';
import { type Route, useNavigate } from '../navigation';
import { useAsync } from '../useAsync';
import { CommandPalette } from './assessment/palette/CommandPalette';
import { SECTIONS } from './assessment/sections';
import { useWorkspaceData, WorkspaceDataProvider } from './assessment/workspaceData';
import { ZoneTree } from './assessment/ZoneTree';

type AssessmentRoute = Extract<Route, { name: 'assessment' }>;

export function AssessmentWorkspace({ route }: { route: AssessmentRoute }) {
  return (
    <WorkspaceDataProvider key={route.id} assessmentId={route.id}>
      <Workspace route={route} />
    </WorkspaceDataProvider>
  );
}

function Workspace({ route }: { route: AssessmentRoute }) {
  const navigate = useNavigate();
  const data = useWorkspaceData();
  const assessment = useAsync(() => call('assessments.get', { id: route.id }), [route.id]);
  const chain = useAsync(() => call('audit.verify', { assessmentId: route.id }), [route.id]);
  const [palette, setPalette] = useState(false);
  const section = SECTIONS.find((s) => s.id === route.section) ?? SECTIONS[0];
  useEffect(() => {
    if (assessment.data) document.title = `${assessment.data.title} - Zonewalk`;
  }, [assessment.data]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  const onChanged = () => {
    assessment.reload();
    data.refreshScore();
  };

  return (
    <div className="workspace">
      <nav className="sidebar" aria-label="Assessment sections">
        <button type="button" className="btn ghost back" onClick={() => navigate({ name: 'home' })}>
          &larr; All assessments
        </button>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                className={
                  s.id === section.id &&
                  (s.id !== 'zones' || !route.item?.includes(':') || route.item.startsWith('new:'))
                    ? 'nav-item active'
                    : 'nav-item'
                }
                aria-current={s.id === section.id ? 'page' : undefined}
                onClick={() => navigate({ name: 'assessment', id: route.id, section: s.id })}
              >
                {s.label}
              </button>
              {s.id === 'zones' && (
                <ZoneTree assessmentId={route.id} item={section.id === 'zones' ? route.item : undefined} />
              )}
            </li>
          ))}
        </ul>
      </nav>
      <div className="workspace-main">
        <header className="topbar">
          <div className="topbar-heading">
            <h1 className="topbar-title">{assessment.data?.title ?? ' '}</h1>
            {assessment.data && (
              <span className="muted small">
                {[assessment.data.organisation, assessment.data.site].filter(Boolean).join(' · ')}
              </span>
            )}
          </div>
          <div className="toolbar">
            {data.score && (
              <div className="topbar-progress" title="Overall: answered of all applicable requirements">
                <ProgressBar label="Overall progress" compact {...data.score.overall} />
              </div>
            )}
            <button
              type="button"
              className="btn palette-btn"
              onClick={() => setPalette(true)}
              aria-keyshortcuts="Control+K"
            >
              <span aria-hidden="true">⌕</span> Go to… <kbd>Ctrl K</kbd>
            </button>
            {assessment.data && <StatusChip status={assessment.data.status} />}
            <ThemeToggle />
          </div>
        </header>
        {chain.data && !chain.data.ok && (
          <div className="error-banner loud" role="alert">
            The audit trail of this assessment is broken at event {chain.data.brokenAt}: {chain.data.reason}.
            Someone changed the database outside Zonewalk. Do not sign or export this assessment before you
            find out why.
          </div>
        )}
        <ErrorBanner message={assessment.error} />
        <main className="workspace-content">
          {assessment.data && (
            <section.Component assessment={assessment.data} onChanged={onChanged} route={route} />
          )}
        </main>
      </div>
      {palette && (
        <CommandPalette assessmentId={route.id} sections={SECTIONS} onClose={() => setPalette(false)} />
      )}
    </div>
  );
}
