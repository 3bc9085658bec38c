import { useCallback, useMemo, useState } from 'react';
import { COMPONENT_TYPE_NAMES, type Scope, scopeKey } from '../../../../core/domain';
import { formatSl } from '../../../../core/format';
import { call } from '../../../api';
import { EvidenceStrip } from '../../../components/evidence/EvidenceStrip';
import { SlCompare } from '../../../components/SlCompare';
import { formatRoute, useNavigate } from '../../../navigation';
import { Checklist } from '../checklist/Checklist';
import { scopeRoute } from '../scopeRoutes';
import { useWorkspaceData } from '../workspaceData';
import { AddAssetDialog } from './CreateDialogs';
import { DeleteScopeDialog, DeleteZoneDialog } from './DeleteDialogs';
import { AssetEditor, ConduitEditor, ZoneEditor } from './DetailsEditors';

type Open = 'delete' | 'add-asset' | undefined;

/** A zone, conduit or asset: who it is and its SL-T (folded away while walking), then its checklist. */
export function ScopePage({
  assessmentId,
  scope,
  focus,
}: {
  assessmentId: string;
  scope: Exclude<Scope, { kind: 'organisation' }>;
  focus: { requirement: string } | null;
}) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const [showDetails, setShowDetails] = useState(false);
  const [open, setOpen] = useState<Open>();
  const zone = scope.kind === 'zone' ? data.zones.find((z) => z.id === scope.id) : undefined;
  const conduit = scope.kind === 'conduit' ? data.conduits.find((c) => c.id === scope.id) : undefined;
  const asset = scope.kind === 'asset' ? data.assets.find((a) => a.id === scope.id) : undefined;
  const entity = zone ?? conduit ?? asset;
  const assetZone = asset ? data.zones.find((z) => z.id === asset.zone) : undefined;
  const slTarget = zone?.slTarget ?? conduit?.slTarget ?? assetZone?.slTarget;
  const key = scopeKey(scope);
  const addressOf = useCallback(
    (requirement: string) => formatRoute(scopeRoute(assessmentId, scope, requirement)),
    [assessmentId, scope],
  );
  const scored = useMemo(() => {
    const s = data.score;
    if (!s) return undefined;
    if (scope.kind === 'zone') return s.zones.find((z) => z.id === scope.id)?.slAchieved;
    if (scope.kind === 'conduit') return s.conduits.find((c) => c.id === scope.id)?.slAchieved;
    return s.assets.find((a) => a.id === scope.id)?.slAchieved;
  }, [data.score, scope]);
  const saved = () => {
    data.reloadModel();
  };

  if (!data.loaded) return <p className="muted">Loading…</p>;
  if (!entity || !slTarget) {
    return (
      <div className="empty-state">
        <p>This {scope.kind} no longer exists.</p>
        <button
          type="button"
          className="btn primary"
          onClick={() => navigate({ name: 'assessment', id: assessmentId, section: 'zones' })}
        >
          Back to zones and conduits
        </button>
      </div>
    );
  }

  const zoneName = (id: string) => data.zones.find((z) => z.id === id)?.name ?? id;
  const kindLabel = scope.kind === 'zone' ? 'Zone' : scope.kind === 'conduit' ? 'Conduit' : 'Asset';
  const summary = zone
    ? zone.description
    : conduit
      ? `${zoneName(conduit.zones[0])} ⇄ ${zoneName(conduit.zones[1])}${conduit.protocols.length ? ` · ${conduit.protocols.join(', ')}` : ''}`
      : asset
        ? [
            `${COMPONENT_TYPE_NAMES[asset.componentType]} (${asset.componentType})`,
            [asset.vendor, asset.model].filter(Boolean).join(' '),
            asset.firmware && `firmware ${asset.firmware}`,
            `in ${zoneName(asset.zone)}`,
          ]
            .filter(Boolean)
            .join(' · ')
        : '';
  // The checklist depends on the SL-T (and for an asset on its type): reload it when they change.
  const checklistVersion = `${formatSl(slTarget)}|${asset?.componentType ?? ''}`;

  return (
    <div className="scope-page">
      <header className="scope-head">
        <div className="scope-title">
          <p className="crumbs small">
            <button
              type="button"
              className="link"
              onClick={() => navigate({ name: 'assessment', id: assessmentId, section: 'zones' })}
            >
              Zones and conduits
            </button>
            {asset && (
              <>
                {' › '}
                <button
                  type="button"
                  className="link"
                  onClick={() => navigate(scopeRoute(assessmentId, { kind: 'zone', id: asset.zone }))}
                >
                  {zoneName(asset.zone)}
                </button>
              </>
            )}
          </p>
          <h2>
            <span className="kind-chip">{kindLabel}</span> {entity.name}
            {asset?.legacy && <span className="chip legacy-chip">Legacy</span>}
          </h2>
          {summary && <p className="muted small scope-summary">{summary}</p>}
        </div>
        <div className="scope-score">
          <SlCompare
            target={slTarget}
            achieved={scored ?? null}
            caption={`SL-T and SL-A of ${entity.name}`}
          />
        </div>
        <div className="toolbar scope-actions">
          <button
            type="button"
            className="btn small"
            aria-expanded={showDetails}
            aria-controls="scope-details"
            onClick={() => setShowDetails((v) => !v)}
          >
            {showDetails ? 'Hide details' : 'Details and SL-T'}
          </button>
          {zone && (
            <button type="button" className="btn small" onClick={() => setOpen('add-asset')}>
              Add asset
            </button>
          )}
          <button type="button" className="btn small danger" onClick={() => setOpen('delete')}>
            Delete {scope.kind}
          </button>
        </div>
      </header>
      {showDetails && (
        <section id="scope-details" className="panel" aria-label={`Details of ${entity.name}`}>
          {zone && <ZoneEditor assessmentId={assessmentId} value={zone} onSaved={saved} />}
          {conduit && (
            <ConduitEditor assessmentId={assessmentId} value={conduit} zones={data.zones} onSaved={saved} />
          )}
          {asset && (
            <>
              <AssetEditor assessmentId={assessmentId} value={asset} zones={data.zones} onSaved={saved} />
              <p className="muted small">
                An asset is assessed at the SL-T of its zone ({formatSl(slTarget)}): change it on the zone.
              </p>
              <EvidenceStrip
                assessmentId={assessmentId}
                target={{ kind: 'asset', id: asset.id }}
                label="Evidence about this asset"
              />
            </>
          )}
        </section>
      )}
      <Checklist
        key={key}
        assessmentId={assessmentId}
        scope={scope}
        focus={focus}
        addressOf={addressOf}
        onSaved={data.refreshScore}
        reloadKey={checklistVersion}
      />
      {open === 'delete' && zone && (
        <DeleteZoneDialog
          assessmentId={assessmentId}
          zone={zone}
          zones={data.zones}
          assets={data.assets}
          conduits={data.conduits}
          onClose={() => setOpen(undefined)}
          onDeleted={() => {
            data.reloadModel();
            navigate({ name: 'assessment', id: assessmentId, section: 'zones' });
          }}
        />
      )}
      {open === 'delete' && (conduit || asset) && (
        <DeleteScopeDialog
          what={scope.kind === 'conduit' ? 'conduit' : 'asset'}
          name={entity.name}
          onClose={() => setOpen(undefined)}
          onConfirm={async () => {
            if (conduit) await call('conduits.delete', { assessmentId, id: conduit.id });
            if (asset) await call('assets.delete', { assessmentId, id: asset.id });
            data.reloadModel();
            navigate(
              asset
                ? scopeRoute(assessmentId, { kind: 'zone', id: asset.zone })
                : { name: 'assessment', id: assessmentId, section: 'zones' },
            );
          }}
        />
      )}
      {open === 'add-asset' && zone && (
        <AddAssetDialog
          assessmentId={assessmentId}
          zones={data.zones}
          zone={zone.id}
          onClose={() => setOpen(undefined)}
          onCreated={(a) => {
            setOpen(undefined);
            data.reloadModel();
            navigate(scopeRoute(assessmentId, { kind: 'asset', id: a.id }));
          }}
        />
      )}
    </div>
  );
}
