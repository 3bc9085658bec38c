import { useState } from 'react';
import type { AssessmentSummary } from '../../shared/contract/assessments';
import { call } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { FormDialog } from '../components/FormDialog';
import { formatDateTime } from '../components/format';
import { StatusChip } from '../components/StatusChip';
import { TableHead } from '../components/TableHead';
import { ThemeToggle } from '../components/ThemeToggle';
import { useNavigate } from '../navigation';
import { useAsync } from '../useAsync';

type Editing =
  | { kind: 'create' }
  | { kind: 'rename'; a: AssessmentSummary }
  | { kind: 'delete'; a: AssessmentSummary };

export function HomeScreen() {
  const list = useAsync(() => call('assessments.list', {}), []);
  const [editing, setEditing] = useState<Editing>();
  const navigate = useNavigate();

  const done = () => {
    setEditing(undefined);
    list.reload();
  };

  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ZW
          </span>
          <div>
            <h1>Zonewalk</h1>
            <p className="muted">IEC 62443 field audits, offline</p>
          </div>
        </div>
        <div className="toolbar">
          <ThemeToggle />
          <button type="button" className="btn" onClick={() => navigate({ name: 'verify' })}>
            Verify a package
          </button>
          <button type="button" className="btn" onClick={() => navigate({ name: 'keys' })}>
            Signing keys
          </button>
          <button type="button" className="btn" onClick={() => navigate({ name: 'catalogs' })}>
            Catalogs
          </button>
          <button type="button" className="btn primary" onClick={() => setEditing({ kind: 'create' })}>
            New assessment
          </button>
        </div>
      </header>
      <main className="home-main">
        <ErrorBanner message={list.error} />
        <h2 className="section-title">Assessments</h2>
        {list.data && list.data.length === 0 && (
          <div className="empty-state">
            <p>No assessments yet.</p>
            <p className="muted">Create the first one to start walking the plant.</p>
            <button type="button" className="btn primary" onClick={() => setEditing({ kind: 'create' })}>
              New assessment
            </button>
          </div>
        )}
        {list.data && list.data.length > 0 && (
          <table className="table assessments-table">
            <TableHead columns={['Title', 'Site', 'Status', 'Last changed', { hidden: 'Actions' }]} />
            <tbody>
              {list.data.map((a) => (
                <tr key={a.id} data-testid="assessment-row">
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate({ name: 'assessment', id: a.id, section: 'overview' })}
                    >
                      {a.title}
                    </button>
                    {a.organisation && <div className="muted small">{a.organisation}</div>}
                  </td>
                  <td>{a.site}</td>
                  <td>
                    <StatusChip status={a.status} />
                  </td>
                  <td>{formatDateTime(a.updatedAt)}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => navigate({ name: 'assessment', id: a.id, section: 'overview' })}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => setEditing({ kind: 'rename', a })}
                    >
                      Rename
                    </button>
                    <button
                      type="button"
                      className="btn small danger"
                      onClick={() => setEditing({ kind: 'delete', a })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
      {editing?.kind === 'create' && <CreateDialog onClose={() => setEditing(undefined)} onDone={done} />}
      {editing?.kind === 'rename' && (
        <RenameDialog assessment={editing.a} onClose={() => setEditing(undefined)} onDone={done} />
      )}
      {editing?.kind === 'delete' && (
        <DeleteDialog assessment={editing.a} onClose={() => setEditing(undefined)} onDone={done} />
      )}
    </div>
  );
}

function CreateDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const [title, setTitle] = useState('');
  const [site, setSite] = useState('');
  const [organisation, setOrganisation] = useState('');
  return (
    <FormDialog
      title="New assessment"
      submitLabel="Create"
      ready={Boolean(title.trim())}
      dirty={Boolean(title || site || organisation)}
      onClose={onClose}
      failure="The assessment could not be created"
      onSubmit={async () => {
        await call('assessments.create', { title, site, organisation });
        onDone();
      }}
    >
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      </label>
      <label>
        Site
        <input value={site} onChange={(e) => setSite(e.target.value)} maxLength={200} />
      </label>
      <label>
        Organisation
        <input value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={200} />
      </label>
    </FormDialog>
  );
}

function RenameDialog({
  assessment,
  onClose,
  onDone,
}: {
  assessment: AssessmentSummary;
  onClose: () => void;
  onDone: () => void;
}) {
  const [title, setTitle] = useState(assessment.title);
  return (
    <FormDialog
      title="Rename assessment"
      submitLabel="Rename"
      ready={Boolean(title.trim())}
      dirty={title !== assessment.title}
      onClose={onClose}
      failure="The assessment could not be renamed"
      onSubmit={async () => {
        await call('assessments.rename', { id: assessment.id, title });
        onDone();
      }}
    >
      <label>
        Title
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} required />
      </label>
    </FormDialog>
  );
}

function DeleteDialog({
  assessment,
  onClose,
  onDone,
}: {
  assessment: AssessmentSummary;
  onClose: () => void;
  onDone: () => void;
}) {
  const remove = async () => {
    await call('assessments.delete', { id: assessment.id });
    onDone();
  };
  return (
    <ConfirmDialog
      title="Delete assessment?"
      confirmLabel="Delete"
      cancelLabel="Keep it"
      onClose={onClose}
      onConfirm={remove}
      failure="The assessment could not be deleted"
    >
      <p>
        <strong>{assessment.title}</strong> and everything recorded in it (zones, answers, findings, evidence)
        will be deleted. The deletion itself stays in the audit trail. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
