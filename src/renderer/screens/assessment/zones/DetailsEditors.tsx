import { useState } from 'react';
import type { Asset, Conduit, Zone } from '../../../../core/model';
import { type PatchOf, pickPatch } from '../../../../shared/contract/patch';
import { call } from '../../../api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ProtocolChips } from '../../../components/ProtocolChips';
import { SlTargetEditor } from '../../../components/SlTargetEditor';
import { useInlineSave } from '../../../components/useInlineSave';
import { type AssetDraft, AssetFields } from './CreateDialogs';
import { ZoneSelect } from './ZoneSelect';

// Edit forms of a zone, conduit or asset. Each change is saved on its own (no Save button), like
// the assessment details: a select saves when changed, a text field when it loses focus.

interface EditorProps<T> {
  assessmentId: string;
  value: T;
  onSaved: () => void;
}

/** Name and description side by side, each saved when it loses focus. */
function NameFields({
  value,
  patch,
}: {
  value: { name: string; description: string };
  patch: (p: { name?: string; description?: string }, what: string) => Promise<void>;
}) {
  return (
    <>
      <label>
        Name
        <input
          defaultValue={value.name}
          maxLength={200}
          onBlur={(e) => e.target.value !== value.name && void patch({ name: e.target.value }, 'Name')}
        />
      </label>
      <label>
        Description
        <input
          defaultValue={value.description}
          onBlur={(e) =>
            e.target.value !== value.description && void patch({ description: e.target.value }, 'Description')
          }
        />
      </label>
    </>
  );
}

function Saved({ status }: { status?: string }) {
  return (
    <p className="muted small" aria-live="polite">
      {status ?? 'Changes save as you go.'}
    </p>
  );
}

export function ZoneEditor({ assessmentId, value, onSaved }: EditorProps<Zone>) {
  const { error, status, save } = useInlineSave(onSaved);
  const patch = (p: PatchOf<'zones.update'>, what: string) =>
    save(
      () => call('zones.update', { assessmentId, id: value.id, patch: pickPatch('zones.update', p) }),
      what,
    );
  return (
    <div className="form">
      <ErrorBanner message={error} takeFocus />
      <div className="form grid-2">
        <NameFields value={value} patch={patch} />
      </div>
      <SlTargetEditor value={value.slTarget} onChange={(slTarget) => void patch({ slTarget }, 'SL-T')} />
      <Saved status={status} />
    </div>
  );
}

export function ConduitEditor({
  assessmentId,
  value,
  zones,
  onSaved,
}: EditorProps<Conduit> & { zones: Zone[] }) {
  const { error, status, save } = useInlineSave(onSaved);
  const patch = (p: PatchOf<'conduits.update'>, what: string) =>
    save(
      () => call('conduits.update', { assessmentId, id: value.id, patch: pickPatch('conduits.update', p) }),
      what,
    );
  const zoneSelect = (label: string, i: 0 | 1) => (
    <ZoneSelect
      label={label}
      zones={zones}
      value={value.zones[i]}
      onChange={(zone) => {
        const next: [string, string] = [...value.zones];
        next[i] = zone;
        void patch({ zones: next }, 'Zones');
      }}
    />
  );
  return (
    <div className="form">
      <ErrorBanner message={error} takeFocus />
      <div className="form grid-2">
        <NameFields value={value} patch={patch} />
        {zoneSelect('From zone', 0)}
        {zoneSelect('To zone', 1)}
      </div>
      <ProtocolChips
        value={value.protocols}
        onChange={(protocols) => void patch({ protocols }, 'Protocols')}
      />
      <SlTargetEditor value={value.slTarget} onChange={(slTarget) => void patch({ slTarget }, 'SL-T')} />
      <Saved status={status} />
    </div>
  );
}

export function AssetEditor({ assessmentId, value, zones, onSaved }: EditorProps<Asset> & { zones: Zone[] }) {
  const { error, status, save } = useInlineSave(onSaved);
  const [draft, setDraft] = useState<AssetDraft>(value);
  const patch = (p: PatchOf<'assets.update'>) =>
    save(
      () => call('assets.update', { assessmentId, id: value.id, patch: pickPatch('assets.update', p) }),
      'Asset',
    );
  // Selects and the checkbox save at once; the text fields save when they lose focus. Fields sent
  // with their stored value change nothing.
  const onChange = (next: AssetDraft) => {
    setDraft(next);
    const { zone, componentType, legacy } = next;
    if (zone !== draft.zone || componentType !== draft.componentType || legacy !== draft.legacy)
      void patch({ zone, componentType, legacy });
  };
  const onBlur = () => {
    const { name, vendor, model, firmware } = draft;
    if (
      name !== value.name ||
      vendor !== value.vendor ||
      model !== value.model ||
      firmware !== value.firmware
    )
      void patch({ name, vendor, model, firmware });
  };
  return (
    <div className="form">
      <ErrorBanner message={error} takeFocus />
      <label>
        Name
        <input
          value={draft.name}
          maxLength={200}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          onBlur={onBlur}
        />
      </label>
      <AssetFields value={draft} zones={zones} onChange={onChange} onTextBlur={onBlur} />
      <Saved status={status} />
    </div>
  );
}
