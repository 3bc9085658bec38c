import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../src/core/audit/auditChain';
import {
  describeEvent,
  entityLabel,
  eventSearchText,
  historyNames,
  type KnownNames,
} from '../../../src/core/audit/history/describeEvent';
import { ACTIONS } from '../../../src/core/audit/history/eventActions';
import type { JsonValue } from '../../../src/core/canonicalJson';
import { responseKey } from '../../../src/core/domain';
import { gapId } from '../../../src/core/scoring/gapId';

const SL = { FR1: 2, FR2: 2, FR3: 2, FR4: 1, FR5: 2, FR6: 1, FR7: 1 };
const SHA = 'ab'.repeat(32);
const FINGERPRINT = `sha256:${'cd'.repeat(32)}`;

const KNOWN: KnownNames = {
  zones: [
    { id: 'z1', name: 'Control room' },
    { id: 'z2', name: 'Field' },
  ],
  conduits: [{ id: 'c1', name: 'Remote access link' }],
  assets: [{ id: 'a1', name: 'PLC 1' }],
  findings: [{ id: 'f1', title: 'Shared passwords' }],
  assessmentTitle: 'Waterworks Nord 2026',
};

let seq = 0;
function ev(action: string, entity: string, entityId: string, data: JsonValue): AuditEvent {
  seq += 1;
  return {
    seq,
    at: '2026-11-26T09:15:00.000Z',
    actor: 'ana',
    action,
    entity,
    entityId,
    data,
    prev: '0'.repeat(64),
    hash: '1'.repeat(64),
  };
}

const describeOne = (e: AuditEvent, known: KnownNames = KNOWN, trail: AuditEvent[] = []) =>
  describeEvent(e, historyNames(known, trail));

