import { useId, useState } from 'react';
import {
  ASSET_IMPORT_FIELDS,
  type AssetImportField,
  type AssetImportPreview,
  type AssetImportResult,
} from '../../../../shared/contract/model';
import { call, errorMessage } from '../../../api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { TableHead } from '../../../components/TableHead';
import { useNavigate } from '../../../navigation';
import { readFileBytes } from '../../../readFile';
import { useWorkspaceData } from '../workspaceData';
import { ZoneOptions } from './ZoneSelect';

const FIELD_LABELS: Record<AssetImportField, string> = {
  name: 'Name',
  zone: 'Zone (name or id)',
  componentType: 'Component type (SAR, EDR, HDR, NDR)',
  vendor: 'Vendor',
  model: 'Model',
  firmware: 'Firmware',
  legacy: 'Legacy (yes / no)',
};

const SHORT_LABELS: Record<AssetImportField, string> = {
  name: 'Name',
  zone: 'Zone',
  componentType: 'Type',
  vendor: 'Vendor',
  model: 'Model',
  firmware: 'Firmware',
  legacy: 'Legacy',
};

type Mapping = Partial<Record<AssetImportField, string>>;

/** CSV or XLSX → column mapping with a sample → all rows imported, or none and the list of what is wrong. */
export function ImportAssetsWizard({ assessmentId }: { assessmentId: string }) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const fileId = useId();
  const [file, setFile] = useState<{ fileName: string; base64: string }>();
  const [preview, setPreview] = useState<AssetImportPreview>();
  const [mapping, setMapping] = useState<Mapping>({});
  const [defaultZone, setDefaultZone] = useState<string>('');
  const [result, setResult] = useState<AssetImportResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const step = result ? 3 : preview ? 2 : 1;

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const bytes = await readFileBytes(picked);
      const p = await call('assets.importPreview', { assessmentId, file: bytes });
      setFile(bytes);
      setPreview(p);
      setMapping(p.suggestedMapping);
      setDefaultZone(data.zones[0]?.id ?? '');
    } catch (e) {
      setPreview(undefined);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const clean = Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
      const r = await call('assets.importApply', {
        assessmentId,
        file,
        mapping: clean,
        ...(defaultZone && !mapping.zone ? { defaultZone } : {}),
      });
      setResult(r);
      if (r.errors.length === 0) data.reloadModel();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const back = () => navigate({ name: 'assessment', id: assessmentId, section: 'zones' });
  const mapped = ASSET_IMPORT_FIELDS.filter((f) => mapping[f]);

  return (
    <section className="wizard" aria-labelledby="import-title">
      <div className="page-head">
        <h2 id="import-title">Import assets</h2>
        <button type="button" className="btn" onClick={back}>
          Back to zones and conduits
        </button>
      </div>
      <ol className="steps" aria-label="Steps">
        {['Choose a file', 'Map the columns', 'Import'].map((label, i) => (
          <li
            key={label}
            className={step === i + 1 ? 'current' : step > i + 1 ? 'done' : ''}
            aria-current={step === i + 1 ? 'step' : undefined}
          >
            {i + 1}. {label}
          </li>
        ))}
      </ol>
      <ErrorBanner message={error} />

      <div className="panel">
        <label htmlFor={fileId} className="file-pick">
          <span>A CSV or Excel (.xlsx) file with one asset per row and a header row</span>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        </label>
        {file && preview && (
          <p className="muted small">
            {file.fileName}: {preview.rowCount} row{preview.rowCount === 1 ? '' : 's'}, columns{' '}
            {preview.columns.join(', ')}.
          </p>
        )}
      </div>

      {preview && !result?.imported && (
        <div className="panel">
          <h3>Which column holds what?</h3>
          <p className="muted small">Preselected from the headers; a field not in the file stays empty.</p>
          <div className="form grid-2 mapping">
            {ASSET_IMPORT_FIELDS.map((f) => (
              <label key={f}>
                <span>
                  {FIELD_LABELS[f]}
                  {f === 'name' && <span className="muted"> (required)</span>}
                </span>
                <select
                  value={mapping[f] ?? ''}
                  onChange={(e) => setMapping({ ...mapping, [f]: e.target.value || undefined })}
                >
                  <option value="">(not in the file)</option>
                  {preview.columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            {!mapping.zone && (
              <label>
                <span>Zone for every row</span>
                <select value={defaultZone} onChange={(e) => setDefaultZone(e.target.value)}>
                  <ZoneOptions zones={data.zones} />
                </select>
              </label>
            )}
          </div>
          {preview.sample.length > 0 && mapped.length > 0 && (
            <>
              <h4>Sample as it will be read</h4>
              <div className="table-scroll">
                <table className="table compact">
                  <thead>
                    <tr>
                      {mapped.map((f) => (
                        <th key={f} scope="col">
                          {SHORT_LABELS[f]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {preview.sample.slice(0, 5).map((row, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity
                      <tr key={i}>
                        {mapped.map((f) => (
                          <td key={f}>{row[mapping[f] ?? ''] ?? ''}</td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <div className="toolbar wizard-actions">
            <button
              type="button"
              className="btn primary"
              disabled={busy || !mapping.name || (!mapping.zone && !defaultZone)}
              onClick={() => void apply()}
            >
              Import {preview.rowCount} asset{preview.rowCount === 1 ? '' : 's'}
            </button>
            {!mapping.name && <span className="field-error">Choose the column with the asset names.</span>}
          </div>
        </div>
      )}

      {result && result.errors.length > 0 && (
        <div className="panel" role="alert">
          <h3>Nothing was imported</h3>
          <p>
            {result.errors.length} row{result.errors.length === 1 ? ' needs' : 's need'} fixing. Correct the
            file and choose it again, or change the column mapping above.
          </p>
          <div className="table-scroll tall">
            <table className="table compact">
              <TableHead columns={['Row', 'What is wrong']} />
              <tbody>
                {result.errors.slice(0, 500).map((e) => (
                  <tr key={`${e.row}-${e.message}`}>
                    <td>{e.row}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.errors.length > 500 && (
            <p className="muted small">The first 500 of {result.errors.length} are shown.</p>
          )}
        </div>
      )}
      {result && result.errors.length === 0 && (
        <div className="panel ok-panel" role="status">
          <h3>
            Imported {result.imported} asset{result.imported === 1 ? '' : 's'}
          </h3>
          <p>Each has its 62443-4-2 checklist at the SL-T of its zone.</p>
          <button type="button" className="btn primary" onClick={back}>
            See them in zones and conduits
          </button>
        </div>
      )}
    </section>
  );
}
