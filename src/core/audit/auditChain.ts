import { canonicalJson, type JsonValue } from '../canonicalJson';

// The hash chain of audit-package.md: hash = sha256(prev + JCS(other fields)), first prev = 64 zeros.

export const GENESIS_HASH = '0'.repeat(64);

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
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; brokenAt: number; reason: string };

/** Walks the chain in the order given and names the first event that does not fit. */
export function verifyChain(events: readonly AuditEvent[], sha256: Sha256Hex): ChainVerdict {
  let prev = GENESIS_HASH;
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
  return { ok: true, count: events.length, head: prev };
}
