import { describe, expect, it } from 'vitest';
import { responseKey } from '../../src/core/domain';
import {
  type InterchangeDocument,
  serializeInterchange,
  toInterchangeDocument,
} from '../../src/core/interchange/document';
import type { Services } from '../../src/main/services';
import { buildDemo } from '../../src/main/services/demo';
import { openTestWorkspace } from '../helpers/workspace';

const H1 = '1'.repeat(64);
const H2 = 'f'.repeat(64);

/** The demo plus two evidence files linked to an answer and a finding. */
function demoWithEvidence(services: Services): string {
  const a = buildDemo(services);
  const doc = services.interchange.exportDocument(a.id);
  const db = services.ws.db;
  for (const h of [H2, H1]) {
    db.prepare(
      `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, captured_at, captured_by, description, added_at)
       VALUES (?, ?, ?, 'image/jpeg', 123456, '2026-11-26T09:12:00.000Z', 'Dana Whitfield', 'Cabinet door open', '2026-11-26T09:12:00.000Z')`,
    ).run(a.id, h, `${h.slice(0, 4)}.jpg`);
  }
  const r = doc.responses.find((x) => x.scope.kind === 'zone')!;
  const link = db.prepare(
    'INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  link.run(a.id, H2, 'response', responseKey(r.scope, r.requirement), 't');
  link.run(a.id, H1, 'response', responseKey(r.scope, r.requirement), 't');
  link.run(a.id, H1, 'finding', doc.findings[0].id, 't');
  return a.id;
}

describe('interchange export', () => {
  it('writes the canonical form: fixed key order, sorted arrays, 2-space JSON and a newline', () => {
    const { services } = openTestWorkspace();
    const id = demoWithEvidence(services);
    const text = services.interchange.exportJson(id);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "format": "zonewalk.assessment/2",\n  "assessment": {\n    "id": ')).toBe(
      true,
    );
    const doc = JSON.parse(text) as InterchangeDocument;
    expect(Object.keys(doc)).toEqual([
      'format',
      'assessment',
      'zones',
      'conduits',
      'assets',
      'responses',
      'compensatingControls',
      'findings',
      'gapTracking',
      'evidence',
    ]);
    expect(Object.keys(doc.assessment)).toEqual([
      'id',
      'title',
      'organisation',
      'site',
      'assessors',
      'createdAt',
      'status',
      'catalogs',
      'smsTargetMaturity',
      'scopeStatement',
      'startDate',
      'endDate',
    ]);
    expect(Object.keys(doc.responses[0])).toEqual([
      'scope',
      'requirement',
      'result',
      'maturity',
      'justification',
      'comment',
      'evidence',
      'flagged',
      'assessedBy',
      'assessedAt',
    ]);
    expect(Object.keys(doc.zones[0].slTarget)).toEqual(['FR1', 'FR2', 'FR3', 'FR4', 'FR5', 'FR6', 'FR7']);
    for (const list of [doc.zones, doc.conduits, doc.assets, doc.findings]) {
      expect(list.map((x) => x.id)).toEqual(list.map((x) => x.id).sort());
    }
    expect(doc.evidence.map((e) => e.sha256)).toEqual([H1, H2]);
    const linked = doc.responses.find((r) => r.evidence.length)!;
    expect(linked.evidence).toEqual([H1, H2]);
    // Responses: organisation first, then zones, conduits, assets; SR 1.2 before SR 1.10.
    const kinds = doc.responses.map((r) => r.scope.kind);
    expect(kinds.indexOf('zone')).toBeGreaterThan(kinds.lastIndexOf('organisation'));
    expect(kinds.indexOf('asset')).toBeGreaterThan(kinds.lastIndexOf('conduit'));
    const org = doc.responses.filter((r) => r.scope.kind === 'organisation').map((r) => r.requirement);
    const ix = (x: string) => org.indexOf(x);
    if (ix('USER 1.2') >= 0 && ix('USER 1.10') >= 0) expect(ix('USER 1.2')).toBeLessThan(ix('USER 1.10'));
  });

  it('export -> import into a fresh workspace -> export is byte-identical', () => {
    const first = openTestWorkspace().services;
    const id = demoWithEvidence(first);
    const text = first.interchange.exportJson(id);
    const second = openTestWorkspace().services;
    const result = second.interchange.import(text, { source: 'plant.json' });
    expect(result.id).toBe(id);
    expect(result.counts.evidence).toBe(2);
    expect(second.interchange.exportJson(id)).toBe(text);
    const ev = second.ws.trail.list(id);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ action: 'assessment.imported', data: { source: 'plant.json', zones: 5 } });
  });

  it('refuses an id clash with a conflict, or imports as a copy with a new id', () => {
    const { services } = openTestWorkspace();
    const id = buildDemo(services).id;
    const text = services.interchange.exportJson(id);
    expect(() => services.interchange.import(text)).toThrow(/already exists in this workspace/);
    const copy = services.interchange.import(text, { asCopy: true });
    expect(copy.id).not.toBe(id);
    expect(copy.title).toMatch(/\(copy\)$/);
    const a = JSON.parse(services.interchange.exportJson(copy.id)) as InterchangeDocument;
    const b = JSON.parse(text) as InterchangeDocument;
    expect(a.responses).toEqual(b.responses);
    expect(a.zones).toEqual(b.zones);
  });
});

