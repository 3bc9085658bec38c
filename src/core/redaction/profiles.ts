import type { JsonValue } from '../canonicalJson';
import type { Scope } from '../domain';
import { redactText } from './redactText';

// Redaction profiles applied to the interchange document before anything is written from it: the
// package's assessment.json, its reports, its evidence selection and its audit trail all follow.

export const REDACTION_PROFILES = ['none', 'management', 'vendor'] as const;
export type RedactionProfileName = (typeof REDACTION_PROFILES)[number];

export type Redaction =
  | { profile: 'none' }
  | { profile: 'management' }
  | { profile: 'vendor'; vendor: string };

/** What bag-info.txt's Zonewalk-Redaction and the report cover say. */
export function redactionLabel(r: Redaction): string {
  return r.profile === 'vendor' ? `vendor (${r.vendor})` : r.profile;
}

/** The parts of an interchange document (interchange.md) a profile looks at. */
export interface RedactableDocument {
  assessment: { assessors: { name: string; fingerprint?: string }[] };
  zones: { id: string }[];
  conduits: { id: string; zones: [string, string] | string[] }[];
  assets: { id: string; zone: string; vendor: string }[];
  responses: { scope: Scope; requirement: string; evidence: string[] }[];
  findings: { id: string; scope: Scope | null; evidence: string[] }[];
  evidence: { sha256: string }[];
}

// Values under these keys are identifiers, hashes, enums or timestamps, never free text.
const STRUCTURAL_KEYS = new Set([
  'id',
  'sha256',
  'format',
  'zone',
  'zones',
  'kind',
  'requirement',
  'result',
  'severity',
  'status',
  'componentType',
  'mediaType',
  'catalogs',
  'fingerprint',
  'evidence',
  'createdAt',
  'assessedAt',
  'capturedAt',
  'due',
]);

function maskStrings(value: JsonValue, key?: string): JsonValue {
  if (typeof value === 'string') return key && STRUCTURAL_KEYS.has(key) ? value : redactText(value);
  // Elements inherit the key: ["z1", "z2"] under `zones` are ids, [{...}] under `zones` are zones.
  if (Array.isArray(value)) return value.map((v) => maskStrings(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskStrings(v, k)]));
  }
  return value;
}

/** Every free-text string in any JSON value, masked (used for audit-trail event data too). */
export function maskJson<T>(value: T): T {
  return maskStrings(value as JsonValue) as T;
}

function sameVendor(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/**
 * The document as a profile lets it leave: `management` masks addresses and serial numbers in all
 * free text (evidence files are dropped by the package, their metadata stays); `vendor` keeps only
 * the assets of one vendor, the zones they sit in, and the answers, findings and evidence about
 * those assets.
 */
export function applyRedaction<D extends RedactableDocument>(doc: D, r: Redaction): D {
  if (r.profile === 'none') return doc;
  if (r.profile === 'management') return maskJson(doc);
  const assets = doc.assets.filter((a) => sameVendor(a.vendor, r.vendor));
  const assetIds = new Set(assets.map((a) => a.id));
  const zoneIds = new Set(assets.map((a) => a.zone));
  const aboutAsset = (s: Scope | null) => s?.kind === 'asset' && assetIds.has(s.id);
  const responses = doc.responses.filter((x) => aboutAsset(x.scope));
  const findings = doc.findings.filter((x) => aboutAsset(x.scope));
  const linked = new Set([...responses, ...findings].flatMap((x) => x.evidence));
  return {
    ...doc,
    zones: doc.zones.filter((z) => zoneIds.has(z.id)),
    conduits: [],
    assets,
    responses,
    findings,
    evidence: doc.evidence.filter((e) => linked.has(e.sha256)),
  };
}

/** Whether evidence files themselves may go into a package under this profile. */
export function allowsEvidenceFiles(r: Redaction): boolean {
  return r.profile !== 'management';
}
