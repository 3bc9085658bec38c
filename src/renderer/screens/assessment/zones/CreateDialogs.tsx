import { type FormEvent, useState } from 'react';
import { type ComponentType, FRS, type SlVector, uniformSl } from '../../../../core/domain';
import type { Asset, Conduit, Zone } from '../../../../core/model';
import { call, errorMessage } from '../../../api';
import { COMPONENT_TYPE_OPTIONS } from '../../../components/componentTypes';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatSl } from '../../../components/format';
import { ProtocolChips } from '../../../components/ProtocolChips';
import { SlTargetEditor } from '../../../components/SlTargetEditor';

interface CreateProps<T> {
  assessmentId: string;
  onClose: () => void;
  onCreated: (created: T) => void;
}

function useSubmit<T>(run: () => Promise<T>, onCreated: (t: T) => void) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onCreated(await run());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return { error, busy, submit };
}

function Actions({
  form,
  label,
  onClose,
  disabled,
}: {
  form: string;
  label: string;
  onClose: () => void;
  disabled: boolean;
}) {
  return (
    <>
      <button type="button" className="btn" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form={form} className="btn primary" disabled={disabled}>
        {label}
      </button>
    </>
  );
}

export function AddZoneDialog({ assessmentId, onClose, onCreated }: CreateProps<Zone>) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [slTarget, setSlTarget] = useState<SlVector>(uniformSl(2));
  const { error, busy, submit } = useSubmit(
    () => call('zones.create', { assessmentId, name, description, slTarget }),
    onCreated,
  );
  return (
    <Dialog
      title="Add zone"
      wide
      onClose={onClose}
      actions={<Actions form="add-zone" label="Add zone" onClose={onClose} disabled={busy || !name.trim()} />}
    >
      <form id="add-zone" className="form" onSubmit={submit}>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus />
        </label>
        <label>
          Description
          <textarea rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <SlTargetEditor
          value={slTarget}
          onChange={setSlTarget}
          hint="From the risk assessment (62443-3-2). The checklist follows it."
        />
        <ErrorBanner message={error} />
      </form>
    </Dialog>
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
  const { error, busy, submit } = useSubmit(
    () =>
      call('conduits.create', {
        assessmentId,
        name,
        description,
        zones: [from, to],
        protocols,
        ...(ownTarget ? { slTarget } : {}),
      }),
    onCreated,
  );
  const zoneSelect = (label: string, value: string, set: (v: string) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} required>
        {zones.map((z) => (
          <option key={z.id} value={z.id}>
            {z.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <Dialog
      title="Add conduit"
      wide
      onClose={onClose}
      actions={
        <Actions
          form="add-conduit"
          label="Add conduit"
          onClose={onClose}
          disabled={busy || !name.trim() || zones.length < 2 || from === to}
        />
      }
    >
      {zones.length < 2 ? (
        <p>A conduit connects two zones: add a second zone first.</p>
      ) : (
        <form id="add-conduit" className="form" onSubmit={submit}>
          <label>
            Name
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
              required
              autoFocus
            />
          </label>
          <div className="form grid-2">
            {zoneSelect('From zone', from, setFrom)}
            {zoneSelect('To zone', to, setTo)}
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
          <ErrorBanner message={error} />
        </form>
      )}
    </Dialog>
  );
}

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
      <label>
        Zone
        <select value={value.zone} onChange={(e) => set('zone', e.target.value)} required>
          {zones.map((z) => (
            <option key={z.id} value={z.id}>
              {z.name}
            </option>
          ))}
        </select>
      </label>
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
        <label>
          Vendor
          <input
            value={value.vendor}
            maxLength={200}
            onChange={(e) => set('vendor', e.target.value)}
            onBlur={onTextBlur}
          />
        </label>
        <label>
          Model
          <input
            value={value.model}
            maxLength={200}
            onChange={(e) => set('model', e.target.value)}
            onBlur={onTextBlur}
          />
        </label>
        <label>
          Firmware
          <input
            value={value.firmware}
            maxLength={200}
            onChange={(e) => set('firmware', e.target.value)}
            onBlur={onTextBlur}
          />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={value.legacy} onChange={(e) => set('legacy', e.target.checked)} />
        Legacy device (cannot be updated or hardened; look for compensating controls)
      </label>
    </>
  );
}

export type AssetDraft = Omit<Asset, 'id'>;

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
  const { error, busy, submit } = useSubmit(
    () => call('assets.create', { assessmentId, ...draft }),
    onCreated,
  );
  return (
    <Dialog
      title="Add asset"
      wide
      onClose={onClose}
      actions={
        <Actions
          form="add-asset"
          label="Add asset"
          onClose={onClose}
          disabled={busy || !draft.name.trim() || !draft.zone}
        />
      }
    >
      {zones.length === 0 ? (
        <p>Every asset belongs to a zone: add a zone first.</p>
      ) : (
        <form id="add-asset" className="form" onSubmit={submit}>
          <label>
            Name
            <input
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              maxLength={200}
              required
              autoFocus
            />
          </label>
          <AssetFields value={draft} zones={zones} onChange={setDraft} />
          <ErrorBanner message={error} />
        </form>
      )}
    </Dialog>
  );
}