/** [event, what, item, details]: one or more per action the main process writes. */
const CASES: [AuditEvent, string, string, string][] = [
  [
    ev('assessment.created', 'assessment', 'A1', { title: 'Waterworks', site: 'Nordhafen' }),
    'Created assessment',
    'Waterworks Nord 2026',
    'Title “Waterworks”; site Nordhafen',
  ],
  [
    ev('assessment.updated', 'assessment', 'A1', { title: { from: 'Old', to: 'New' } }),
    'Renamed assessment',
    'Waterworks Nord 2026',
    'Title “Old” → “New”',
  ],
  [
    ev('assessment.updated', 'assessment', 'A1', { status: { from: 'in-progress', to: 'review' } }),
    'Changed status',
    'Waterworks Nord 2026',
    'Status In progress → In review',
  ],
  [
    ev('assessment.updated', 'assessment', 'A1', {
      assessors: { from: [], to: [{ name: 'Ana Kovač' }, { name: 'Jonas Weber' }] },
      scopeStatement: { from: '', to: 'Raw water intake and filtration' },
      smsTargetMaturity: { from: 2, to: 3 },
    }),
    'Edited assessment details',
    'Waterworks Nord 2026',
    'Assessors set to Ana Kovač, Jonas Weber; scope statement added: “Raw water intake and filtration”; target maturity ML2 Managed → ML3 Defined',
  ],
  [
    // The demo records its target maturity from 3 to "3": nothing a reader would call a change.
    ev('assessment.updated', 'assessment', 'A1', {
      endDate: { from: '', to: '2026-11-27' },
      smsTargetMaturity: { from: 3, to: '3' },
    }),
    'Edited assessment details',
    'Waterworks Nord 2026',
    'End date set to 2026-11-27',
  ],
  [
    ev('assessment.deleted', 'assessment', 'A1', { title: 'Waterworks' }),
    'Deleted assessment',
    'Waterworks Nord 2026',
    'Title “Waterworks”',
  ],
  [
    ev('assessment.imported', 'assessment', 'A1', {
      title: 'W',
      source: 'waterworks.json',
      sha256: SHA,
      zones: 2,
      conduits: 1,
      assets: 3,
      responses: 40,
      findings: 0,
      evidence: 1,
    }),
    'Imported assessment',
    'Waterworks Nord 2026',
    'From waterworks.json; 2 zones, 1 conduit, 3 assets, 40 answers, 1 evidence item',
  ],
  [
    ev('zone.created', 'zone', 'z1', { name: 'Control room', slTarget: SL }),
    'Created zone',
    'Control room',
    'SL-T 2 2 2 1 2 1 1',
  ],
  [
    ev('zone.updated', 'zone', 'z1', { name: { from: 'CR', to: 'Control room' } }),
    'Renamed zone',
    'Control room',
    'Name “CR” → “Control room”',
  ],
  [
    ev('zone.updated', 'zone', 'z1', {
      slTarget: { from: SL, to: { ...SL, FR4: 2 } },
      description: { from: '', to: 'SCADA servers' },
    }),
    'Edited zone',
    'Control room',
    'SL-T 2 2 2 1 2 1 1 → 2 2 2 2 2 1 1; description added: “SCADA servers”',
  ],
  [
    ev('zone.deleted', 'zone', 'z9', {
      name: 'Old DMZ',
      deletedConduits: ['c2'],
      movedAssets: ['a2', 'a3'],
      movedTo: 'z2',
      deletedAssets: [],
      removedResponses: 12,
      detachedFindings: [],
    }),
    'Deleted zone',
    'Old DMZ',
    '1 conduit deleted; 2 assets moved to Field; 12 answers removed',
  ],
  [
    ev('conduit.created', 'conduit', 'c1', {
      name: 'Remote access link',
      zones: ['z1', 'z2'],
      protocols: ['Modbus/TCP', 'OPC UA'],
      slTarget: SL,
      slTargetDefaulted: true,
    }),
    'Created conduit',
    'Remote access link',
    'Between Control room and Field; Modbus/TCP, OPC UA; SL-T 2 2 2 1 2 1 1 (the higher of its two zones)',
  ],
  [
    ev('conduit.updated', 'conduit', 'c1', {
      protocols: { from: ['Modbus/TCP'], to: ['Modbus/TCP', 'OPC UA'] },
    }),
    'Edited conduit',
    'Remote access link',
    'Protocols Modbus/TCP → Modbus/TCP, OPC UA',
  ],
  [
    ev('conduit.deleted', 'conduit', 'c2', {
      name: 'Old link',
      zones: ['z1', 'z2'],
      withZone: 'z2',
      removedResponses: 3,
      detachedFindings: ['f2'],
    }),
    'Deleted conduit',
    'Old link',
    'Between Control room and Field; with zone Field; 3 answers removed; scope cleared on 1 finding',
  ],
  [
    ev('asset.created', 'asset', 'a1', {
      id: 'a1',
      name: 'PLC 1',
      zone: 'z1',
      componentType: 'EDR',
      vendor: 'Siemens',
      model: 'S7-1500',
      firmware: 'V2.9',
      legacy: true,
    }),
    'Added asset',
    'PLC 1',
    'Embedded device (EDR); in Control room; Siemens S7-1500 V2.9; legacy device',
  ],
  [
    ev('asset.updated', 'asset', 'a1', {
      componentType: { from: 'EDR', to: 'HDR' },
      removedResponses: ['EDR 2.4', 'EDR 3.2'],
    }),
    'Edited asset',
    'PLC 1',
    'Component type Embedded device (EDR) → Host device (HDR); answers the new type does not have removed: EDR 2.4, EDR 3.2',
  ],
  [
    ev('asset.moved', 'asset', 'a1', { zone: { from: 'z1', to: 'z2' } }),
    'Moved asset',
    'PLC 1',
    'Control room → Field',
  ],
  [
    ev('asset.deleted', 'asset', 'a7', {
      name: 'HMI 7',
      zone: 'z1',
      removedResponses: 5,
      detachedFindings: [],
    }),
    'Deleted asset',
    'HMI 7',
    'In Control room; 5 answers removed',
  ],
  [
    ev('assets.imported', 'asset', 'plant.csv', {
      file: 'plant.csv',
      sha256: SHA,
      count: 7,
      assets: ['a1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7'],
    }),
    'Imported assets',
    'plant.csv',
    '7 assets: PLC 1, x2, x3, x4, x5 and 2 more',
  ],
  [
    ev('response.set', 'response', 'zone:z1|SR 1.1', {
      scope: 'Control room',
      result: { from: null, to: 'not-met' },
      comment: { from: '', to: 'Shared admin account on the HMIs' },
    }),
    'Answered',
    'SR 1.1 · Control room',
    'Not met; comment: “Shared admin account on the HMIs”',
  ],
  [
    ev('response.set', 'response', 'zone:z1|SR 1.1', {
      scope: 'Control room',
      result: { from: 'not-met', to: 'met' },
      compensatingControl: { from: '', to: 'Jump host with personal accounts' },
    }),
    'Changed answer',
    'SR 1.1 · Control room',
    'Not met → Met; compensating control: “Jump host with personal accounts”',
  ],
  [
    ev('response.set', 'response', 'zone:z1|SR 1.1', {
      scope: 'Control room',
      flagged: { from: false, to: true },
    }),
    'Flagged answer',
    'SR 1.1 · Control room',
    'Flagged for review',
  ],
  [
    ev('response.set', 'response', 'zone:z1|SR 1.1', {
      scope: 'Control room',
      flagged: { from: true, to: false },
    }),
    'Removed flag',
    'SR 1.1 · Control room',
    'Flag removed',
  ],
  [
    ev('response.set', 'response', 'zone:z1|SR 1.1', {
      scope: 'Control room',
      comment: { from: 'x', to: '' },
    }),
    'Edited answer',
    'SR 1.1 · Control room',
    'Comment removed',
  ],
  [
    ev('response.set', 'response', 'organisation|ORG 1.1', {
      scope: 'Organisation',
      result: { from: 'partially-met', to: 'met' },
      maturity: { from: 1, to: 3 },
    }),
    'Changed answer',
    'ORG 1.1 · Organisation',
    'Partially met → Met; maturity ML1 Initial → ML3 Defined',
  ],
  [
    ev('response.cleared', 'response', 'asset:a1|CR 2.1', {
      scope: 'PLC 1',
      result: { from: 'met', to: null },
      comment: { from: 'ok', to: '' },
    }),
    'Cleared answer',
    'CR 2.1 · PLC 1',
    'Was Met; comment removed',
  ],
  [
    ev('finding.created', 'finding', 'f1', {
      title: 'Shared passwords',
      requirement: 'SR 1.1',
      scope: { kind: 'zone', id: 'z2' },
      severity: 'high',
      description: 'd',
      recommendation: '',
      owner: 'J. Weber',
      due: '2027-03-01',
      status: 'open',
    }),
    'Created finding',
    'Shared passwords',
    'High severity; on SR 1.1 · Field; owner J. Weber; due 2027-03-01',
  ],
  [
    ev('finding.updated', 'finding', 'f1', {
      status: { from: 'open', to: 'accepted' },
      owner: { from: '', to: 'J. Weber' },
      due: { from: '2026-01-01', to: null },
    }),
    'Edited finding',
    'Shared passwords',
    'Status Open → Risk accepted; owner set to J. Weber; due date cleared (was 2026-01-01)',
  ],
  [
    ev('finding.updated', 'finding', 'f1', { title: { from: 'Passwords', to: 'Shared passwords' } }),
    'Renamed finding',
    'Shared passwords',
    'Title “Passwords” → “Shared passwords”',
  ],
  [
    ev('finding.deleted', 'finding', 'f9', {
      title: 'Old finding',
      severity: 'low',
      unlinkedEvidence: [SHA],
    }),
    'Deleted finding',
    'Old finding',
    'Low severity; 1 evidence item unlinked',
  ],
  [
    ev('control.created', 'control', 'CC-1', {
      id: 'CC-1',
      description: 'Protocol filter on the conduit firewall',
      kind: 'filtering',
      covers: [{ scope: { kind: 'asset', id: 'a1' }, requirement: 'CR 2.1' }],
      implementedBy: { scope: { kind: 'conduit', id: 'c1' }, requirement: 'SR 5.2 RE 1' },
      owner: '',
      evidence: [],
      reviewDue: '2027-06-30',
    }),
    'Added compensating control',
    'control CC-1',
    'Filtering; “Protocol filter on the conduit firewall”; covers 1 requirement; relies on SR 5.2 RE 1; review due 2027-06-30',
  ],
  [
    ev('control.updated', 'control', 'CC-1', { owner: { from: '', to: 'OT team' } }),
    'Edited compensating control',
    'control CC-1',
    'Owner set to OT team',
  ],
  [
    ev('control.deleted', 'control', 'CC-1', { description: 'Cabinet locked', kind: 'physical' }),
    'Deleted compensating control',
    'control CC-1',
    '“Cabinet locked”',
  ],
  [
    ev('evidence.added', 'evidence', SHA, {
      fileName: 'patch-panel.jpg',
      mediaType: 'image/jpeg',
      size: 13993,
      kind: 'photo',
      capturedAt: '2026-11-26T02:38:05Z',
      description: '',
    }),
    'Added evidence',
    'patch-panel.jpg',
    'Photo, 14 KiB',
  ],
  [
    ev('evidence.added', 'evidence', SHA, {
      fileName: 'Remote access.txt',
      mediaType: 'text/plain',
      size: 81,
      kind: 'note',
      capturedAt: '2026-11-26T02:38:05Z',
      description: 'Remote access',
    }),
    'Added evidence',
    'Remote access.txt',
    'Note, 81 B; “Remote access”',
  ],
  [
    ev('evidence.restored', 'evidence', SHA, { fileName: 'patch-panel.jpg', removedAt: 'not a date' }),
    'Restored evidence',
    'patch-panel.jpg',
    'It had been removed not a date',
  ],
  [
    ev('evidence.linked', 'response', 'zone:z1|SR 1.1', { sha256: SHA, fileName: 'patch-panel.jpg' }),
    'Linked evidence',
    'SR 1.1 · Control room',
    'patch-panel.jpg',
  ],
  [
    ev('evidence.unlinked', 'asset', 'a1', { sha256: SHA, fileName: 'patch-panel.jpg' }),
    'Unlinked evidence',
    'PLC 1',
    'patch-panel.jpg',
  ],
  [
    ev('evidence.removed', 'evidence', SHA, {
      fileName: 'patch-panel.jpg',
      reason: 'Photo of the wrong panel',
      links: [
        { kind: 'response', id: 'zone:z1|SR 1.1' },
        { kind: 'finding', id: 'f1' },
      ],
    }),
    'Removed evidence',
    'patch-panel.jpg',
    'Reason: Photo of the wrong panel; was linked to SR 1.1 · Control room, Shared passwords',
  ],
  [
    ev('package.exported', 'assessment', 'A1', {
      file: 'waterworks_20261126T091500Z.audit.zip',
      tagManifestSha256: SHA,
      signer: FINGERPRINT,
      redaction: 'vendor (Siemens)',
      payloadOxum: '1234.5',
    }),
    'Exported package',
    'Waterworks Nord 2026',
    `waterworks_20261126T091500Z.audit.zip; signed by ${FINGERPRINT}; redaction: vendor (Siemens)`,
  ],
  [
    ev('package.merged', 'assessment', 'A1', {
      package: 'jonas.audit.zip',
      tagManifestSha256: SHA,
      signer: FINGERPRINT,
      signerTrusted: false,
      sourceAssessment: 'B',
      added: { zones: 0, conduits: 0, assets: 1, responses: 12, findings: 0, evidence: 2 },
      kept: 1,
      taken: 1,
      decisions: [
        { item: 'x', decision: 'mine' },
        { item: 'y', decision: 'theirs' },
      ],
      importedTrail: { events: 3, head: SHA },
    }),
    'Merged package',
    'Waterworks Nord 2026',
    `jonas.audit.zip; signed by ${FINGERPRINT} (not in the trust list); added 1 asset, 12 answers, 2 evidence items; 2 conflicts decided`,
  ],
  [
    ev('gap.tracked', 'gap', gapId({ kind: 'zone', id: 'z1' }, 'SR 1.1'), {
      owner: { from: '', to: 'J. Weber' },
      status: { from: 'open', to: 'in-progress' },
    }),
    'Updated gap tracking',
    'SR 1.1 · Control room',
    'Owner set to J. Weber; status Open → In progress',
  ],
  [
    ev('gap-register.imported', 'assessment', 'A1', { file: 'gaps.xlsx', changed: 4, unmatched: 1 }),
    'Imported gap register',
    'Waterworks Nord 2026',
    'gaps.xlsx; 4 gaps changed; 1 row matched no gap',
  ],
];

