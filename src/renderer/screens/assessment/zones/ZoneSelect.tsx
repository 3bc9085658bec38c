import type { Zone } from '../../../../core/model';

/** The zones as the options of a select, by name. */
export function ZoneOptions({ zones }: { zones: Zone[] }) {
  return zones.map((z) => (
    <option key={z.id} value={z.id}>
      {z.name}
    </option>
  ));
}

/** A labelled choice of one zone. */
export function ZoneSelect({
  label,
  zones,
  value,
  onChange,
  required,
}: {
  label: string;
  zones: Zone[];
  value: string;
  onChange: (zoneId: string) => void;
  required?: boolean;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} required={required}>
        <ZoneOptions zones={zones} />
      </select>
    </label>
  );
}
