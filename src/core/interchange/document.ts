import type { Scope, ScopeKind } from '../domain';
import type {
  AssessmentHeader,
  AssessmentModel,
  Asset,
  Certificate,
  ChecklistResponse,
  CompensatingControl,
  Conduit,
  EvidenceMeta,
  Finding,
  GapTrackingEntry,
  ItemRef,
  Zone,
} from '../model';
import { compareText } from '../scoring/order';

export const INTERCHANGE_FORMAT = 'zonewalk.assessment/2';

/** One whole assessment as a zonewalk.assessment/2 document (docs/interchange.md). */
export interface InterchangeDocument {
  format: typeof INTERCHANGE_FORMAT;
  assessment: AssessmentHeader;
  zones: Zone[];
  conduits: Conduit[];
  assets: Asset[];
  responses: ChecklistResponse[];
  compensatingControls: CompensatingControl[];
  findings: Finding[];
  gapTracking: GapTrackingEntry[];
  evidence: EvidenceMeta[];
}

// Canonical form: every object is rebuilt with its keys in the order interchange.md lists them and
// every array of entities is sorted, so export -> import -> export is byte-identical.

const SCOPE_ORDER: Record<ScopeKind, number> = { organisation: 0, zone: 1, conduit: 2, asset: 3 };

/** `SR 1.2` before `SR 1.10`: digit runs compare as numbers, everything else by code unit. */
export function compareRequirementIds(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    return compareText(x, y);
  }
  return pa.length - pb.length || compareText(a, b);
}

export function compareScopes(a: Scope, b: Scope): number {
  const k = SCOPE_ORDER[a.kind] - SCOPE_ORDER[b.kind];
  if (k !== 0) return k;
  return compareText('id' in a ? a.id : '', 'id' in b ? b.id : '');
}

const byId = <T extends { id: string }>(a: T, b: T) => compareText(a.id, b.id);

function canonicalScope(s: Scope): Scope {
  return s.kind === 'organisation' ? { kind: 'organisation' } : { kind: s.kind, id: s.id };
}

const sortedHashes = (xs: string[]) => [...xs].sort(compareText);

const compareRefs = (a: ItemRef, b: ItemRef) =>
  compareScopes(a.scope, b.scope) || compareRequirementIds(a.requirement, b.requirement);

const canonicalRef = (r: ItemRef): ItemRef => ({
  scope: canonicalScope(r.scope),
  requirement: r.requirement,
});

function canonicalCertificate(c: Certificate): Certificate {
  return {
    scheme: c.scheme,
    number: c.number,
    issuer: c.issuer,
    slCapability: canonicalSl(c.slCapability),
    firmware: [...c.firmware].sort(compareText),
    validFrom: c.validFrom,
    validTo: c.validTo,
  };
}

/** Certificates have no id (one may cover many assets): ordered by their whole canonical text. */
function sortedCertificates(cs: Certificate[]): Certificate[] {
  return cs
    .map((c) => ({ c: canonicalCertificate(c), key: JSON.stringify(canonicalCertificate(c)) }))
    .sort((a, b) => compareText(a.key, b.key))
    .map((x) => x.c);
}

export function toInterchangeDocument(model: AssessmentModel, evidence: EvidenceMeta[]): InterchangeDocument {
  const a = model.assessment;
  return {
    format: INTERCHANGE_FORMAT,
    assessment: {
      id: a.id,
      title: a.title,
      organisation: a.organisation,
      site: a.site,
      assessors: a.assessors.map((x) =>
        x.fingerprint === undefined ? { name: x.name } : { name: x.name, fingerprint: x.fingerprint },
      ),
      createdAt: a.createdAt,
      status: a.status,
      catalogs: [...a.catalogs],
      smsTargetMaturity: a.smsTargetMaturity,
      scopeStatement: a.scopeStatement,
      startDate: a.startDate,
      endDate: a.endDate,
    },
    zones: [...model.zones].sort(byId).map((z) => ({
      id: z.id,
      name: z.name,
      description: z.description,
      slTarget: canonicalSl(z.slTarget),
    })),
    conduits: [...model.conduits].sort(byId).map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      zones: [c.zones[0], c.zones[1]],
      protocols: [...c.protocols],
      slTarget: canonicalSl(c.slTarget),
    })),
    assets: [...model.assets].sort(byId).map((x) => ({
      id: x.id,
      name: x.name,
      zone: x.zone,
      componentType: x.componentType,
      vendor: x.vendor,
      model: x.model,
      firmware: x.firmware,
      legacy: x.legacy,
      roles: [...x.roles].sort(compareText),
      certificates: sortedCertificates(x.certificates),
      endOfLife: x.endOfLife,
    })),
    responses: [...model.responses]
      .sort((x, y) => compareScopes(x.scope, y.scope) || compareRequirementIds(x.requirement, y.requirement))
      .map((r) => ({
        scope: canonicalScope(r.scope),
        requirement: r.requirement,
        result: r.result,
        maturity: r.maturity,
        justification: r.justification,
        comment: r.comment,
        evidence: sortedHashes(r.evidence),
        flagged: r.flagged,
        assessedBy: r.assessedBy,
        assessedAt: r.assessedAt,
      })),
    compensatingControls: [...model.compensatingControls].sort(byId).map((c) => ({
      id: c.id,
      description: c.description,
      kind: c.kind,
      covers: [...c.covers].sort(compareRefs).map(canonicalRef),
      implementedBy: c.implementedBy && canonicalRef(c.implementedBy),
      owner: c.owner,
      evidence: sortedHashes(c.evidence),
      reviewDue: c.reviewDue,
    })),
    findings: [...model.findings].sort(byId).map((f) => ({
      id: f.id,
      title: f.title,
      requirement: f.requirement,
      scope: f.scope ? canonicalScope(f.scope) : null,
      severity: f.severity,
      description: f.description,
      recommendation: f.recommendation,
      owner: f.owner,
      due: f.due,
      status: f.status,
      evidence: sortedHashes(f.evidence),
    })),
    gapTracking: [...model.gapTracking]
      .sort((x, y) => compareText(x.gapId, y.gapId))
      .map((g) => ({ gapId: g.gapId, owner: g.owner, due: g.due, status: g.status })),
    evidence: [...evidence]
      .sort((x, y) => compareText(x.sha256, y.sha256))
      .map((e) => ({
        sha256: e.sha256,
        fileName: e.fileName,
        mediaType: e.mediaType,
        size: e.size,
        capturedAt: e.capturedAt,
        capturedBy: e.capturedBy,
        description: e.description,
      })),
  };
}

function canonicalSl(v: Zone['slTarget']): Zone['slTarget'] {
  return { FR1: v.FR1, FR2: v.FR2, FR3: v.FR3, FR4: v.FR4, FR5: v.FR5, FR6: v.FR6, FR7: v.FR7 };
}

/** The file text: 2-space JSON and a trailing newline. */
export function serializeInterchange(doc: InterchangeDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The model part of a document (what the rules and the database hold). */
export function modelOf(doc: InterchangeDocument): AssessmentModel {
  const { assessment, zones, conduits, assets, responses, compensatingControls, findings, gapTracking } = doc;
  return { assessment, zones, conduits, assets, responses, compensatingControls, findings, gapTracking };
}
