import { useState } from 'react';
import { type ComponentType, FRS, type SlVector, uniformSl } from '../../../../core/domain';
import { formatSl } from '../../../../core/format';
import type { Asset, Conduit, Zone } from '../../../../core/model';
import { call } from '../../../api';
import { COMPONENT_TYPE_OPTIONS } from '../../../components/componentTypes';
import { FormDialog } from '../../../components/FormDialog';
import { ProtocolChips } from '../../../components/ProtocolChips';
import { SlTargetEditor } from '../../../components/SlTargetEditor';
import { ZoneSelect } from './ZoneSelect';

interface CreateProps<T> {
  assessmentId: string;
  onClose: () => void;
  onCreated: (created: T) => void;
}

/** The field every add dialog starts in: the first in the dialog, so it has the focus when it opens. */
function NameField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  return (
    <label>
      Name
      <input value={value} onChange={(e) => onChange(e.target.value)} maxLength={200} required />
    </label>
  );
}

export function AddZoneDialog({ assessmentId, onClose, onCreated }: CreateProps<Zone>) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [slTarget, setSlTarget] = useState<SlVector>(uniformSl(2));
  return (
    <FormDialog
      title="Add zone"
      submitLabel="Add zone"
      wide
      ready={Boolean(name.trim())}
      onClose={onClose}
      onSubmit={async () =>
        onCreated(await call('zones.create', { assessmentId, name, description, slTarget }))
      }
    >
      <NameField value={name} onChange={setName} />
      <label>
        Description
        <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <SlTargetEditor
        value={slTarget}
        onChange={setSlTarget}
        hint="From the risk assessment (62443-3-2). The checklist follows it."
      />
    </FormDialog>
  );
}

/** The default SL-T of a conduit: the higher of its two zones per FR. */
export function higherOf(a: SlVector | undefined, b: SlVector | undefined): SlVector | undefined {
  if (!a || !b) return a ?? b;
  const out = { ...a };
  for (const fr of FRS) out[fr] = Math.max(a[fr], b[fr]) as SlVector[typeof fr];
  return out;
}

export function AddConduitDialog({
  assessmentId,
  zones,
  onClose,
  onCreated,
}: CreateProps<Conduit> & { zones: Zone[] }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [from, setFrom] = useState(zones[0]?.id ?? '');
  const [to, setTo] = useState(zones[1]?.id ?? '');
  const [protocols, setProtocols] = useState<string[]>([]);
  const [ownTarget, setOwnTarget] = useState(false);
  const derived = higherOf(
    zones.find((z) => z.id === from)?.slTarget,
    zones.find((z) => z.id === to)?.slTarget,
  );
  const [slTarget, setSlTarget] = useState<SlVector>(derived ?? uniformSl(2));
  return (
    <FormDialog
      title="Add conduit"
      submitLabel="Add conduit"
      wide
      ready={Boolean(name.trim()) && zones.length >= 2 && from !== to}
      onClose={onClose}
      onSubmit={async () =>
        onCreated(
          await call('conduits.create', {
            assessmentId,
            name,
            description,
            zones: [from, to],
            protocols,
            ...(ownTarget ? { slTarget } : {}),
          }),
        )
      }
    >
      {zones.length < 2 ? (
        <p>A conduit connects two zones: add a second zone first.</p>
      ) : (
        <>
          <NameField value={name} onChange={setName} />
          <div className="form grid-2">
            <ZoneSelect label="From zone" zones={zones} value={from} onChange={setFrom} required />
            <ZoneSelect label="To zone" zones={zones} value={to} onChange={setTo} required />
          </div>
          {from === to && <p className="field-error">Choose two different zones.</p>}
          <ProtocolChips value={protocols} onChange={setProtocols} />
          <label>
            Description
            <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={!ownTarget}
              onChange={(e) => {
                setOwnTarget(!e.target.checked);
                if (derived) setSlTarget(derived);
              }}
            />
            SL-T: the higher of the two zones per FR{derived ? ` (${formatSl(derived)})` : ''}
          </label>
          {ownTarget && (
            <SlTargetEditor value={slTarget} onChange={setSlTarget} legend="Own SL-T of the conduit" />
          )}
        </>
      )}
    </FormDialog>
  );
}

const DEVICE_FIELDS = [
  ['vendor', 'Vendor'],
  ['model', 'Model'],
  ['firmware', 'Firmware'],
] as const;

export function AssetFields({
  value,
  zones,
  onChange,
  onTextBlur,
}: {
  value: AssetDraft;
  zones: Zone[];
  onChange: (next: AssetDraft) => void;
  onTextBlur?: () => void;
}) {
  const set = <K extends keyof AssetDraft>(k: K, v: AssetDraft[K]) => onChange({ ...value, [k]: v });
  return (
    <>
      <ZoneSelect label="Zone" zones={zones} value={value.zone} onChange={(z) => set('zone', z)} required />
      <label>
        Component type
        <select
          value={value.componentType}
          onChange={(e) => set('componentType', e.target.value as ComponentType)}
        >
          {COMPONENT_TYPE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <div className="form grid-3">
        {DEVICE_FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input
              value={value[key]}
              maxLength={200}
              onChange={(e) => set(key, e.target.value)}
              onBlur={onTextBlur}
            />
          </label>
        ))}
      </div>
      <label className="check">
        <input type="checkbox" checked={value.legacy} onChange={(e) => set('legacy', e.target.checked)} />
        Legacy device (cannot be updated or hardened; look for compensating controls)
      </label>
    </>
  );
}

export type AssetDraft = Omit<Asset, 'id' | 'roles' | 'certificates' | 'endOfLife'>;

export function AddAssetDialog({
  assessmentId,
  zones,
  zone,
  onClose,
  onCreated,
}: CreateProps<Asset> & { zones: Zone[]; zone?: string }) {
  const [draft, setDraft] = useState<AssetDraft>({
    name: '',
    zone: zone ?? zones[0]?.id ?? '',
    componentType: 'EDR',
    vendor: '',
    model: '',
    firmware: '',
    legacy: false,
  });
  return (
    <FormDialog
      title="Add asset"
      submitLabel="Add asset"
      wide
      ready={Boolean(draft.name.trim() && draft.zone)}
      onClose={onClose}
      onSubmit={async () => onCreated(await call('assets.create', { assessmentId, ...draft }))}
    >
      {zones.length === 0 ? (
        <p>Every asset belongs to a zone: add a zone first.</p>
      ) : (
        <>
          <NameField value={draft.name} onChange={(name) => setDraft({ ...draft, name })} />
          <AssetFields value={draft} zones={zones} onChange={setDraft} />
        </>
      )}
    </FormDialog>
  );
}
