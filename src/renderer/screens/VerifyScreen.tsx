import { useEffect, useState } from 'react';
import { formatSize } from '../../core/format';
import { FILE_FILTERS } from '../../shared/contract/desktop';
import type { VerifyFile, VerifyReport } from '../../shared/contract/packages';
import { call, errorMessage } from '../api';
import { ErrorBanner } from '../components/ErrorBanner';
import { Fingerprint } from '../components/Fingerprint';
import { formatDateTime } from '../components/format';
import { PageHeader } from '../components/PageHeader';
import { PathField } from '../components/PathField';
import { TableHead } from '../components/TableHead';
import { useAsync } from '../useAsync';
import { OpenPackagePanel } from './OpenPackagePanel';

const ICON = { pass: '✓', fail: '✗', warn: '!' } as const;
const FILE_ORDER: Record<VerifyFile['status'], number> = {
  changed: 0,
  missing: 1,
  unlisted: 2,
  unreadable: 3,
  ok: 4,
};

function Verdict({ r }: { r: VerifyReport }) {
  const text = {
    'valid-trusted': `Valid: nothing changed since ${r.signer?.name ?? 'a trusted key'} signed it.`,
    'valid-untrusted':
      'Valid, but the signer is not in your trust list: compare the fingerprint with the auditor before you rely on it.',
    invalid: `Invalid: ${r.reasons[0] ?? 'a check failed'}`,
    unreadable: `Could not read the package: ${r.reasons[0] ?? ''}`,
  }[r.verdict];
  return (
    <p className={`verdict verdict-${r.verdict}`} role="status" data-testid="verdict">
      {text}
    </p>
  );
}

/** Open a package file and see, check by check and file by file, whether it is intact and who signed it. */
export function VerifyScreen({ file }: { file?: string }) {
  const recent = useAsync(() => call('packages.recent', {}), []);
  const [path, setPath] = useState(file ?? '');
  const [report, setReport] = useState<VerifyReport>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const verify = async (p: string) => {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      setReport(await call('packages.verify', { path: p }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: verify once for a file named in the route
  useEffect(() => {
    if (file) void verify(file);
  }, [file]);
  const files = report ? [...report.files].sort((a, b) => FILE_ORDER[a.status] - FILE_ORDER[b.status]) : [];

  return (
    <div className="home">
      <PageHeader title="Verify a package" />
      <main className="home-main">
        <section className="panel" aria-labelledby="choose-package">
          <h2 id="choose-package">Package file</h2>
          <form
            className="verify-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (path.trim()) void verify(path.trim());
            }}
          >
            <PathField
              label="Path of the .audit.zip file"
              value={path}
              onChange={setPath}
              dialog={{ kind: 'file', title: 'Choose an audit package', filters: [FILE_FILTERS.package] }}
              placeholder="/media/usb/waterworks-nord-2026_20261127T153000Z.audit.zip"
            />
            <button type="submit" className="btn primary" disabled={!path.trim() || busy}>
              {busy ? 'Verifying…' : 'Verify'}
            </button>
          </form>
          {!!recent.data?.length && (
            <>
              <h3 className="small muted">Recent exports</h3>
              <ul className="plain-list">
                {recent.data.slice(0, 8).map((p) => (
                  <li key={p.path}>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setPath(p.path);
                        void verify(p.path);
                      }}
                    >
                      {p.name}
                    </button>{' '}
                    <span className="muted small">
                      {formatSize(p.size)}, {formatDateTime(p.modifiedAt)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <ErrorBanner message={error} />
        {report && (
          <section className="panel" aria-labelledby="verify-result">
            <h2 id="verify-result">Result</h2>
            <Verdict r={report} />
            {report.signer && (
              <p>
                Signed by {report.signer.trusted ? <strong>{report.signer.name}</strong> : 'an unknown key'}:{' '}
                <Fingerprint value={report.signer.fingerprint} />
              </p>
            )}
            <ul className="checks" aria-label="Checks">
              {report.checks.map((c) => (
                <li key={c.id} className={`check-line check-${c.status}`} data-testid={`check-${c.id}`}>
                  <span className="check-icon" aria-hidden="true">
                    {ICON[c.status]}
                  </span>
                  <span>
                    <strong>{c.label}</strong>
                    {c.detail && <span className="check-detail"> {c.detail}</span>}
                  </span>
                </li>
              ))}
            </ul>
            {files.length > 0 && (
              <table className="table files" aria-label="Files">
                <TableHead columns={['File', 'Size', 'Result']} />
                <tbody>
                  {files.map((f) => (
                    <tr
                      key={f.path}
                      className={`file-${f.status === 'ok' ? 'ok' : 'bad'}`}
                      data-testid="file-row"
                    >
                      <td className="mono">{f.path}</td>
                      <td>{f.size === undefined ? '' : formatSize(f.size)}</td>
                      <td>
                        <span className="check-icon" aria-hidden="true">
                          {f.status === 'ok' ? ICON.pass : ICON.fail}
                        </span>{' '}
                        {f.status}
                        {f.detail && <span className="muted small"> {f.detail}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        )}
        {report && (report.verdict === 'valid-trusted' || report.verdict === 'valid-untrusted') && (
          <OpenPackagePanel key={report.file} file={report.file} />
        )}
      </main>
    </div>
  );
}
