import { canonicalJson, type JsonValue } from '../canonicalJson';

// The hash chain of audit-package.md: hash = sha256(prev + JCS(other fields)). The first event's
// prev names the scheme: 64 zeros in trails begun before Zonewalk put the assessment id in the chain
// (scheme 1), sha256("zonewalk.trail/2\n" + assessment id) since (scheme 2), so one assessment's
// chain cannot pass as another's.

/** The first prev of a scheme-1 trail (and of any chain verified without its assessment id). */
export const GENESIS_HASH = '0'.repeat(64);

export type TrailScheme = 1 | 2;

/** The first prev of a scheme-2 trail: binds the chain to its assessment. */
export function chainGenesis(assessmentId: string, sha256: Sha256Hex): string {
  return sha256(`zonewalk.trail/2\n${assessmentId}`);
}

/** The scheme a trail's first prev names, or undefined when it is neither genesis of this assessment. */
export function trailScheme(
  firstPrev: string,
  assessmentId: string,
  sha256: Sha256Hex,
): TrailScheme | undefined {
  if (firstPrev === GENESIS_HASH) return 1;
  return firstPrev === chainGenesis(assessmentId, sha256) ? 2 : undefined;
}

export interface AuditEventFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  data: JsonValue;
}

export interface AuditEvent extends AuditEventFields {
  prev: string;
  hash: string;
}

export type Sha256Hex = (text: string) => string;

export function eventHash(prev: string, fields: AuditEventFields, sha256: Sha256Hex): string {
  const { seq, at, actor, action, entity, entityId, data } = fields;
  return sha256(prev + canonicalJson({ seq, at, actor, action, entity, entityId, data }));
}

export type ChainVerdict =
  | { ok: true; count: number; head: string; scheme: TrailScheme }
  | { ok: false; count: number; brokenAt: number; reason: string };

/**
 * Walks the chain in the order given and names the first event that does not fit. With the
 * assessment id the chain may start at either genesis (scheme 1 or 2); without, only at 64 zeros.
 */
export function verifyChain(
  events: readonly AuditEvent[],
  sha256: Sha256Hex,
  assessmentId?: string,
): ChainVerdict {
  const scheme: TrailScheme | undefined =
    events.length === 0
      ? assessmentId === undefined
        ? 1
        : 2
      : assessmentId === undefined
        ? events[0].prev === GENESIS_HASH
          ? 1
          : undefined
        : trailScheme(events[0].prev, assessmentId, sha256);
  if (scheme === undefined) {
    return {
      ok: false,
      count: events.length,
      brokenAt: events[0].seq,
      reason: `event ${events[0].seq} does not start this assessment's chain (it belongs to another assessment's trail, or the trail was cut)`,
    };
  }
  let prev = scheme === 1 || assessmentId === undefined ? GENESIS_HASH : chainGenesis(assessmentId, sha256);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq) {
      return {
        ok: false,
        count: events.length,
        brokenAt: e.seq,
        reason: `event ${e.seq} stands where event ${expectedSeq} should (an event was removed or reordered)`,
      };
    }
    if (e.prev !== prev) {
      return {
        ok: false,
        count: events.length,
        brokenAt: e.seq,
        reason: `event ${e.seq} does not point to the hash of the event before it`,
      };
    }
    if (eventHash(prev, e, sha256) !== e.hash) {
      return {
        ok: false,
        count: events.length,
        brokenAt: e.seq,
        reason: `event ${e.seq} was changed after it was recorded`,
      };
    }
    prev = e.hash;
  }
  return { ok: true, count: events.length, head: prev, scheme };
}
