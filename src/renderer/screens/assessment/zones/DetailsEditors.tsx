import { useState } from 'react';
import type { SlVector } from '../../../../core/domain';
import type { Asset, Conduit, Zone } from '../../../../core/model';
import { call, errorMessage } from '../../../api';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ProtocolChips } from '../../../components/ProtocolChips';
import { SlTargetEditor } from '../../../components/SlTargetEditor';
import { type AssetDraft, AssetFields } from './CreateDialogs';
import { ZoneSelect } from './ZoneSelect';

// Edit forms of a zone, conduit or asset. Each change is saved on its own (no Save button), like
// the assessment details: a select saves when changed, a text field when it loses focus.

interface EditorProps<T> {
  assessmentId: string;
  value: T;
  onSaved: () => void;
}

function useSave(onSaved: () => void) {
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  const save = async (run: () => Promise<unknown>, what: string) => {
    try {
      await run();
      setError(undefined);
      setStatus(`${what} saved`);
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { error, status, save };
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
  const { error, status, save } = useSave(onSaved);
  const patch = (p: Partial<Pick<Zone, 'name' | 'description' | 'slTarget'>>, what: string) =>
    save(() => call('zones.update', { assessmentId, id: value.id, patch: p }), what);
  return (
    <div className="form">
      <ErrorBanner message={error} />
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
  const { error, status, save } = useSave(onSaved);
  const patch = (
    p: Partial<{
      name: string;
      description: string;
      zones: [string, string];
      protocols: string[];
      slTarget: SlVector;
    }>,
    what: string,
  ) => save(() => call('conduits.update', { assessmentId, id: value.id, patch: p }), what);
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
      <ErrorBanner message={error} />
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
  const { error, status, save } = useSave(onSaved);
  const [draft, setDraft] = useState<AssetDraft>(value);
  const onChange = (next: AssetDraft) => {
    setDraft(next);
    // Selects and the checkbox save at once; the text fields save when they lose focus.
    const changed = (['zone', 'componentType', 'legacy'] as const).filter((k) => next[k] !== draft[k]);
    if (changed.length) {
      const p = Object.fromEntries(changed.map((k) => [k, next[k]]));
      void save(() => call('assets.update', { assessmentId, id: value.id, patch: p }), 'Asset');
    }
  };
  const onBlur = () => {
    const changed = (['name', 'vendor', 'model', 'firmware'] as const).filter((k) => draft[k] !== value[k]);
    if (!changed.length) return;
    const p = Object.fromEntries(changed.map((k) => [k, draft[k]]));
    void save(() => call('assets.update', { assessmentId, id: value.id, patch: p }), 'Asset');
  };
  return (
    <div className="form">
      <ErrorBanner message={error} />
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