/** A small valid document to break in one place per test. */
function validDoc(): InterchangeDocument {
  const sl = { FR1: 2, FR2: 2, FR3: 2, FR4: 1, FR5: 2, FR6: 1, FR7: 2 } as const;
  return {
    format: 'zonewalk.assessment/2',
    assessment: {
      id: 'wtw-2026',
      title: 'Waterworks',
      organisation: 'Water Authority',
      site: 'North',
      assessors: [{ name: 'Dana' }],
      createdAt: '2026-11-26T08:00:00Z',
      status: 'in-progress',
      catalogs: ['iec-62443-2-1:2024', 'iec-62443-3-3:2013', 'iec-62443-4-2:2019'],
      smsTargetMaturity: 3,
      scopeStatement: 'Control and SCADA zones',
      startDate: '2026-11-23',
      endDate: '2026-11-27',
    },
    zones: [
      { id: 'control', name: 'Control', description: '', slTarget: { ...sl } },
      { id: 'scada', name: 'SCADA', description: '', slTarget: { ...sl } },
    ],
    conduits: [
      {
        id: 'c1',
        name: 'SCADA-Control',
        description: '',
        zones: ['scada', 'control'],
        protocols: ['S7comm'],
        slTarget: { ...sl },
      },
    ],
    assets: [
      {
        id: 'plc1',
        name: 'PLC 1',
        zone: 'control',
        componentType: 'EDR',
        vendor: 'Siemens',
        model: 'S7-1500',
        firmware: 'V2.9',
        legacy: false,
        roles: [],
        certificates: [
          {
            scheme: 'isasecure-csa',
            number: 'CSA-123',
            issuer: 'ISCI',
            slCapability: { FR1: 2, FR2: 2, FR3: 2, FR4: 2, FR5: 2, FR6: 2, FR7: 2 },
            firmware: ['V2.8', 'V2.9'],
            validFrom: '2024-01-01',
            validTo: '2027-01-01',
          },
        ],
        endOfLife: null,
      },
    ],
    responses: [
      {
        scope: { kind: 'organisation' },
        requirement: 'ORG 1.1',
        result: 'met',
        maturity: 3,
        justification: '',
        comment: '',
        evidence: [],
        flagged: false,
        assessedBy: 'Dana',
        assessedAt: '2026-11-26T09:00:00Z',
      },
      {
        scope: { kind: 'zone', id: 'scada' },
        requirement: 'SR 1.1',
        result: 'not-met',
        maturity: null,
        justification: '',
        comment: 'shared account',
        evidence: [H1],
        flagged: true,
        assessedBy: 'Dana',
        assessedAt: '2026-11-26T09:00:00Z',
      },
      {
        scope: { kind: 'asset', id: 'plc1' },
        requirement: 'EDR 2.4',
        result: 'not-met',
        maturity: null,
        justification: '',
        comment: '',
        evidence: [],
        flagged: false,
        assessedBy: 'Dana',
        assessedAt: '2026-11-26T09:00:00Z',
      },
    ],
    compensatingControls: [
      {
        id: 'CC-1',
        description: 'Mobile code blocked by the conduit firewall',
        kind: 'filtering',
        covers: [{ scope: { kind: 'asset', id: 'plc1' }, requirement: 'EDR 2.4' }],
        implementedBy: { scope: { kind: 'conduit', id: 'c1' }, requirement: 'SR 5.1' },
        owner: 'OT team',
        evidence: [H1],
        reviewDue: '2027-06-30',
      },
    ],
    findings: [
      {
        id: 'f1',
        title: 'Shared account',
        requirement: 'SR 1.1',
        scope: { kind: 'zone', id: 'scada' },
        severity: 'high',
        description: '',
        recommendation: '',
        owner: '',
        due: '2027-03-31',
        status: 'open',
        evidence: [H1],
      },
    ],
    evidence: [
      {
        sha256: H1,
        fileName: 'p.jpg',
        mediaType: 'image/jpeg',
        size: 10,
        capturedAt: '2026-11-26T09:00:00Z',
        capturedBy: 'Dana',
        description: '',
      },
    ],
    gapTracking: [{ gapId: 'GAP-ABCD2345', owner: 'Jonas', due: '2027-03-31', status: 'in-progress' }],
  };
}

