import type { JsonValue } from '../../canonicalJson';
import { formatSize } from '../../format';
import type { AuditEvent } from '../auditChain';
import { answerChanges, changesText, valueText } from './eventChanges';
import {
  asObject,
  change,
  clip,
  count,
  field,
  type JsonObject,
  joinParts,
  plural,
  sentence,
  strings,
  text,
} from './eventData';
import { type HistoryNames, nameOf, refLabel } from './eventNames';

// Every action the main process writes to the trail, as a verb phrase and a details sentence. A test
// reads src/main for `action: '…'` and fails when one is missing here.

type Event = Pick<AuditEvent, 'action' | 'entity' | 'entityId' | 'data'>;

interface ActionWords {
  what: string | ((e: Event) => string);
  details: (e: Event, names: HistoryNames) => string;
}

const changes = (e: Event, names: HistoryNames) => sentence(changesText(names, e.entity, e.data));

/** "Renamed zone" when only the name changed, else "Edited zone". */
const edited =
  (noun: string, nameKey = 'name') =>
  (e: Event) => {
    const keys = Object.keys(asObject(e.data) ?? {}).filter((k) => k !== 'removedResponses');
    return keys.length === 1 && keys[0] === nameKey ? `Renamed ${noun}` : `Edited ${noun}`;
  };

const zoneName = (names: HistoryNames, id: string | undefined) =>
  id ? (nameOf(names, 'zone', id) ?? id) : undefined;

/** "12 answers removed", "scope cleared on 2 findings": what a deletion took along. */
function fallout(data: JsonValue): (string | undefined)[] {
  const removed = count(data, 'removedResponses');
  const detached = count(data, 'detachedFindings');
  return [
    removed ? `${plural(removed, 'answer')} removed` : undefined,
    detached ? `scope cleared on ${plural(detached, 'finding')}` : undefined,
  ];
}

