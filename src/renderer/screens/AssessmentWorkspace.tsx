import { useEffect } from 'react';
import { call } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Fingerprint } from '../components/Fingerprint';
import { StatusChip } from '../components/StatusChip';
import { ThemeToggle } from '../components/ThemeToggle';
import { type Route, useNavigate } from '../navigation';
import { useAsync } from '../useAsync';
import { SECTIONS } from './assessment/sections';

export function AssessmentWorkspace({ route }: { route: Extract<Route, { name: 'assessment' }> }) {
  const navigate = useNavigate();
  const assessment = useAsync(() => call('assessments.get', { id: route.id }), [route.id]);
  const chain = useAsync(() => call('audit.verify', { assessmentId: route.id }), [route.id]);
  const review = useAsync(() => call('packages.imports', { assessmentId: route.id }), [route.id]);
  const reviewOf = review.data?.find((i) => i.kind === 'review');
  const section = SECTIONS.find((s) => s.id === route.section) ?? SECTIONS[0];
  useEffect(() => {
    if (assessment.data) document.title = `${assessment.data.title} - Zonewalk`;
  }, [assessment.data]);

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
                className={s.id === section.id ? 'nav-item active' : 'nav-item'}
                aria-current={s.id === section.id ? 'page' : undefined}
                onClick={() => navigate({ name: 'assessment', id: route.id, section: s.id })}
              >
                {s.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="workspace-main">
        <header className="topbar">
          <div>
            <h1 className="topbar-title">{assessment.data?.title ?? ' '}</h1>
            {assessment.data && (
              <span className="muted small">
                {[assessment.data.organisation, assessment.data.site].filter(Boolean).join(' · ')}
              </span>
            )}
          </div>
          <div className="toolbar">
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
        {reviewOf && (
          <div className="review-banner" role="note">
            Read-only review copy of {reviewOf.packageName}, signed by{' '}
            {reviewOf.signerName ??
              (reviewOf.signerTrusted ? 'a trusted key' : 'a key not in your trust list')}{' '}
            <Fingerprint value={reviewOf.signerFingerprint} />. It cannot be edited.
          </div>
        )}
        <ErrorBanner message={assessment.error} />
        {assessment.data && (
          <section.Component assessment={assessment.data} onChanged={assessment.reload} route={route} />
        )}
      </div>
    </div>
  );
}
