import { useState } from 'react';
import type { Asset, Conduit, Zone } from '../../../../core/model';
import type { ZoneDeletion } from '../../../../shared/contract/model';
import { call } from '../../../api';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ZoneOptions } from './ZoneSelect';

/**
 * Deleting a zone with assets needs a decision: move them to another zone or delete them with it.
 * The conduits that touch the zone go with it; the dialog lists everything that will go.
 */
export function DeleteZoneDialog({
  assessmentId,
  zone,
  zones,
  assets,
  conduits,
  onClose,
  onDeleted,
}: {
  assessmentId: string;
  zone: Zone;
  zones: Zone[];
  assets: Asset[];
  conduits: Conduit[];
  onClose: () => void;
  onDeleted: (result: ZoneDeletion) => void;
}) {
  const own = assets.filter((a) => a.zone === zone.id);
  const touching = conduits.filter((c) => c.zones.includes(zone.id));
  const others = zones.filter((z) => z.id !== zone.id);
  const [mode, setMode] = useState<'move' | 'delete'>(others.length ? 'move' : 'delete');
  const [moveTo, setMoveTo] = useState(others[0]?.id ?? '');
  const run = async () =>
    onDeleted(
      await call('zones.delete', {
        assessmentId,
        id: zone.id,
        ...(own.length ? { assets: mode === 'move' ? { moveTo } : ('delete' as const) } : {}),
      }),
    );
  return (
    <ConfirmDialog
      title={`Delete zone “${zone.name}”?`}
      confirmLabel={own.length && mode === 'move' ? 'Move assets and delete zone' : 'Delete'}
      onClose={onClose}
      onConfirm={run}
      failure="The zone could not be deleted"
    >
      <p>The zone's own checklist answers are deleted with it.</p>
      {own.length > 0 && (
        <fieldset className="choice">
          <legend>
            It holds {own.length} asset{own.length === 1 ? '' : 's'}: {own.map((a) => a.name).join(', ')}.
          </legend>
          {others.length > 0 && (
            <label className="check">
              <input
                type="radio"
                name="zone-assets"
                checked={mode === 'move'}
                onChange={() => setMode('move')}
              />
              Move them, with their answers, to
              <select
                aria-label="Zone to move the assets to"
                value={moveTo}
                disabled={mode !== 'move'}
                onChange={(e) => setMoveTo(e.target.value)}
              >
                <ZoneOptions zones={others} />
              </select>
            </label>
          )}
          <label className="check">
            <input
              type="radio"
              name="zone-assets"
              checked={mode === 'delete'}
              onChange={() => setMode('delete')}
            />
            Delete them and their answers with the zone
          </label>
        </fieldset>
      )}
      {touching.length > 0 && (
        <p>
          {touching.length === 1 ? 'This conduit is' : 'These conduits are'} deleted too:{' '}
          {touching.map((c) => c.name).join(', ')}.
        </p>
      )}
    </ConfirmDialog>
  );
}

/** Deleting a conduit or an asset: one confirmation naming what goes. */
export function DeleteScopeDialog({
  what,
  name,
  onClose,
  onConfirm,
}: {
  what: 'conduit' | 'asset';
  name: string;
  onClose: () => void;
  onConfirm: () => Promise<void>;
}) {
  return (
    <ConfirmDialog
      title={`Delete ${what} “${name}”?`}
      confirmLabel="Delete"
      onClose={onClose}
      onConfirm={onConfirm}
      failure={`The ${what} could not be deleted`}
    >
      <p>Its checklist answers are deleted with it. The deletion is recorded in the history.</p>
    </ConfirmDialog>
  );
}
