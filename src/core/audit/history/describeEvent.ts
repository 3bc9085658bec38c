import type { AuditEvent } from '../auditChain';
import { ACTIONS } from './eventActions';
import { shortHash } from './eventData';
import { type HistoryNames, itemLabel } from './eventNames';

export { shortHash } from './eventData';
export type { HistoryNames, KnownNames } from './eventNames';
export { historyNames } from './eventNames';

type Event = Pick<AuditEvent, 'action' | 'entity' | 'entityId' | 'data'>;

/** One audit event as an auditor reads it: who did what to which item, and how. */
export interface EventDescription {
  /** A verb phrase: "Changed answer", "Added evidence"; the raw action for one this version does not know. */
  what: string;
  /** The item by name: "SR 1.1 · Control room", "patch-panel.jpg". */
  item: string;
  /** The stored id behind the name, for those who need it: "zone:z1|SR 1.1", a SHA-256. */
  itemId: string;
  /** The change in words: "Not met → Met", "patch-panel.jpg (photo, 13.7 KiB)". */
  details: string;
}

const ENTITY_LABELS: Record<string, string> = {
  assessment: 'Assessment',
  zone: 'Zones',
  conduit: 'Conduits',
  asset: 'Assets',
  response: 'Answers',
  finding: 'Findings',
  evidence: 'Evidence',
  gap: 'Gaps',
};

/** The History's "Items" choices: "Answers" for `response`, and so on. */
export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

export function describeEvent(e: Event, names: HistoryNames): EventDescription {
  const words = Object.hasOwn(ACTIONS, e.action) ? ACTIONS[e.action] : undefined;
  let what = e.action;
  let details: string;
  try {
    if (words) what = typeof words.what === 'string' ? words.what : words.what(e);
    details = words ? words.details(e, names) : describeData(e.data);
  } catch {
    // Data of an unexpected shape (an older or newer writer) still shows, as it was recorded.
    details = describeData(e.data);
  }
  return { what, item: itemLabel(names, e), itemId: e.entityId, details };
}

/** Everything the filter box matches: the words shown, and the raw codes and data behind them. */
export function eventSearchText(e: AuditEvent, d: EventDescription): string {
  return [d.what, d.item, d.itemId, d.details, e.actor, e.action, e.entity, JSON.stringify(e.data)]
    .join(' ')
    .toLowerCase();
}

/** The fallback for data no action above describes: "result: "not-met" → "met"; comment: …". */
export function describeData(data: unknown): string {
  if (data === null || typeof data !== 'object') return String(data ?? '');
  return Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => {
      if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
        const c = v as { from: unknown; to: unknown };
        return `${k}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`;
      }
      return `${k}: ${shortHash(typeof v === 'string' ? v : JSON.stringify(v))}`;
    })
    .join('; ');
}
