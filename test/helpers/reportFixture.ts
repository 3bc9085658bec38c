import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { Catalog, CatalogPart } from '../../src/core/catalog/types';
import {
  FRS,
  SEVERITIES,
  type SecurityLevel,
  type Severity,
  type SlVector,
  uniformSl,
} from '../../src/core/domain';
import type { AssessmentModel, EvidenceMeta, Finding } from '../../src/core/model';
import { scoreAssessment } from '../../src/core/scoring/scoreAssessment';
import type { AssessmentScore, GapItem } from '../../src/core/scoring/types';
import { CatalogService } from '../../src/main/services/catalogs';
import type { GapTracking, ReportInput } from '../../src/main/services/reports/reportInput';

// Synthetic report inputs: the writers are tested against these before and apart from the services.

let catalogService: CatalogService | undefined;
export function shippedCatalogs(): Record<CatalogPart, Catalog> {
  catalogService ??= new CatalogService();
  return {
    '2-1': catalogService.byPart('2-1'),
    '3-3': catalogService.byPart('3-3'),
    '4-2': catalogService.byPart('4-2'),
  };
}

export const INJECTIONS = ['=HYPERLINK("http://x","y")', '+1+2', '-2-3', '@SUM(A1)', '\t=1+1', '\r=1+1'];
export const NAMES = {
  german: 'Steuerung Süd – Kläranlage Größe',
  polish: 'Łódź Żółć sterownik',
  turkish: 'İzmir Şalt Ğüç ıİ',
  japanese: '制御盤 第３号 やまだ たろう',
  emoji: 'Pump 🚰 station ⚠️',
};

function sl(...v: number[]): SlVector {
  return Object.fromEntries(FRS.map((fr, i) => [fr, v[i] ?? v[0]])) as SlVector;
}

