import { COMPONENT_TYPE_NAMES, type Scope } from '../../../../core/domain';
import { formatSl } from '../../../../core/format';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ProgressBar } from '../../../components/ProgressBar';
import { TableHead } from '../../../components/TableHead';
import { useNavigate } from '../../../navigation';
import { scopeRoute } from '../scopeRoutes';
import { useWorkspaceData } from '../workspaceData';
import { AddAssetDialog, AddConduitDialog, AddZoneDialog } from './CreateDialogs';

export type NewWhat = 'zone' | 'conduit' | 'asset';

/** The system under consideration as an inventory: zones, conduits and assets, and where to add them. */
export function ZonesOverview({ assessmentId, adding }: { assessmentId: string; adding?: NewWhat }) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const go = (item?: string) => navigate({ name: 'assessment', id: assessmentId, section: 'zones', item });
  const close = () => go();
  const open = (scope: Scope) => navigate(scopeRoute(assessmentId, scope));
  const created = (scope: Scope) => {
    data.reloadModel();
    open(scope);
  };
  // An add dialog opened by address waits for the zones: its selects take their first value once.
  const dialog = data.loaded ? adding : undefined;
  const zoneName = (id: string) => data.zones.find((z) => z.id === id)?.name ?? id;
  const progress = (key: string) => data.score?.progress[key];

  return (
    <section aria-labelledby="zones-title">
      <div className="page-head">
        <h2 id="zones-title">Zones and conduits</h2>
        <div className="toolbar">
          <button type="button" className="btn primary" onClick={() => go('new:zone')}>
            Add zone
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => go('new:conduit')}
            disabled={data.zones.length < 2}
          >
            Add conduit
          </button>
          <button type="button" className="btn" onClick={() => go('new:asset')} disabled={!data.zones.length}>
            Add asset
          </button>
          <button type="button" className="btn" onClick={() => go('import')} disabled={!data.zones.length}>
            Import assets…
          </button>
        </div>
      </div>
      <ErrorBanner message={data.modelError} />
      {data.loaded && data.zones.length === 0 && (
        <div className="empty-state">
          <p>No zones yet.</p>
          <p className="muted">
            Add the first zone with its target security level; then add its assets one by one or import them
            from a CSV or Excel file.
          </p>
          <button type="button" className="btn primary" onClick={() => go('new:zone')}>
            Add the first zone
          </button>
        </div>
      )}
      {data.zones.length > 0 && (
        <div className="panel">
          <h3>Zones</h3>
          <table className="table">
            <TableHead columns={['Zone', 'SL-T (FR1-FR7)', 'Assets', 'Conduits', 'Answered']} />
            <tbody>
              {data.zones.map((z) => {
                const p = progress(`zone:${z.id}`);
                return (
                  <tr key={z.id}>
                    <td>
                      <button type="button" className="link" onClick={() => open({ kind: 'zone', id: z.id })}>
                        {z.name}
                      </button>
                      {z.description && <div className="muted small">{z.description}</div>}
                    </td>
                    <td className="mono">{formatSl(z.slTarget)}</td>
                    <td>{data.assets.filter((a) => a.zone === z.id).length}</td>
                    <td>{data.conduits.filter((c) => c.zones.includes(z.id)).length}</td>
                    <td>{p && <ProgressBar compact label={`Answered in ${z.name}`} {...p} />}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data.zones.length > 0 && (
        <div className="panel">
          <h3>Conduits</h3>
          {data.conduits.length === 0 ? (
            <p className="muted">
              No conduits yet: add one for each path data takes between two zones (for example the firewall
              between the DMZ and the control zone).
            </p>
          ) : (
            <table className="table">
              <TableHead columns={['Conduit', 'Between', 'Protocols', 'SL-T (FR1-FR7)']} />
              <tbody>
                {data.conduits.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => open({ kind: 'conduit', id: c.id })}
                      >
                        {c.name}
                      </button>
                    </td>
                    <td>
                      {zoneName(c.zones[0])} ⇄ {zoneName(c.zones[1])}
                    </td>
                    <td>{c.protocols.join(', ')}</td>
                    <td className="mono">{formatSl(c.slTarget)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {data.zones.length > 0 && (
        <div className="panel">
          <h3>Assets</h3>
          {data.assets.length === 0 ? (
            <p className="muted">
              No assets yet: add them one by one or import a list from a CSV or Excel file.
            </p>
          ) : (
            <table className="table">
              <TableHead columns={['Asset', 'Type', 'Vendor and model', 'Firmware', 'Zone']} />
              <tbody>
                {data.assets.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => open({ kind: 'asset', id: a.id })}
                      >
                        {a.name}
                      </button>
                      {a.legacy && <span className="chip legacy-chip">Legacy</span>}
                    </td>
                    <td>
                      {COMPONENT_TYPE_NAMES[a.componentType]}{' '}
                      <span className="muted">({a.componentType})</span>
                    </td>
                    <td>{[a.vendor, a.model].filter(Boolean).join(' ')}</td>
                    <td>{a.firmware}</td>
                    <td>{zoneName(a.zone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      {dialog === 'zone' && (
        <AddZoneDialog
          assessmentId={assessmentId}
          onClose={close}
          onCreated={(z) => created({ kind: 'zone', id: z.id })}
        />
      )}
      {dialog === 'conduit' && (
        <AddConduitDialog
          assessmentId={assessmentId}
          zones={data.zones}
          onClose={close}
          onCreated={(c) => created({ kind: 'conduit', id: c.id })}
        />
      )}
      {dialog === 'asset' && (
        <AddAssetDialog
          assessmentId={assessmentId}
          zones={data.zones}
          onClose={close}
          onCreated={(a) => created({ kind: 'asset', id: a.id })}
        />
      )}
    </section>
  );
}
