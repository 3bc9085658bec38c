import { type Scope, type ScopeKind, scopeKey } from './domain';

// What evidence can be linked to, and the text forms used in the database and on the command line.

export const EVIDENCE_KINDS = ['file', 'photo', 'screenshot', 'note'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export type EvidenceTarget =
  | { kind: 'response'; scope: Scope; requirement: string }
  | { kind: 'finding'; id: string }
  | { kind: 'asset'; id: string };

export type EvidenceTargetKind = EvidenceTarget['kind'];

/** The stored form: evidence_link.target_kind + target_id (responseKey for answers). */
export interface EvidenceLinkRef {
  kind: EvidenceTargetKind;
  id: string;
}

const ID = /^[A-Za-z0-9._-]{1,64}$/;
const SCOPED: readonly ScopeKind[] = ['zone', 'conduit', 'asset'];

export function targetRef(target: EvidenceTarget): EvidenceLinkRef {
  if (target.kind === 'response') {
    return { kind: 'response', id: `${scopeKey(target.scope)}|${target.requirement}` };
  }
  return { kind: target.kind, id: target.id };
}

/** Inverse of scopeKey: 'organisation', 'zone:z1', ... or null. */
export function parseScopeKey(key: string): Scope | null {
  if (key === 'organisation') return { kind: 'organisation' };
  const colon = key.indexOf(':');
  if (colon < 0) return null;
  const kind = key.slice(0, colon) as ScopeKind;
  const id = key.slice(colon + 1);
  if (!SCOPED.includes(kind) || !ID.test(id)) return null;
  return { kind, id } as Scope;
}

/** Inverse of responseKey: `zone:z1|SR 1.1` -> scope + requirement, or null. */
export function parseResponseKey(key: string): { scope: Scope; requirement: string } | null {
  const bar = key.indexOf('|');
  if (bar < 0) return null;
  const scope = parseScopeKey(key.slice(0, bar));
  const requirement = key.slice(bar + 1);
  if (!scope || !requirement.trim()) return null;
  return { scope, requirement };
}

export function refToTarget(ref: EvidenceLinkRef): EvidenceTarget | null {
  if (ref.kind === 'response') {
    const parsed = parseResponseKey(ref.id);
    return parsed && { kind: 'response', ...parsed };
  }
  return ID.test(ref.id) ? { kind: ref.kind, id: ref.id } : null;
}

/**
 * The command line's --link syntax:
 *   organisation:REQ          an answer of the organisation questionnaire ("organisation:ORG 1.1")
 *   zone:ID:REQ               an answer for a zone ("zone:z1:SR 1.1"); likewise conduit:ID:REQ, asset:ID:REQ
 *   asset:ID                  the asset itself
 *   finding:ID                a finding
 * Requirement ids may contain spaces and dots but no colon.
 */
export function parseLinkSpec(spec: string): EvidenceTarget | string {
  const parts = spec.split(':');
  const [kind, ...rest] = parts;
  const bad = (why: string) =>
    `"${spec}" is not a link: ${why}. Use organisation:REQ, zone:ID:REQ, conduit:ID:REQ, asset:ID:REQ, asset:ID or finding:ID.`;
  if (kind === 'organisation') {
    const requirement = rest.join(':').trim();
    if (rest.length !== 1 || !requirement) return bad('give one requirement id after organisation:');
    return { kind: 'response', scope: { kind: 'organisation' }, requirement };
  }
  if (kind === 'finding') {
    if (rest.length !== 1 || !ID.test(rest[0])) return bad('give a finding id after finding:');
    return { kind: 'finding', id: rest[0] };
  }
  if (kind === 'zone' || kind === 'conduit' || kind === 'asset') {
    const [id, requirement, ...extra] = rest;
    if (!id || !ID.test(id)) return bad(`give a ${kind} id after ${kind}:`);
    if (extra.length) return bad('a requirement id cannot contain a colon');
    if (requirement === undefined) {
      return kind === 'asset' ? { kind: 'asset', id } : bad(`give a requirement after ${kind}:${id}:`);
    }
    if (!requirement.trim()) return bad('the requirement id is empty');
    return { kind: 'response', scope: { kind, id }, requirement: requirement.trim() };
  }
  return bad(`unknown kind "${kind}"`);
}

export function formatLinkSpec(target: EvidenceTarget): string {
  if (target.kind !== 'response') return `${target.kind}:${target.id}`;
  return `${scopeKey(target.scope)}:${target.requirement}`;
}

/** A human label for a link when the names of zones and assets are not at hand. */
export function describeRef(ref: EvidenceLinkRef): string {
  if (ref.kind === 'response') {
    const parsed = parseResponseKey(ref.id);
    if (!parsed) return ref.id;
    const where = parsed.scope.kind === 'organisation' ? 'organisation' : scopeKey(parsed.scope);
    return `${parsed.requirement} (${where})`;
  }
  return `${ref.kind} ${ref.id}`;
}
