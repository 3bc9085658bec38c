import type { Sha256Hex } from '../audit/auditChain';
import { canonicalJson } from '../canonicalJson';

// The workspace's catalog overlay history as a hash chain, like the audit trail:
// hash = sha256(prev + JCS(fields)), the first prev the hash of a fixed label.

export interface OverlayEventFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  catalogId: string;
  name: string;
  version: string;
  fileName: string;
  sha256: string;
  entries: number;
  corrections: number;
}

/** A stored event; prev and hash are null for events recorded before the history was chained. */
export interface StoredOverlayEvent extends OverlayEventFields {
  prev: string | null;
  hash: string | null;
}

export const overlayGenesis = (sha256: Sha256Hex) => sha256('zonewalk.catalog-overlay-history/1');

export function overlayEventHash(prev: string, f: OverlayEventFields, sha256: Sha256Hex): string {
  const { seq, at, actor, action, catalogId, name, version, fileName, entries, corrections } = f;
  return sha256(
    prev +
      canonicalJson({
        seq,
        at,
        actor,
        action,
        catalogId,
        name,
        version,
        fileName,
        sha256: f.sha256,
        entries,
        corrections,
      }),
  );
}

export type OverlayChainVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; brokenAt: number; reason: string };

/**
 * Walks the history oldest first. Unchained (older) events are hashed as they stand, so changing
 * one breaks the first stored link after it; an unchained event after a chained one is refused.
 */
export function verifyOverlayHistory(
  events: readonly StoredOverlayEvent[],
  sha256: Sha256Hex,
): OverlayChainVerdict {
  let prev = overlayGenesis(sha256);
  let chained = false;
  for (const e of events) {
    const hash = overlayEventHash(prev, e, sha256);
    if (e.hash === null) {
      if (chained)
        return {
          ok: false,
          brokenAt: e.seq,
          reason: `overlay event ${e.seq} has no hash after chained events`,
        };
    } else {
      chained = true;
      if (e.prev !== prev)
        return {
          ok: false,
          brokenAt: e.seq,
          reason: `overlay event ${e.seq} does not point to the event before it (an event was removed or changed)`,
        };
      if (e.hash !== hash)
        return {
          ok: false,
          brokenAt: e.seq,
          reason: `overlay event ${e.seq} was changed after it was recorded`,
        };
    }
    prev = hash;
  }
  return { ok: true, count: events.length, head: prev };
}
