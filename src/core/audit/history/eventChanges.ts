import type { JsonValue } from '../../canonicalJson';
import {
  COMPONENT_TYPE_NAMES,
  FRS,
  MATURITY_NAMES,
  RESULT_LABELS,
  type Scope,
  type SlVector,
} from '../../domain';
import { formatSl } from '../../format';
import { ASSESSMENT_STATUS_LABELS, FINDING_STATUS_LABELS, SEVERITY_LABELS } from '../../labels';
import { asObject, type Change, change, clip, isChange, lookup, strings } from './eventData';
import { type HistoryNames, nameOf, scopeLabel } from './eventNames';

// `{field: {from, to}}` changes in the words the forms use: "status Open → Resolved", "owner set to
// J. Weber", "description changed: …", and an answer's "Not met → Met".

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  title: 'title',
  description: 'description',
  slTarget: 'SL-T',
  zone: 'zone',
  zones: 'zones',
  protocols: 'protocols',
  componentType: 'component type',
  vendor: 'vendor',
  model: 'model',
  firmware: 'firmware',
  legacy: 'legacy device',
  severity: 'severity',
  status: 'status',
  recommendation: 'recommendation',
  owner: 'owner',
  due: 'due date',
  requirement: 'requirement',
  scope: 'scope',
  organisation: 'organisation',
  site: 'site',
  assessors: 'assessors',
  scopeStatement: 'scope statement',
  startDate: 'start date',
  endDate: 'end date',
  smsTargetMaturity: 'target maturity',
};

/** Free text: shown as "changed: …" rather than "old → new", which would not fit a table cell. */
const PROSE = new Set(['description', 'recommendation', 'scopeStatement']);
/** Names in quotes, so a rename reads "name “CR” → “Control room”". */
const QUOTED = new Set(['name', 'title']);

export function maturityText(v: JsonValue | undefined): string | undefined {
  const name = lookup(MATURITY_NAMES, v);
  return name ? `ML${v} ${name}` : undefined;
}

export function resultText(v: JsonValue | undefined): string | undefined {
  return lookup(RESULT_LABELS, v);
}

function isSl(v: JsonValue): v is SlVector & { [k: string]: JsonValue } {
  const o = asObject(v);
  return o !== undefined && FRS.every((fr) => typeof o[fr] === 'number');
}

function asScope(v: JsonValue): Scope | undefined {
  const o = asObject(v);
  if (o?.kind === 'organisation') return { kind: 'organisation' };
  if ((o?.kind === 'zone' || o?.kind === 'conduit' || o?.kind === 'asset') && typeof o.id === 'string') {
    return { kind: o.kind, id: o.id };
  }
  return undefined;
}

/** One field's value in words; undefined when it is empty. */
export function valueText(
  names: HistoryNames,
  entity: string,
  key: string,
  v: JsonValue | undefined,
): string | undefined {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) return undefined;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (key === 'slTarget' && isSl(v)) return formatSl(v);
  if (key === 'zone' && typeof v === 'string') return nameOf(names, 'zone', v) ?? v;
  if (key === 'zones')
    return strings(v)
      .map((z) => nameOf(names, 'zone', z) ?? z)
      .join(' and ');
  if (key === 'componentType' && lookup(COMPONENT_TYPE_NAMES, v)) {
    return `${lookup(COMPONENT_TYPE_NAMES, v)} (${v})`;
  }
  if (key === 'severity' && lookup(SEVERITY_LABELS, v)) return lookup(SEVERITY_LABELS, v);
  if (key === 'status' && typeof v === 'string') {
    return lookup(entity === 'assessment' ? ASSESSMENT_STATUS_LABELS : FINDING_STATUS_LABELS, v) ?? v;
  }
  if (key === 'scope') {
    const scope = asScope(v);
    if (scope) return scopeLabel(names, scope);
  }
  if (key === 'assessors' && Array.isArray(v)) {
    return v
      .map((a) => asObject(a)?.name ?? '')
      .filter((n): n is string => typeof n === 'string' && n !== '')
      .join(', ');
  }
  if (key === 'smsTargetMaturity') return maturityText(v) ?? String(v);
  if ((PROSE.has(key) || QUOTED.has(key)) && typeof v === 'string') return `“${clip(v)}”`;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
}

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

/** "status Open → Resolved", "owner set to J. Weber", "due date cleared". */
export function changeText(names: HistoryNames, entity: string, key: string, c: Change): string {
  const label = fieldLabel(key);
  const from = valueText(names, entity, key, c.from);
  const to = valueText(names, entity, key, c.to);
  if (to === undefined) return from === undefined ? `${label} cleared` : `${label} cleared (was ${from})`;
  if (PROSE.has(key)) return from === undefined ? `${label} added: ${to}` : `${label} changed: ${to}`;
  if (from === undefined) return `${label} set to ${to}`;
  return `${label} ${from} → ${to}`;
}

/** Every `{from, to}` field of an event's data, in the order written; other fields are left to the caller. */
export function changesText(names: HistoryNames, entity: string, data: JsonValue): string[] {
  const o = asObject(data);
  if (!o) return [];
  return (
    Object.entries(o)
      .filter(([, v]) => isChange(v))
      // A change that reads the same both ways (3 and "3") says nothing.
      .filter(([k]) => {
        const c = change(o, k)!;
        return valueText(names, entity, k, c.from) !== valueText(names, entity, k, c.to);
      })
      .map(([k]) => changeText(names, entity, k, change(o, k)!))
  );
}

/** An answer's change: "Not met → Met", "Met" for a first answer, "was Met" when cleared. */
export function answerChanges(data: JsonValue): string[] {
  const parts: string[] = [];
  const result = change(data, 'result');
  if (result) {
    const from = resultText(result.from);
    const to = resultText(result.to);
    parts.push(from && to ? `${from} → ${to}` : to ? to : from ? `was ${from}` : '');
  }
  const maturity = change(data, 'maturity');
  if (maturity) {
    const from = maturityText(maturity.from);
    const to = maturityText(maturity.to);
    parts.push(
      from && to
        ? `maturity ${from} → ${to}`
        : to
          ? `maturity ${to}`
          : from
            ? `maturity ${from} removed`
            : '',
    );
  }
  const prose = (key: string, label: string) => {
    const c = change(data, key);
    if (!c) return;
    parts.push(typeof c.to === 'string' && c.to.trim() ? `${label}: “${clip(c.to)}”` : `${label} removed`);
  };
  prose('comment', 'comment');
  prose('justification', 'justification');
  // trails written before edition 2 carry the free-text compensating control of an answer
  prose('compensatingControl', 'compensating control');
  const flagged = change(data, 'flagged');
  if (flagged) parts.push(flagged.to === true ? 'flagged for review' : 'flag removed');
  return parts.filter(Boolean);
}
