import { useEffect, useRef, useState } from 'react';
import { formatSize } from '../../../core/format';
import type { RedactionProfileName } from '../../../core/redaction/profiles';
import type { ExportStatus } from '../../../shared/contract/packages';
import { call, errorMessage } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Fingerprint } from '../../components/Fingerprint';
import { PathField } from '../../components/PathField';
import { useNavigate } from '../../navigation';
import { useAsync } from '../../useAsync';
import type { SectionProps } from './sections';

const KIND_LABEL = {
  package: 'Signed package',
  'gap-register': 'Gap register',
  report: 'Findings report',
} as const;
const PROFILES: { id: RedactionProfileName; label: string }[] = [
  { id: 'none', label: 'None: everything' },
  { id: 'management', label: 'Management: no evidence files, addresses and serial numbers masked' },
  { id: 'vendor', label: 'Vendor: only the assets of one vendor' },
];

/** Progress in one unit, so the numbers do not jump between KiB and MiB while they grow. */
function mib(n: number): string {
  return `${(n / 1024 ** 2).toFixed(1)} MiB`;
}

/** The signed package, and the reports with it, after a redaction profile; progress and cancel. */
export function PackageExportBlock({ assessment }: SectionProps) {
  const navigate = useNavigate();
  const keys = useAsync(() => call('keys.list', {}), []);
  const vendors = useAsync(() => call('exports.vendors', { assessmentId: assessment.id }), [assessment.id]);
  const [outputs, setOutputs] = useState({ package: true, gapRegister: true, report: true });
  const [redaction, setRedaction] = useState<RedactionProfileName>('none');
  const [vendor, setVendor] = useState('');
  const [keyName, setKeyName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [outDir, setOutDir] = useState('');
  const [status, setStatus] = useState<ExportStatus>();
  const [error, setError] = useState<string>();
  const timer = useRef<ReturnType<typeof setInterval>>(undefined);

  useEffect(() => {
    if (!keyName && keys.data?.length) setKeyName(keys.data[0].name);
  }, [keys.data, keyName]);
  useEffect(() => () => clearInterval(timer.current), []);

  const running = status?.state === 'running';
  const nothing = !outputs.package && !outputs.gapRegister && !outputs.report;
  const ready =
    !running &&
    !nothing &&
    (redaction !== 'vendor' || vendor) &&
    (!outputs.package || (keyName && passphrase));

  const poll = (jobId: string) => {
    clearInterval(timer.current);
    timer.current = setInterval(async () => {
      try {
        const s = await call('exports.status', { jobId });
        setStatus(s);
        if (s.state !== 'running') {
          clearInterval(timer.current);
          if (s.error && s.state === 'failed') setError(s.error.message);
        }
      } catch (e) {
        clearInterval(timer.current);
        setError(errorMessage(e));
      }
    }, 150);
  };

  const start = async () => {
    setError(undefined);
    setStatus(undefined);
    try {
      const s = await call('exports.start', {
        assessmentId: assessment.id,
        outputs,
        redaction,
        vendor: redaction === 'vendor' ? vendor : undefined,
        keyName: outputs.package ? keyName : undefined,
        passphrase: outputs.package ? passphrase : undefined,
        outDir: outDir.trim() || undefined,
      });
      setPassphrase('');
      setStatus(s);
      poll(s.jobId);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const cancel = async () => {
    if (!status) return;
    try {
      setStatus(await call('exports.cancel', { jobId: status.jobId }));
      clearInterval(timer.current);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const result = status?.state === 'done' ? status.result : undefined;
  const pkg = result?.files.find((f) => f.kind === 'package');

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">Signed audit package</h2>
      <form
        className="form grid-2 export-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void start();
        }}
      >
        <fieldset className="span-2">
          <legend>What to export</legend>
          <label className="check-label">
            <input
              type="checkbox"
              checked={outputs.package}
              onChange={(e) => setOutputs({ ...outputs, package: e.target.checked })}
            />
            Signed audit package (.audit.zip)
          </label>
          <label className="check-label">
            <input
              type="checkbox"
              checked={outputs.gapRegister}
              onChange={(e) => setOutputs({ ...outputs, gapRegister: e.target.checked })}
            />
            Gap register (Excel)
          </label>
          <label className="check-label">
            <input
              type="checkbox"
              checked={outputs.report}
              onChange={(e) => setOutputs({ ...outputs, report: e.target.checked })}
            />
            Findings report (PDF)
          </label>
        </fieldset>
        <label>
          Redaction
          <select value={redaction} onChange={(e) => setRedaction(e.target.value as RedactionProfileName)}>
            {PROFILES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {redaction === 'vendor' && (
          <label>
            Vendor
            <select value={vendor} onChange={(e) => setVendor(e.target.value)}>
              <option value="">Choose a vendor</option>
              {vendors.data?.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
        {outputs.package && keys.data?.length === 0 && (
          <p className="span-2">
            Packages are signed.{' '}
            <button type="button" className="link" onClick={() => navigate({ name: 'keys' })}>
              Create a signing key
            </button>{' '}
            first.
          </p>
        )}
        {outputs.package && !!keys.data?.length && (
          <>
            <label>
              Signing key
              <select value={keyName} onChange={(e) => setKeyName(e.target.value)}>
                {keys.data.map((k) => (
                  <option key={k.fingerprint} value={k.name}>
                    {k.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Passphrase
              <input
                type="password"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                autoComplete="off"
              />
            </label>
          </>
        )}
        <PathField
          className="span-2"
          label="Export folder"
          value={outDir}
          onChange={setOutDir}
          dialog={{ kind: 'folder', title: 'Choose the export folder' }}
          placeholder="exports folder of this workspace"
        />
        <div className="span-2 toolbar">
          <button type="submit" className="btn primary" disabled={!ready}>
            Start export
          </button>
        </div>
      </form>
      <ErrorBanner message={error} onDismiss={() => setError(undefined)} />
      {running && status && (
        <div className="progress-block" aria-live="polite">
          <div className="muted">
            {status.phase}
            {status.bytesTotal > 0 && `: ${mib(status.bytesDone)} of ${mib(status.bytesTotal)}`}
          </div>
          <progress
            aria-label="Export progress"
            max={status.bytesTotal || undefined}
            value={status.bytesTotal ? status.bytesDone : undefined}
          />
          <button type="button" className="btn" onClick={() => void cancel()}>
            Cancel
          </button>
        </div>
      )}
      {status?.state === 'cancelled' && (
        <p className="ok-line" role="status">
          Export cancelled. Nothing was written.
        </p>
      )}
      {result && (
        <div className="export-result" data-testid="export-result">
          <p className="ok-line" role="status">
            Exported to {result.folder}
          </p>
          <ul className="plain-list">
            {result.files.map((f) => (
              <li key={f.path}>
                <strong>{KIND_LABEL[f.kind]}</strong>: <span className="mono">{f.path}</span>{' '}
                <span className="muted small">({formatSize(f.size)})</span>
              </li>
            ))}
          </ul>
          <p>Redaction: {result.redaction}</p>
          {result.signerFingerprint && (
            <p>
              Signed by {result.signerName}: <Fingerprint value={result.signerFingerprint} />
            </p>
          )}
          {pkg && (
            <button
              type="button"
              className="btn"
              onClick={() => navigate({ name: 'verify', file: pkg.path })}
            >
              Verify this package
            </button>
          )}
        </div>
      )}
    </section>
  );
}
