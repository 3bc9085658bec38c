import { type Scope, scopeKey } from '../../domain';
import { parseResponseKey } from '../../evidenceTargets';
import { gapId } from '../../scoring/gapId';
import type { AuditEvent } from '../auditChain';
import { recordedName, shortHash, text } from './eventData';

/** What the window knows now: the model it has loaded and the findings. */
export interface KnownNames {
  zones: readonly { id: string; name: string }[];
  conduits: readonly { id: string; name: string }[];
  assets: readonly { id: string; name: string }[];
  findings: readonly { id: string; title: string }[];
  /** The current gaps, so a tracked gap reads as its requirement and scope. */
  gaps?: readonly { gapId: string; scope: Scope; requirement: string }[];
  assessmentTitle?: string;
  /** How a recorded time reads: the window's locale, the CLI's ISO; as recorded when not given. */
  formatTime?: (iso: string) => string;
}

/**
 * Names by `kind:id`: `current` from the model as it is now, `recorded` the latest name the trail
 * wrote down (so a deleted zone keeps its name in the History).
 */
export interface HistoryNames {
  current: ReadonlyMap<string, string>;
  recorded: ReadonlyMap<string, string>;
  gaps: ReadonlyMap<string, { scope: Scope; requirement: string }>;
  assessmentTitle?: string;
  formatTime: (iso: string) => string;
}

type Event = Pick<AuditEvent, 'action' | 'entity' | 'entityId' | 'data'>;

const NAMED = new Set(['zone', 'conduit', 'asset']);

export function historyNames(known: KnownNames, events: readonly Event[]): HistoryNames {
  const current = new Map<string, string>();
  for (const z of known.zones) current.set(`zone:${z.id}`, z.name);
  for (const c of known.conduits) current.set(`conduit:${c.id}`, c.name);
  for (const a of known.assets) current.set(`asset:${a.id}`, a.name);
  for (const f of known.findings) current.set(`finding:${f.id}`, f.title);
  const gaps = new Map<string, { scope: Scope; requirement: string }>();
  for (const g of known.gaps ?? []) gaps.set(g.gapId, { scope: g.scope, requirement: g.requirement });

  const recorded = new Map<string, string>();
  const answerKeys = new Set<string>();
  for (const e of events) {
    const name = NAMED.has(e.entity)
      ? recordedName(e.data, 'name')
      : e.entity === 'finding'
        ? recordedName(e.data, 'title')
        : e.entity === 'evidence'
          ? text(e.data, 'fileName')
          : undefined;
    if (name) recorded.set(`${e.entity}:${e.entityId}`, name);
    if (e.entity === 'response') {
      answerKeys.add(e.entityId);
      // Answer events carry their scope's name at the time.
      const parsed = parseResponseKey(e.entityId);
      const scopeName = e.action.startsWith('response.') ? text(e.data, 'scope') : undefined;
      if (parsed && scopeName && parsed.scope.kind !== 'organisation') {
        recorded.set(scopeKey(parsed.scope), scopeName);
      }
    }
  }
  for (const key of answerKeys) {
    const parsed = parseResponseKey(key);
    if (!parsed) continue;
    const id = gapId(parsed.scope, parsed.requirement);
    if (!gaps.has(id)) gaps.set(id, parsed);
  }
  return {
    current,
    recorded,
    gaps,
    assessmentTitle: known.assessmentTitle,
    formatTime: known.formatTime ?? ((iso) => iso),
  };
}

/** The name now, else the one this event recorded, else the latest the trail recorded. */
export function nameOf(
  names: HistoryNames,
  kind: string,
  id: string,
  fromEvent?: string,
): string | undefined {
  const key = `${kind}:${id}`;
  return names.current.get(key) ?? fromEvent ?? names.recorded.get(key);
}

export function scopeLabel(names: HistoryNames, scope: Scope, fromEvent?: string): string {
  if (scope.kind === 'organisation') return 'Organisation';
  return nameOf(names, scope.kind, scope.id, fromEvent) ?? scopeKey(scope);
}

/** "SR 1.1 · Control room" for an answer's key; the key itself when it does not parse. */
export function answerLabel(names: HistoryNames, key: string, scopeFromEvent?: string): string {
  const parsed = parseResponseKey(key);
  if (!parsed) return key;
  return `${parsed.requirement} · ${scopeLabel(names, parsed.scope, scopeFromEvent)}`;
}

/** A stored reference ({kind, id} of an evidence link, a finding's scope) in words. */
export function refLabel(names: HistoryNames, kind: string, id: string): string {
  if (kind === 'response') return answerLabel(names, id);
  if (kind === 'gap') {
    const g = names.gaps.get(id);
    return g ? `${g.requirement} · ${scopeLabel(names, g.scope)}` : id;
  }
  return nameOf(names, kind, id) ?? `${kind} ${shortHash(id)}`;
}

/** Which item an event is about, in words: names, not ids. */
export function itemLabel(names: HistoryNames, e: Event): string {
  if (e.action === 'assets.imported') return text(e.data, 'file') ?? e.entityId;
  switch (e.entity) {
    case 'assessment':
      return names.assessmentTitle ?? recordedName(e.data, 'title') ?? 'This assessment';
    case 'response':
      return answerLabel(
        names,
        e.entityId,
        e.action.startsWith('response.') ? text(e.data, 'scope') : undefined,
      );
    case 'zone':
    case 'conduit':
    case 'asset':
      return nameOf(names, e.entity, e.entityId, recordedName(e.data, 'name')) ?? e.entityId;
    case 'finding':
      return nameOf(names, e.entity, e.entityId, recordedName(e.data, 'title')) ?? e.entityId;
    case 'evidence':
      return nameOf(names, e.entity, e.entityId, text(e.data, 'fileName')) ?? shortHash(e.entityId);
    default:
      return refLabel(names, e.entity, e.entityId);
  }
}
