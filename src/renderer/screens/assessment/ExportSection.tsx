import { useState } from 'react';
import { formatSize } from '../../../core/format';
import type { ExportResult, RegisterImportPreview } from '../../../shared/contract/reports';
import { call, errorMessage } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PathField } from '../../components/PathField';
import { TableHead } from '../../components/TableHead';
import { readFileBytes } from '../../readFile';
import { PackageExportBlock } from './PackageExportBlock';
import type { SectionProps } from './sections';

type Kind = 'register' | 'report';
const STEPS: Record<
  Kind,
  { label: string; run: (assessmentId: string, outDir?: string) => Promise<ExportResult> }
> = {
  register: {
    label: 'gap register (Excel)',
    run: (assessmentId, outDir) => call('reports.exportGapRegister', { assessmentId, outDir }),
  },
  report: {
    label: 'findings report (PDF)',
    run: (assessmentId, outDir) => call('reports.exportReport', { assessmentId, outDir }),
  },
};

/** The gap register and the findings report: buttons, a progress line, and where the files went. */
export function ReportsBlock({ assessment }: SectionProps) {
  const [outDir, setOutDir] = useState('');
  const [running, setRunning] = useState<{ step: number; of: number; label: string }>();
  const [written, setWritten] = useState<(ExportResult & { label: string })[]>([]);
  const [error, setError] = useState<string>();

  const run = async (kinds: Kind[]) => {
    setError(undefined);
    setWritten([]);
    try {
      for (const [i, kind] of kinds.entries()) {
        setRunning({ step: i + 1, of: kinds.length, label: STEPS[kind].label });
        const r = await STEPS[kind].run(assessment.id, outDir.trim() || undefined);
        setWritten((w) => [...w, { ...r, label: STEPS[kind].label }]);
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(undefined);
    }
  };

  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">Reports</h2>
      <p className="muted">
        The gap register is the Excel workbook the site&rsquo;s engineers work from: one row per gap, with
        owner, due date and status to fill in. The findings report is the PDF for management.
      </p>
      <div className="form">
        <PathField
          label="Folder for the reports"
          value={outDir}
          onChange={setOutDir}
          dialog={{ kind: 'folder', title: 'Choose the folder for the reports' }}
          placeholder="exports folder of this workspace"
        />
      </div>
      <div className="toolbar reports-actions">
        <button
          type="button"
          className="btn primary"
          disabled={!!running}
          onClick={() => void run(['register', 'report'])}
        >
          Export both
        </button>
        <button type="button" className="btn" disabled={!!running} onClick={() => void run(['register'])}>
          Export gap register
        </button>
        <button type="button" className="btn" disabled={!!running} onClick={() => void run(['report'])}>
          Export findings report
        </button>
      </div>
      <div role="status" aria-live="polite">
        {running && (
          <p>
            <progress
              aria-label={`Writing the ${running.label}`}
              max={running.of}
              value={running.of > 1 ? running.step - 1 : undefined}
            />{' '}
            Writing the {running.label}
            {running.of > 1 ? ` (${running.step} of ${running.of})` : ''}…
          </p>
        )}
        {written.length > 0 && !running && (
          <ul className="written" data-testid="written-files">
            {written.map((w) => (
              <li key={w.path} className="written-file">
                <strong>Wrote the {w.label}</strong>{' '}
                <span className="muted small">({formatSize(w.bytes)})</span>
                <span className="path mono small">{w.path}</span>
                {w.warnings.map((text) => (
                  <span key={text} className="warning small" role="note">
                    {text}
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}

/** Reads Owner, Due date and Status back from a register engineers filled in; preview, then apply. */
export function RegisterImportBlock({ assessment, onChanged }: SectionProps) {
  const [file, setFile] = useState<{ fileName: string; base64: string }>();
  const [preview, setPreview] = useState<RegisterImportPreview>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<string>();

  const choose = async (f: File | undefined) => {
    setPreview(undefined);
    setDone(undefined);
    setError(undefined);
    if (!f) return;
    setBusy(true);
    try {
      const picked = await readFileBytes(f);
      setFile(picked);
      setPreview(await call('reports.importRegisterPreview', { assessmentId: assessment.id, file: picked }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await call('reports.importRegisterApply', { assessmentId: assessment.id, file });
      setDone(`Applied ${r.applied} change${r.applied === 1 ? '' : 's'} from ${r.fileName}.`);
      setPreview(undefined);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="register-import-title">
      <h2 id="register-import-title">Import a filled-in gap register</h2>
      <div className="form">
        <label>
          Gap register (.xlsx)
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
      </div>
      {busy && (
        <p role="status">
          <progress aria-label="Reading the gap register" /> Reading…
        </p>
      )}
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
      {done && (
        <p className="ok-line" role="status">
          {done}
        </p>
      )}
      {preview && (
        <div data-testid="register-preview">
          <p>
            {preview.rowsRead} rows read: {preview.changes.length} with changes, {preview.unchanged}{' '}
            unchanged, {preview.unmatched.length} not matched.
          </p>
          {preview.problems.length > 0 && (
            <div className="error-banner" role="alert">
              <span>
                Nothing can be imported until these values are fixed in the workbook:
                <ul>
                  {preview.problems.map((p) => (
                    <li key={`${p.row}-${p.column}`}>
                      Row {p.row}, {p.column} &ldquo;{p.value}&rdquo;: {p.message}
                    </li>
                  ))}
                </ul>
              </span>
            </div>
          )}
          {preview.changes.length > 0 && (
            <table className="table">
              <TableHead columns={['Row', 'Gap ID', 'Owner', 'Due date', 'Status']} />
              <tbody>
                {preview.changes.map((c) => (
                  <tr key={c.gapId}>
                    <td>{c.row}</td>
                    <td className="mono small">{c.gapId}</td>
                    <td>{c.owner ? `${c.owner.from || '—'} → ${c.owner.to || '—'}` : ''}</td>
                    <td>{c.due ? `${c.due.from ?? '—'} → ${c.due.to ?? '—'}` : ''}</td>
                    <td>{c.status ? `${c.status.from} → ${c.status.to}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.unmatched.length > 0 && (
            <p className="muted small">
              Not a gap of this assessment (any more), skipped:{' '}
              {preview.unmatched.map((u) => `row ${u.row} ${u.gapId}`).join(', ')}
            </p>
          )}
          <div className="toolbar">
            <button
              type="button"
              className="btn primary"
              disabled={busy || preview.problems.length > 0 || preview.changes.length === 0}
              onClick={() => void apply()}
            >
              Apply {preview.changes.length} change{preview.changes.length === 1 ? '' : 's'}
            </button>
            <button type="button" className="btn ghost" disabled={busy} onClick={() => setPreview(undefined)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** Export: the signed package (with redaction and signing), the reports alone, the register's return trip. */
export function ExportSection(props: SectionProps) {
  return (
    <>
      <PackageExportBlock {...props} />
      <ReportsBlock {...props} />
      <RegisterImportBlock {...props} />
    </>
  );
}