/** "3 zones, 12 assets, 300 answers": the non-zero counts of an import or merge. */
function counts(o: JsonObject | undefined): string | undefined {
  if (!o) return undefined;
  const nouns: [string, string][] = [
    ['zones', 'zone'],
    ['conduits', 'conduit'],
    ['assets', 'asset'],
    ['responses', 'answer'],
    ['compensatingControls', 'compensating control'],
    ['findings', 'finding'],
    ['evidence', 'evidence item'],
  ];
  const parts = nouns
    .map(([k, one]) => (typeof o[k] === 'number' && o[k] > 0 ? plural(o[k] as number, one) : ''))
    .filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

function firstFew(items: string[], max = 5): string {
  return items.length > max
    ? `${items.slice(0, max).join(', ')} and ${items.length - max} more`
    : items.join(', ');
}

const signedBy = (e: Event) => {
  const signer = text(e.data, 'signer');
  if (!signer) return undefined;
  const trusted = field(e.data, 'signerTrusted');
  return `signed by ${signer}${trusted === true ? ' (trusted)' : trusted === false ? ' (not in the trust list)' : ''}`;
};

const evidenceFile = (e: Event) => text(e.data, 'fileName') ?? '';

export const ACTIONS: Record<string, ActionWords> = {
  'assessment.created': {
    what: 'Created assessment',
    details: (e) =>
      sentence([
        text(e.data, 'title') && `title “${text(e.data, 'title')}”`,
        text(e.data, 'site') && `site ${text(e.data, 'site')}`,
      ]),
  },
  'assessment.updated': {
    what: (e) => {
      const keys = Object.keys(asObject(e.data) ?? {});
      if (keys.length === 1 && keys[0] === 'title') return 'Renamed assessment';
      if (keys.length === 1 && keys[0] === 'status') return 'Changed status';
      return 'Edited assessment details';
    },
    details: changes,
  },
  'assessment.deleted': {
    what: 'Deleted assessment',
    details: (e) => sentence([text(e.data, 'title') && `title “${text(e.data, 'title')}”`]),
  },
  'assessment.imported': {
    what: 'Imported assessment',
    details: (e) =>
      sentence([
        text(e.data, 'source') && `from ${text(e.data, 'source')}`,
        text(e.data, 'copyOf') && `a copy of assessment ${text(e.data, 'copyOf')}`,
        counts(asObject(e.data)),
      ]),
  },

  'zone.created': {
    what: 'Created zone',
    details: (e, names) => {
      const sl = valueText(names, 'zone', 'slTarget', field(e.data, 'slTarget'));
      return sl ? `SL-T ${sl}` : '';
    },
  },
  'zone.updated': { what: edited('zone'), details: changes },
  'zone.deleted': {
    what: 'Deleted zone',
    details: (e, names) => {
      const conduits = count(e.data, 'deletedConduits');
      const moved = count(e.data, 'movedAssets');
      const deleted = count(e.data, 'deletedAssets');
      return sentence([
        conduits ? `${plural(conduits, 'conduit')} deleted` : undefined,
        moved ? `${plural(moved, 'asset')} moved to ${zoneName(names, text(e.data, 'movedTo'))}` : undefined,
        deleted ? `${plural(deleted, 'asset')} deleted` : undefined,
        ...fallout(e.data),
      ]);
    },
  },

  'conduit.created': {
    what: 'Created conduit',
    details: (e, names) => {
      const sl = valueText(names, 'conduit', 'slTarget', field(e.data, 'slTarget'));
      return sentence([
        strings(field(e.data, 'zones')).length === 2 &&
          `between ${valueText(names, 'conduit', 'zones', field(e.data, 'zones'))}`,
        valueText(names, 'conduit', 'protocols', field(e.data, 'protocols')),
        sl &&
          `SL-T ${sl}${field(e.data, 'slTargetDefaulted') === true ? ' (the higher of its two zones)' : ''}`,
      ]);
    },
  },
  'conduit.updated': { what: edited('conduit'), details: changes },
  'conduit.deleted': {
    what: 'Deleted conduit',
    details: (e, names) =>
      sentence([
        strings(field(e.data, 'zones')).length === 2 &&
          `between ${valueText(names, 'conduit', 'zones', field(e.data, 'zones'))}`,
        text(e.data, 'withZone') && `with zone ${zoneName(names, text(e.data, 'withZone'))}`,
        ...fallout(e.data),
      ]),
  },

  'asset.created': {
    what: 'Added asset',
    details: (e, names) => {
      const make = ['vendor', 'model', 'firmware'].map((k) => text(e.data, k)).filter(Boolean);
      return sentence([
        valueText(names, 'asset', 'componentType', field(e.data, 'componentType')),
        text(e.data, 'zone') && `in ${zoneName(names, text(e.data, 'zone'))}`,
        make.length > 0 && make.join(' '),
        field(e.data, 'legacy') === true && 'legacy device',
      ]);
    },
  },
  'asset.updated': {
    what: edited('asset'),
    details: (e, names) => {
      const dropped = strings(field(e.data, 'removedResponses'));
      return sentence([
        ...changesText(names, 'asset', e.data),
        dropped.length > 0 && `answers the new type does not have removed: ${firstFew(dropped)}`,
      ]);
    },
  },
  'asset.moved': {
    what: 'Moved asset',
    details: (e, names) => {
      const c = change(e.data, 'zone');
      return c ? `${zoneName(names, String(c.from))} → ${zoneName(names, String(c.to))}` : changes(e, names);
    },
  },
  'asset.deleted': {
    what: 'Deleted asset',
    details: (e, names) =>
      sentence([
        text(e.data, 'zone') && `in ${zoneName(names, text(e.data, 'zone'))}`,
        text(e.data, 'withZone') && `with its zone`,
        ...fallout(e.data),
      ]),
  },
  'assets.imported': {
    what: 'Imported assets',
    details: (e, names) => {
      const ids = strings(field(e.data, 'assets'));
      const n = count(e.data, 'count') ?? ids.length;
      const listed = ids.map((id) => nameOf(names, 'asset', id) ?? id);
      return sentence([`${plural(n, 'asset')}${listed.length ? `: ${firstFew(listed)}` : ''}`]);
    },
  },

  'response.set': {
    what: (e) => {
      const result = change(e.data, 'result');
      if (result && result.from === null) return 'Answered';
      if (result || change(e.data, 'maturity')) return 'Changed answer';
      const keys = Object.keys(asObject(e.data) ?? {}).filter((k) => k !== 'scope');
      const flagged = change(e.data, 'flagged');
      if (flagged && keys.length === 1) return flagged.to === true ? 'Flagged answer' : 'Removed flag';
      return 'Edited answer';
    },
    details: (e) => sentence(answerChanges(e.data)),
  },
  'response.cleared': { what: 'Cleared answer', details: (e) => sentence(answerChanges(e.data)) },

  'control.created': {
    what: 'Added compensating control',
    details: (e) => {
      const covers = field(e.data, 'covers');
      const n = Array.isArray(covers) ? covers.length : 0;
      const by = asObject(field(e.data, 'implementedBy') ?? null);
      return sentence([
        text(e.data, 'kind'),
        text(e.data, 'description') && `“${clip(text(e.data, 'description')!)}”`,
        n > 0 && `covers ${plural(n, 'requirement')}`,
        by && typeof by.requirement === 'string' && `relies on ${by.requirement}`,
        text(e.data, 'reviewDue') && `review due ${text(e.data, 'reviewDue')}`,
      ]);
    },
  },
  'control.updated': { what: 'Edited compensating control', details: changes },
  'control.deleted': {
    what: 'Deleted compensating control',
    details: (e) => sentence([text(e.data, 'description') && `“${clip(text(e.data, 'description')!)}”`]),
  },

  'finding.created': {
    what: 'Created finding',
    details: (e, names) => {
      const severity = valueText(names, 'finding', 'severity', field(e.data, 'severity'));
      const requirement = text(e.data, 'requirement');
      const scope = valueText(names, 'finding', 'scope', field(e.data, 'scope'));
      const status = text(e.data, 'status');
      return sentence([
        severity && `${severity.toLowerCase()} severity`,
        (requirement || scope) && `on ${[requirement, scope].filter(Boolean).join(' · ')}`,
        status && status !== 'open' && `status ${valueText(names, 'finding', 'status', status)}`,
        text(e.data, 'owner') && `owner ${text(e.data, 'owner')}`,
        text(e.data, 'due') && `due ${text(e.data, 'due')}`,
      ]);
    },
  },
  'finding.updated': { what: edited('finding', 'title'), details: changes },
  'finding.deleted': {
    what: 'Deleted finding',
    details: (e, names) => {
      const severity = valueText(names, 'finding', 'severity', field(e.data, 'severity'));
      const unlinked = count(e.data, 'unlinkedEvidence');
      return sentence([
        severity && `${severity.toLowerCase()} severity`,
        unlinked ? `${plural(unlinked, 'evidence item')} unlinked` : undefined,
      ]);
    },
  },

  'evidence.added': {
    what: 'Added evidence',
    // The item column already names the file.
    details: (e) => {
      const size = field(e.data, 'size');
      const description = text(e.data, 'description');
      return sentence([
        [text(e.data, 'kind'), typeof size === 'number' ? formatSize(size) : undefined]
          .filter(Boolean)
          .join(', '),
        description && `“${clip(description)}”`,
      ]);
    },
  },
  'evidence.restored': {
    what: 'Restored evidence',
    details: (e, names) => {
      const removedAt = text(e.data, 'removedAt');
      return removedAt ? `It had been removed ${names.formatTime(removedAt)}` : '';
    },
  },
  'evidence.linked': { what: 'Linked evidence', details: evidenceFile },
  'evidence.unlinked': { what: 'Unlinked evidence', details: evidenceFile },
  'evidence.removed': {
    what: 'Removed evidence',
    details: (e, names) => {
      const links = (Array.isArray(field(e.data, 'links')) ? (field(e.data, 'links') as JsonValue[]) : [])
        .map(asObject)
        .filter((l): l is JsonObject => typeof l?.kind === 'string' && typeof l.id === 'string')
        .map((l) => refLabel(names, String(l.kind), String(l.id)));
      return sentence([
        text(e.data, 'reason') && `reason: ${text(e.data, 'reason')}`,
        links.length > 0 && `was linked to ${firstFew(links)}`,
      ]);
    },
  },

  'package.exported': {
    what: 'Exported package',
    details: (e) => {
      const redaction = text(e.data, 'redaction');
      return joinParts([
        text(e.data, 'file'),
        signedBy(e),
        redaction && (redaction === 'none' ? 'not redacted' : `redaction: ${redaction}`),
      ]);
    },
  },
  'package.merged': {
    what: 'Merged package',
    details: (e) => {
      const added = counts(asObject(field(e.data, 'added')));
      const decided = count(e.data, 'decisions');
      return joinParts([
        text(e.data, 'package'),
        signedBy(e),
        added ? `added ${added}` : 'nothing new added',
        decided ? `${plural(decided, 'conflict')} decided` : undefined,
      ]);
    },
  },

  'gap.tracked': { what: 'Updated gap tracking', details: changes },
  'gap-register.imported': {
    what: 'Imported gap register',
    details: (e) => {
      const changed = count(e.data, 'changed');
      const unmatched = count(e.data, 'unmatched');
      return joinParts([
        text(e.data, 'file'),
        changed !== undefined && `${plural(changed, 'gap')} changed`,
        unmatched ? `${plural(unmatched, 'row')} matched no gap` : undefined,
      ]);
    },
  },
};