export function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A small valid PNG of one colour, as a thumbnail would be. */
export function solidPng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(rgb, y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface FixtureOptions {
  zones?: number;
  gaps?: number;
  findings?: number;
  evidence?: number;
  longComment?: boolean;
  /** Score the model with the core instead of the synthetic gap list. */
  realScore?: boolean;
}

/** A plant with international names, injection-looking text and as many gaps and findings as asked. */
export function makeReportInput(opts: FixtureOptions = {}): ReportInput {
  const zoneCount = opts.zones ?? 3;
  const catalogs = shippedCatalogs();
  const zoneNames = ['Enterprise', 'DMZ', NAMES.german, NAMES.japanese, NAMES.turkish, NAMES.polish];
  const zones = Array.from({ length: zoneCount }, (_, i) => ({
    id: `z${i + 1}`,
    name: zoneNames[i] ?? `Control zone ${i + 1}`,
    description: '',
    slTarget: sl(2, 2, 2 + (i % 2), 1, 3, 1, 2),
  }));
  const conduits =
    zoneCount >= 2
      ? [
          {
            id: 'c1',
            name: 'DMZ ↔ Enterprise',
            description: '',
            zones: ['z1', 'z2'] as [string, string],
            protocols: ['HTTPS'],
            slTarget: sl(2),
          },
        ]
      : [];
  const assets = zones.flatMap((z, i) => [
    {
      id: `a${i}-1`,
      name: i === 2 ? NAMES.emoji : `PLC-${i + 1}`,
      zone: z.id,
      componentType: 'EDR' as const,
      vendor: 'Siemens',
      model: 'S7-1500',
      firmware: '2.9',
      legacy: i === 0,
      roles: [],
      certificates: [],
      endOfLife: null,
    },
    {
      id: `a${i}-2`,
      name: `HMI-${i + 1}`,
      zone: z.id,
      componentType: 'HDR' as const,
      vendor: 'Ünsal Ltd',
      model: 'Panel',
      firmware: '1.0',
      legacy: false,
      roles: [],
      certificates: [],
      endOfLife: null,
    },
  ]);
  const evidenceCount = opts.evidence ?? 3;
  const evidence: EvidenceMeta[] = Array.from({ length: evidenceCount }, (_, i) => ({
    sha256: sha(`evidence ${i}`),
    fileName: i === 0 ? 'cabinet-3 Schaltschrank.jpg' : i === 1 ? 'firewall rules.pdf' : `photo-${i}.png`,
    mediaType: i === 1 ? 'application/pdf' : i === 0 ? 'image/jpeg' : 'image/png',
    size: 1000 + i * 731,
    capturedAt: `2026-11-2${3 + (i % 5)}T09:${String(10 + (i % 50)).padStart(2, '0')}:00.000Z`,
    capturedBy: 'Ana Kovač',
    description: i === 0 ? 'Open cabinet, no lock' : '',
  }));

  const reqs33 = catalogs['3-3'].requirements;
  const reqs21 = catalogs['2-1'].requirements.filter((r) => r.kind === 'requirement');
  const gapCount = opts.gaps ?? 40;
  const gaps: GapItem[] = [];
  for (let i = 0; i < gapCount; i++) {
    const org = i % 10 === 9;
    const onAsset = i % 5 === 3;
    const z = zones[i % Math.max(1, zones.length)];
    const r = org ? reqs21[i % reqs21.length] : reqs33[i % reqs33.length];
    const scope =
      org || !z
        ? ({ kind: 'organisation' } as const)
        : onAsset
          ? ({ kind: 'asset', id: assets[(i % zones.length) * 2].id } as const)
          : ({ kind: 'zone', id: z.id } as const);
    const severity: Severity = SEVERITIES[i % 4];
    gaps.push({
      gapId: `GAP-${String(i + 1).padStart(6, '0')}`,
      scope,
      scopeName:
        scope.kind === 'organisation'
          ? 'Stadtwerke Nord'
          : scope.kind === 'asset'
            ? assets.find((a) => a.id === scope.id)!.name
            : z.name,
      zoneId: scope.kind === 'organisation' ? null : z.id,
      catalogId: org ? catalogs['2-1'].id : catalogs['3-3'].id,
      requirement: r.id,
      title: r.title,
      fr: r.fr,
      scale: org ? 'ML' : 'SL',
      requiredFrom: org ? null : Math.min(...(r.sl.length ? r.sl : [1])),
      target: org ? 3 : 2,
      result: i % 3 === 0 ? 'partially-met' : 'not-met',
      maturity: org ? 1 : null,
      controls:
        i % 11 === 0
          ? [{ id: `CC-${i}`, description: 'Cabinet locked, key with shift lead', state: 'broken' }]
          : [],
      comment:
        i < INJECTIONS.length
          ? INJECTIONS[i]
          : opts.longComment && i === INJECTIONS.length
            ? 'Lange Bemerkung über die Steuerung. '.repeat(600)
            : `Observed on walk-down ${i}`,
      evidence: i % 4 === 0 && evidence.length ? [evidence[0].sha256] : [],
      points: 4 - (i % 4),
      severity,
    });
  }

  const findingCount = opts.findings ?? 5;
  const findings: Finding[] = Array.from({ length: findingCount }, (_, i) => ({
    id: `F-${i + 1}`,
    title:
      i === 0
        ? `Shared engineering password at ${NAMES.polish}`
        : i === 1
          ? INJECTIONS[0]
          : i === 2
            ? `${NAMES.japanese} remote access ${NAMES.emoji}`
            : `Finding number ${i + 1} about ${zones[i % Math.max(1, zones.length)]?.name ?? 'the site'}`,
    requirement: 'SR 1.1',
    scope: zones.length ? { kind: 'zone', id: zones[i % zones.length].id } : null,
    severity: SEVERITIES[(i + 1) % 4],
    description:
      opts.longComment && i === 0
        ? 'Ein sehr langer Befund, der über mehrere Seiten laufen muss. '.repeat(500)
        : `The vendor account is shared by ${NAMES.turkish} and nobody can say who logged in.`,
    recommendation: 'Give every engineer a personal account and remove the shared one.',
    owner: i % 2 ? 'Jonas Weber' : '',
    due: i % 2 ? '2027-03-31' : null,
    status: 'open',
    evidence: evidence.slice(0, 2).map((e) => e.sha256),
  }));

  const zoneScores = zones.map((z, i) => {
    const achieved = sl(1, 2, 1, 1, i % 3, 1, 2);
    return {
      id: z.id,
      slTarget: z.slTarget,
      slSystem: sl(2, 2, 1, 1, i % 3, 1, 2),
      slComponents: i === zones.length - 1 ? null : achieved,
      slAchieved: achieved,
      slAchievedUpper: achieved,
      gap: Object.fromEntries(FRS.map((fr) => [fr, Math.max(0, z.slTarget[fr] - achieved[fr])])) as SlVector,
    };
  });
  const score: AssessmentScore = {
    assessment: 'a-fixture',
    zones: zoneScores,
    conduits: conduits.map((c) => ({
      id: c.id,
      slTarget: c.slTarget,
      slAchieved: uniformSl(1),
      slAchievedUpper: uniformSl(1),
      gap: uniformSl(1),
    })),
    assets: assets.map((a) => ({
      id: a.id,
      zone: a.zone,
      slTarget: zones.find((z) => z.id === a.zone)!.slTarget,
      slAchieved: uniformSl(1 as SecurityLevel),
      slAchievedUpper: uniformSl(1 as SecurityLevel),
      slCapability: uniformSl(1 as SecurityLevel),
      slContribution: uniformSl(1 as SecurityLevel),
      slContributionUpper: uniformSl(1 as SecurityLevel),
      gap: uniformSl(1),
      certificateIssues: [],
    })),
    organisation: {
      targetMaturity: 3,
      maturity: { ORG: 1, CM: 2, NET: null, COMP: 3, DATA: 1, USER: 2, EVENT: 0, AVAIL: 2 },
      maturityUpper: { ORG: 1, CM: 2, NET: null, COMP: 3, DATA: 1, USER: 2, EVENT: 0, AVAIL: 2 },
    },
    gapCount: {
      zones: gaps.filter((g) => g.scope.kind === 'zone').length,
      conduits: 0,
      assets: gaps.filter((g) => g.scope.kind === 'asset').length,
      organisation: gaps.filter((g) => g.scope.kind === 'organisation').length,
    },
    openCount: { organisation: 0, zones: 0, conduits: 0, assets: 0 },
    gaps,
    openQuestions: [],
    controls: [],
    progress: {},
    overall: { answered: 120, total: 300 },
  };

  const model: AssessmentModel = {
    assessment: {
      id: 'a-fixture',
      title: 'Waterworks Nord 2026',
      organisation: 'Stadtwerke Nord',
      site: 'Nordhafen treatment plant',
      assessors: [
        { name: 'Ana Kovač' },
        { name: 'Jonas Weber' },
        { name: 'Şule Yılmaz' },
        { name: '山田 太郎' },
      ],
      createdAt: '2026-11-20T08:00:00.000Z',
      status: 'review',
      catalogs: Object.values(catalogs).map((c) => c.id),
      smsTargetMaturity: 3,
      scopeStatement: '',
      startDate: null,
      endDate: null,
    },
    zones,
    conduits,
    assets,
    responses: [
      {
        scope: { kind: 'organisation' },
        requirement: reqs21[0].id,
        result: 'partially-met',
        maturity: 1,
        justification: '',
        comment: '',
        evidence: [],
        flagged: false,
        assessedBy: 'Ana',
        assessedAt: '2026-11-23T10:00:00Z',
      },
      // answered and not met, so a real score has gap rows (unanswered items are open questions)
      ...zones.flatMap((z) =>
        reqs33
          .filter((r) => r.kind === 'SR')
          .slice(1, 7)
          .map((r) => ({
            scope: { kind: 'zone' as const, id: z.id },
            requirement: r.id,
            result: 'not-met' as const,
            maturity: null,
            justification: '',
            comment: '',
            evidence: [],
            flagged: false,
            assessedBy: 'Ana',
            assessedAt: '2026-11-23T10:00:00Z',
          })),
      ),
      ...(zones.length
        ? [
            {
              scope: { kind: 'zone' as const, id: 'z1' },
              requirement: 'SR 1.1',
              result: 'not-met' as const,
              maturity: null,
              justification: '',
              comment: '',
              evidence: evidence.slice(0, 1).map((e) => e.sha256),
              flagged: false,
              assessedBy: 'Ana',
              assessedAt: '2026-11-23T10:00:00Z',
            },
          ]
        : []),
    ],
    compensatingControls: [],
    findings,
    gapTracking: [],
  };

  const tracking = new Map<string, GapTracking>();
  if (gaps[1])
    tracking.set(gaps[1].gapId, {
      owner: 'Jonas Weber',
      due: '2027-01-15',
      status: 'in-progress',
      recommendation: 'Replace the shared account.',
    });

  const scored = opts.realScore ? scoreAssessment(model, catalogs) : score;
  return {
    model,
    scopeStatement:
      'Raw water intake, filtration, chlorination and the SCADA control room, including remote access.',
    startDate: '2026-11-23',
    endDate: '2026-11-27',
    score: scored,
    catalogs,
    catalogVersions: Object.values(catalogs).map((c) => ({
      catalogId: c.id,
      part: c.part,
      title: c.title,
      edition: c.edition,
      overlay: null,
    })),
    evidence,
    thumbnail: (s) => (s === evidence[0]?.sha256 ? solidPng(64, 48, [40, 120, 200]) : null),
    tracking,
    signer: { name: 'Ana Kovač', fingerprint: `sha256:${sha('key')}` },
    redaction: 'none',
    generatedAt: '2026-11-28T15:30:00.000Z',
  };
}