type Doc = ReturnType<typeof validDoc> & Record<string, unknown>;

/** The document with its keys in the canonical order, as an export writes it. */
function canonical(d: InterchangeDocument): InterchangeDocument {
  return toInterchangeDocument(d, d.evidence);
}

describe('interchange import: bad input names the JSON path and imports nothing', () => {
  it('imports the valid document', () => {
    const { services } = openTestWorkspace();
    const text = serializeInterchange(canonical(validDoc()));
    expect(services.interchange.import(text).id).toBe('wtw-2026');
    expect(services.interchange.exportJson('wtw-2026')).toBe(text);
  });

  const cases: [string, (d: Doc) => unknown, RegExp][] = [
    [
      'unknown format version',
      (d) => ({ ...d, format: 'zonewalk.assessment/3' }),
      /^format: unknown format "zonewalk.assessment\/3"/,
    ],
    ['missing format', (d) => ({ ...d, format: undefined }), /^format: missing/],
    ['a top-level array', () => [], /^\(root\): expected a JSON object/],
    ['an unknown top-level field', (d) => ({ ...d, colour: 'red' }), /^colour: unknown field/],
    [
      'an unknown nested field',
      (d) => {
        (d.zones[1] as unknown as Record<string, unknown>).colour = 'red';
        return d;
      },
      /^zones\[1\]\.colour: unknown field/,
    ],
    [
      'a missing field',
      (d) => {
        delete (d.assets[0] as Partial<(typeof d.assets)[0]>).name;
        return d;
      },
      /^assets\[0\]\.name: missing/,
    ],
    [
      'an SL above 4',
      (d) => {
        (d.zones[1].slTarget as Record<string, number>).FR3 = 5;
        return d;
      },
      /^zones\[1\]\.slTarget\.FR3: SL values are whole numbers from 0 to 4/,
    ],
    [
      'a negative SL',
      (d) => {
        (d.conduits[0].slTarget as Record<string, number>).FR7 = -1;
        return d;
      },
      /^conduits\[0\]\.slTarget\.FR7: SL values/,
    ],
    [
      'a fractional SL',
      (d) => {
        (d.zones[0].slTarget as Record<string, number>).FR1 = 1.5;
        return d;
      },
      /^zones\[0\]\.slTarget\.FR1: SL values/,
    ],
    [
      'a maturity of 7',
      (d) => {
        (d.responses[0] as unknown as Record<string, unknown>).maturity = 7;
        return d;
      },
      /^responses\[0\]\.maturity: Maturity is a whole number from 0 to 4/,
    ],
    [
      'an unknown requirement',
      (d) => {
        d.responses[1].requirement = 'SR 9.9';
        return d;
      },
      /^responses\[1\]\.requirement: unknown requirement "SR 9\.9" for a zone/,
    ],
    [
      'a requirement of another component type',
      (d) => {
        d.responses[2].requirement = 'NDR 2.4';
        return d;
      },
      /^responses\[2\]\.requirement: "NDR 2\.4" does not apply to a component of type EDR/,
    ],
    [
      'a heading as a requirement',
      (d) => {
        d.responses[0].requirement = 'ORG 1';
        return d;
      },
      /^responses\[0\]\.requirement: "ORG 1" is a heading/,
    ],
    [
      'an unknown finding requirement',
      (d) => {
        d.findings[0].requirement = 'SR 1.99';
        return d;
      },
      /^findings\[0\]\.requirement: unknown requirement "SR 1\.99" for a zone/,
    ],
    [
      'a response to a missing zone',
      (d) => {
        d.responses[1].scope = { kind: 'zone', id: 'dmz' };
        return d;
      },
      /^responses\[1\]\.scope\.id: no zone with id "dmz"/,
    ],
    [
      'an asset in a missing zone',
      (d) => {
        d.assets[0].zone = 'ghost';
        return d;
      },
      /^assets\[0\]\.zone: no zone with id "ghost"/,
    ],
    [
      'a conduit to a missing zone',
      (d) => {
        d.conduits[0].zones[1] = 'ghost';
        return d;
      },
      /^conduits\[0\]\.zones\[1\]: no zone with id "ghost"/,
    ],
    [
      'a conduit from a zone to itself',
      (d) => {
        d.conduits[0].zones[1] = 'scada';
        return d;
      },
      /^conduits\[0\]\.zones: a conduit joins two different zones/,
    ],
    [
      'dangling evidence',
      (d) => {
        d.findings[0].evidence = ['e'.repeat(64)];
        return d;
      },
      /^findings\[0\]\.evidence\[0\]: no evidence with sha256/,
    ],
    [
      'a finding on a missing asset',
      (d) => {
        d.findings[0].scope = { kind: 'asset', id: 'plc9' };
        return d;
      },
      /^findings\[0\]\.scope\.id: no asset with id "plc9"/,
    ],
    [
      'duplicate zone ids',
      (d) => {
        d.zones[1].id = 'control';
        return d;
      },
      /^zones\[1\]\.id: duplicate id "control" \(also zones\[0\]\)/,
    ],
    [
      'duplicate finding ids',
      (d) => {
        d.findings.push({ ...d.findings[0] });
        return d;
      },
      /^findings\[1\]\.id: duplicate id "f1"/,
    ],
    [
      'two answers to one requirement',
      (d) => {
        d.responses.push({ ...d.responses[1] });
        return d;
      },
      /^responses\[3\]: a second answer to SR 1\.1/,
    ],
    [
      'duplicate evidence',
      (d) => {
        d.evidence.push({ ...d.evidence[0] });
        return d;
      },
      /^evidence\[1\]\.sha256: duplicate evidence/,
    ],
    [
      'a maturity on a zone answer',
      (d) => {
        (d.responses[1] as unknown as Record<string, unknown>).maturity = 2;
        return d;
      },
      /^responses\[1\]\.maturity: only the organisation questionnaire/,
    ],
    [
      'a justification on an answer that is not N/A',
      (d) => {
        d.responses[1].justification = 'x';
        return d;
      },
      /^responses\[1\]\.justification: only a not-applicable answer/,
    ],
    [
      'an N/A without a justification',
      (d) => {
        d.responses[1].result = 'not-applicable';
        return d;
      },
      /^responses\[1\]\.justification: a not-applicable answer needs a justification/,
    ],
    [
      'a control covering a requirement of another component type',
      (d) => {
        d.compensatingControls[0].covers[0].requirement = 'NDR 1.6';
        return d;
      },
      /^compensatingControls\[0\]\.covers\[0\]\.requirement: /,
    ],
    [
      'a control covering a 4-2 requirement on a zone',
      (d) => {
        d.compensatingControls[0].covers[0] = { scope: { kind: 'zone', id: 'scada' }, requirement: 'CR 1.1' };
        return d;
      },
      /^compensatingControls\[0\]\.covers\[0\]\.requirement: /,
    ],
    [
      'a control covering an unknown requirement',
      (d) => {
        d.compensatingControls[0].covers[0].requirement = 'EDR 9.9';
        return d;
      },
      /^compensatingControls\[0\]\.covers\[0\]\.requirement: /,
    ],
    [
      'a control covering an asset that does not exist',
      (d) => {
        d.compensatingControls[0].covers[0].scope = { kind: 'asset', id: 'ghost' };
        return d;
      },
      /^compensatingControls\[0\]\.covers\[0\]\.scope\.id: no asset with id "ghost"/,
    ],
    [
      'a control implemented by an item it covers itself',
      (d) => {
        d.compensatingControls[0].implementedBy = {
          scope: { kind: 'asset', id: 'plc1' },
          requirement: 'EDR 2.4',
        };
        return d;
      },
      /^compensatingControls\[0\]\.implementedBy: a control cannot be implemented by an item it covers itself/,
    ],
    [
      'a control of an unknown kind',
      (d) => {
        (d.compensatingControls[0] as unknown as Record<string, unknown>).kind = 'magic';
        return d;
      },
      /^compensatingControls\[0\]\.kind: The kind is one of/,
    ],
    [
      'a control naming evidence that is not in the file',
      (d) => {
        d.compensatingControls[0].evidence = [H2];
        return d;
      },
      /^compensatingControls\[0\]\.evidence\[0\]: no evidence with sha256/,
    ],
    [
      'the zone boundary role on an embedded device',
      (d) => {
        d.assets[0].roles = ['zoneBoundary'];
        return d;
      },
      /^assets\[0\]\.roles: the role zoneBoundary belongs to network devices only/,
    ],
    [
      'an unknown role',
      (d) => {
        (d.assets[0] as unknown as Record<string, unknown>).roles = ['gateway'];
        return d;
      },
      /^assets\[0\]\.roles\[0\]: Roles are/,
    ],
    [
      'an unknown certificate scheme',
      (d) => {
        (d.assets[0].certificates[0] as unknown as Record<string, unknown>).scheme = 'tuv';
        return d;
      },
      /^assets\[0\]\.certificates\[0\]\.scheme: The scheme is one of/,
    ],
    [
      'an unknown field on a control',
      (d) => {
        (d.compensatingControls[0] as unknown as Record<string, unknown>).status = 'ok';
        return d;
      },
      /^compensatingControls\[0\]\.status: unknown field/,
    ],
    [
      'a duplicate gap id in gap tracking',
      (d) => {
        d.gapTracking.push({ ...d.gapTracking[0] });
        return d;
      },
      /^gapTracking\[1\]\.gapId: duplicate gap id/,
    ],
    [
      'an unknown scope kind',
      (d) => {
        (d.responses[1] as unknown as Record<string, unknown>).scope = { kind: 'site' };
        return d;
      },
      /^responses\[1\]\.scope\.kind: scope\.kind must be organisation, zone, conduit or asset/,
    ],
    [
      'an unknown result',
      (d) => {
        (d.responses[1] as unknown as Record<string, unknown>).result = 'ok';
        return d;
      },
      /^responses\[1\]\.result:/,
    ],
    [
      'an unknown catalog',
      (d) => {
        d.assessment.catalogs = ['iec-62443-3-3:1999'];
        return d;
      },
      /^assessment\.catalogs\[0\]: unknown catalog/,
    ],
    [
      'a bad id',
      (d) => {
        d.assets[0].id = 'plc 1/../x';
        return d;
      },
      /^assets\[0\]\.id: Use letters, digits/,
    ],
    [
      'a bad time',
      (d) => {
        d.responses[0].assessedAt = 'yesterday';
        return d;
      },
      /^responses\[0\]\.assessedAt: Use an ISO 8601 time/,
    ],
    [
      'a target maturity of 0',
      (d) => {
        d.assessment.smsTargetMaturity = 0;
        return d;
      },
      /^assessment\.smsTargetMaturity: The target maturity/,
    ],
  ];

  it.each(cases)('%s', (_name, mutate, message) => {
    const { services } = openTestWorkspace();
    const text = JSON.stringify(mutate(validDoc() as Doc));
    let error: { code?: string; message: string; details?: { path: string } } | undefined;
    try {
      services.interchange.import(text, { source: 'plant.json' });
    } catch (e) {
      error = e as typeof error;
    }
    expect(error?.code).toBe('invalid-file');
    const prefix = 'plant.json is not a valid Zonewalk assessment: ';
    expect(error!.message.startsWith(prefix)).toBe(true);
    expect(error!.message.slice(prefix.length)).toMatch(message);
    expect(error!.message.split('\n')).toHaveLength(1);
    expect(services.assessments.list()).toEqual([]);
    expect(services.ws.db.prepare('SELECT COUNT(*) FROM audit_event').pluck().get()).toBe(0);
  });

  it('malformed JSON', () => {
    const { services } = openTestWorkspace();
    expect(() =>
      services.interchange.import('{"format": "zonewalk.assessment/1",', { source: 'x.json' }),
    ).toThrow(/^x\.json is not valid JSON: /);
    expect(services.assessments.list()).toEqual([]);
  });

  it('rolls back when the database refuses a row half-way', () => {
    const { services } = openTestWorkspace();
    services.ws.db.exec(
      `CREATE TRIGGER boom BEFORE INSERT ON finding BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    expect(() => services.interchange.import(JSON.stringify(validDoc()))).toThrow();
    expect(
      services.ws.db
        .prepare(
          'SELECT (SELECT COUNT(*) FROM assessment) + (SELECT COUNT(*) FROM response) + (SELECT COUNT(*) FROM audit_event)',
        )
        .pluck()
        .get(),
    ).toBe(0);
  });
});

describe('interchange /2: defaults, warnings and /1 documents', () => {
  it('takes the natural empty value for omitted strings, lists, flags and nullables', () => {
    const { services } = openTestWorkspace();
    const d = validDoc() as unknown as Record<string, unknown>;
    const asset = (d.assets as Record<string, unknown>[])[0];
    for (const k of ['vendor', 'legacy', 'roles', 'certificates', 'endOfLife']) delete asset[k];
    delete d.gapTracking;
    delete (d.assessment as Record<string, unknown>).scopeStatement;
    const control = (d.compensatingControls as Record<string, unknown>[])[0];
    for (const k of ['implementedBy', 'owner', 'evidence', 'reviewDue']) delete control[k];
    services.interchange.import(JSON.stringify(d));
    const doc = services.interchange.exportDocument('wtw-2026');
    expect(doc.assets[0]).toMatchObject({
      vendor: '',
      legacy: false,
      roles: [],
      certificates: [],
      endOfLife: null,
    });
    expect(doc.assessment.scopeStatement).toBe('');
    expect(doc.gapTracking).toEqual([]);
    expect(doc.compensatingControls[0]).toMatchObject({
      implementedBy: null,
      owner: '',
      evidence: [],
      reviewDue: null,
    });
  });

  it('warns, naming the conduit and FR, when a conduit SL-T is below one of its zones', () => {
    const { services } = openTestWorkspace();
    const d = validDoc();
    d.conduits[0].slTarget = { ...d.conduits[0].slTarget, FR5: 1 };
    const r = services.interchange.import(JSON.stringify(d));
    expect(r.warnings).toEqual([
      'conduits[0].slTarget.FR5: conduit "SCADA-Control" has SL-T 1 on FR5, below the 2 of the zones it joins.',
    ]);
  });

  it('imports a control over an item that does not apply at the SL-T (inactive), and exports it back', () => {
    const { services } = openTestWorkspace();
    const d = validDoc();
    // EDR 3.2 RE 1 enters at SL3, above the control zone's target
    d.responses.push({ ...d.responses[2], requirement: 'CR 3.1 RE 1' });
    d.compensatingControls[0].covers.push({
      scope: { kind: 'asset', id: 'plc1' },
      requirement: 'CR 3.1 RE 1',
    });
    const text = serializeInterchange(canonical(d));
    services.interchange.import(text);
    expect(services.interchange.exportJson('wtw-2026')).toBe(text);
  });

  it('reads a /1 document: N/A with a comment keeps it as justification, without one becomes open; control text becomes a record', () => {
    const { services } = openTestWorkspace();
    const d = validDoc() as unknown as Record<string, unknown>;
    d.format = 'zonewalk.assessment/1';
    delete d.compensatingControls;
    delete d.gapTracking;
    const a = d.assessment as Record<string, unknown>;
    for (const k of ['scopeStatement', 'startDate', 'endDate']) delete a[k];
    const asset = (d.assets as Record<string, unknown>[])[0];
    for (const k of ['roles', 'certificates', 'endOfLife']) delete asset[k];
    const responses = d.responses as Record<string, unknown>[];
    for (const r of responses) {
      delete r.justification;
      r.compensatingControl = '';
    }
    responses[1].result = 'not-applicable';
    responses[1].comment = 'No accounts on this zone';
    responses[2].result = 'met';
    responses[2].compensatingControl = 'Isolated by the cell firewall';
    responses.push({ ...responses[1], requirement: 'SR 2.1', comment: '', evidence: [] });
    const r = services.interchange.import(JSON.stringify(d));
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[0]).toMatch(
      /^responses\[2\]\.compensatingControl: migrated to compensating control CC-/,
    );
    expect(r.warnings[1]).toMatch(
      /^responses\[3\]: SR 2\.1 was not applicable without a reason \(justification missing\)/,
    );
    // SR 1.1 is a baseline requirement of every zone: N/A is allowed, with a warning
    expect(r.warnings[2]).toMatch(/^responses\[\d\]: SR 1\.1 is a baseline requirement of every zone/);
    const doc = services.interchange.exportDocument(r.id);
    const byReq = new Map(doc.responses.map((x) => [x.requirement, x]));
    expect(byReq.get('SR 1.1')).toMatchObject({
      result: 'not-applicable',
      justification: 'No accounts on this zone',
    });
    expect(byReq.get('SR 2.1')).toMatchObject({ result: 'not-assessed', flagged: true, justification: '' });
    expect(byReq.get('EDR 2.4')).toMatchObject({ result: 'met', flagged: true });
    expect(doc.compensatingControls).toEqual([
      expect.objectContaining({
        description: 'Isolated by the cell firewall',
        kind: 'other',
        covers: [{ scope: { kind: 'asset', id: 'plc1' }, requirement: 'EDR 2.4' }],
        implementedBy: null,
      }),
    ]);
    const score = services.score.get(r.id);
    expect(score.openQuestions.some((q) => q.requirement === 'SR 2.1')).toBe(true);
    expect(score.gaps.some((g) => g.requirement === 'SR 2.1')).toBe(false);
  });
});
