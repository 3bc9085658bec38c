import type { JsonValue } from '../../canonicalJson';

// Reading an audit event's data defensively: the trail outlives the code that wrote it (old events,
// merged packages), so nothing here trusts a field to be there or to have the shape written today.

export type JsonObject = { [key: string]: JsonValue };

export interface Change {
  from: JsonValue;
  to: JsonValue;
}

export function asObject(v: JsonValue | undefined): JsonObject | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

export function field(data: JsonValue, key: string): JsonValue | undefined {
  return asObject(data)?.[key];
}

/** A non-empty string field. */
export function text(data: JsonValue, key: string): string | undefined {
  const v = field(data, key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** A number field, or the length of a list field ("removedResponses": 3 or ["SR 1.1", ...]). */
export function count(data: JsonValue, key: string): number | undefined {
  const v = field(data, key);
  if (typeof v === 'number') return v;
  return Array.isArray(v) ? v.length : undefined;
}

export function isChange(v: JsonValue | undefined): v is { from: JsonValue; to: JsonValue } {
  const o = asObject(v);
  return o !== undefined && 'from' in o && 'to' in o && Object.keys(o).length === 2;
}

export function change(data: JsonValue, key: string): Change | undefined {
  const v = field(data, key);
  return isChange(v) ? { from: v.from, to: v.to } : undefined;
}

/** A name as recorded: a plain string, or the new value of a `{from, to}` change. */
export function recordedName(data: JsonValue, key: string): string | undefined {
  const v = field(data, key);
  if (typeof v === 'string' && v.trim()) return v;
  return isChange(v) && typeof v.to === 'string' && v.to.trim() ? v.to : undefined;
}

/** A label from a table by a recorded code; own keys only, so "constructor" is no status. */
export function lookup(
  table: Readonly<Record<string | number, string>>,
  key: JsonValue | undefined,
): string | undefined {
  return (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(table, key)
    ? table[key]
    : undefined;
}

export function strings(v: JsonValue | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** "1 answer", "3 answers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Long free text cut to a readable length for a table cell; the full text stays in the trail. */
export function clip(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const shortHash = (s: string) => (/^[0-9a-f]{64}$/.test(s) ? `${s.slice(0, 12)}…` : s);

type Part = string | undefined | false;

/** Parts joined as one details text; for texts that start with a name (a file, a package) as written. */
export function joinParts(parts: readonly Part[]): string {
  return parts.filter(Boolean).join('; ');
}

/** Parts joined, the first letter up: for texts that start with our own words ("status Open → Resolved"). */
export function sentence(parts: readonly Part[]): string {
  const s = joinParts(parts);
  return s ? `${s[0].toUpperCase()}${s.slice(1)}` : '';
}