/** Every `action: '…'` the main process writes (a dotted code; window-open 'deny' and catalog events are not in the trail). */
function actionsWritten(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/action: '([a-z-]+\.[a-z.-]+)'/g))
          found.add(m[1]);
      }
    }
  };
  walk(path.resolve('src/main'));
  return found;
}

describe('describing audit events for the History', () => {
  // The gap's answer key is in the trail, so the tracked gap reads as its requirement and scope.
  const trail = [ev('response.set', 'response', responseKey({ kind: 'zone', id: 'z1' }, 'SR 1.1'), {})];

  const rows = CASES.map(([e, what, item, details]) => ({
    name: `${e.action}: ${what}`,
    e,
    what,
    item,
    details,
  }));
  it.each(rows)('$name', ({ e, what, item, details }) => {
    expect(describeOne(e, KNOWN, trail)).toEqual({ what, item, itemId: e.entityId, details });
  });

  it('covers every action the main process writes, and no action it does not', () => {
    const written = actionsWritten();
    expect(written.size).toBeGreaterThan(25);
    expect([...written].filter((a) => !(a in ACTIONS))).toEqual([]);
    expect(Object.keys(ACTIONS).filter((a) => !written.has(a))).toEqual([]);
    const cased = new Set(CASES.map(([e]) => e.action));
    expect([...written].filter((a) => !cased.has(a))).toEqual([]);
  });

  it('names a deleted item by the name its event recorded, else by the trail, else by its id', () => {
    const deletedZone = ev('response.set', 'response', 'zone:z9|SR 2.1', {
      scope: 'Old DMZ',
      result: { from: 'not-met', to: 'met' },
    });
    expect(describeOne(deletedZone).item).toBe('SR 2.1 · Old DMZ');
    // A link event records no scope name: the trail's earlier answer does.
    const link = ev('evidence.linked', 'response', 'zone:z9|SR 2.1', { sha256: SHA, fileName: 'x.jpg' });
    expect(describeOne(link, KNOWN, [deletedZone, link]).item).toBe('SR 2.1 · Old DMZ');
    expect(describeOne(link).item).toBe('SR 2.1 · zone:z9');
    // A moved and later deleted asset: its move event has no name, its creation had one.
    const created = ev('asset.created', 'asset', 'a9', { name: 'RTU 9', zone: 'z1' });
    const moved = ev('asset.moved', 'asset', 'a9', { zone: { from: 'z1', to: 'z2' } });
    expect(describeOne(moved, KNOWN, [created, moved]).item).toBe('RTU 9');
    expect(describeOne(moved).item).toBe('a9');
    // A renamed zone reads by the name it has now in every event, old ones too.
    const renamed = ev('zone.updated', 'zone', 'z1', { name: { from: 'Control room', to: 'CR' } });
    expect(
      describeOne(ev('zone.created', 'zone', 'z1', { name: 'Control room' }), KNOWN, [renamed]).item,
    ).toBe('Control room');
    // Deleted findings and evidence by their recorded title and file name; unknown ones by id.
    expect(describeOne(ev('finding.updated', 'finding', 'f9', { owner: { from: '', to: 'x' } })).item).toBe(
      'f9',
    );
    expect(describeOne(ev('evidence.removed', 'evidence', SHA, {})).item).toBe(`${SHA.slice(0, 12)}…`);
    expect(describeOne(ev('gap.tracked', 'gap', 'GAP-7K2M9QX1', {})).item).toBe('GAP-7K2M9QX1');
  });

  it('reads a tracked gap by the current score when no answer names it', () => {
    const id = gapId({ kind: 'asset', id: 'a1' }, 'CR 1.1');
    const known = {
      ...KNOWN,
      gaps: [{ gapId: id, scope: { kind: 'asset', id: 'a1' } as const, requirement: 'CR 1.1' }],
    };
    expect(describeOne(ev('gap.tracked', 'gap', id, {}), known).item).toBe('CR 1.1 · PLC 1');
  });

  it('falls back to the raw code and the recorded fields for an action it does not know', () => {
    const d = describeOne(ev('catalog.tuned', 'widget', 'w1', { level: 2, state: { from: 'a', to: 'b' } }));
    expect(d).toEqual({
      what: 'catalog.tuned',
      item: 'widget w1',
      itemId: 'w1',
      details: 'level: 2; state: "a" → "b"',
    });
  });

  it('never throws on data of an unexpected shape', () => {
    for (const action of Object.keys(ACTIONS)) {
      const shapes: JsonValue[] = [
        null,
        'text',
        3,
        [],
        { result: 'odd', zones: 'z1', links: [1], size: 'big' },
        // Codes that are keys of every object's prototype are no labels.
        { result: { from: 'constructor', to: 'toString' }, componentType: 'toString', severity: 'valueOf' },
      ];
      for (const data of shapes) {
        const d = describeOne(ev(action, 'response', 'not a key', data));
        expect(typeof d.what).toBe('string');
        expect(d.details).not.toMatch(/function|native code/);
      }
    }
  });

  it('lets the filter match the words shown as well as the raw codes', () => {
    const e = ev('response.set', 'response', 'zone:z1|SR 1.1', {
      scope: 'Control room',
      result: { from: 'not-met', to: 'met' },
    });
    const text = eventSearchText(e, describeOne(e));
    for (const q of [
      'changed answer',
      'control room',
      'not met → met',
      'sr 1.1',
      'response.set',
      'zone:z1',
      'ana',
    ]) {
      expect(text).toContain(q);
    }
    expect(text).not.toContain('field');
  });

  it('labels the item kinds for the filter', () => {
    expect(entityLabel('response')).toBe('Answers');
    expect(entityLabel('evidence')).toBe('Evidence');
    expect(entityLabel('widget')).toBe('widget');
  });
});
