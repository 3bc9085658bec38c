import type { AuditEvent } from './auditChain';

// The chain head a package records in bag-info.txt (signed through the tag manifest), and the
// comparison of a workspace trail with a package's: the workspace must extend it event for event.

export const TRAIL_HEAD_FIELD = 'Zonewalk-Trail-Head';

export interface TrailHead {
  seq: number;
  hash: string;
}

/** `<seq> sha256:<hex>` of the last event (`0 sha256:<genesis>` for an empty trail). */
export function formatTrailHead(events: readonly AuditEvent[], genesis: string): string {
  const last = events.at(-1);
  return `${last?.seq ?? 0} sha256:${last?.hash ?? genesis}`;
}

export function parseTrailHead(value: string): TrailHead | undefined {
  const m = /^(\d{1,15}) sha256:([0-9a-f]{64})$/.exec(value.trim());
  return m ? { seq: Number(m[1]), hash: m[2] } : undefined;
}

/** Problems of a package trail against the head its bag-info.txt records; [] when they agree. */
export function trailHeadProblems(recorded: string, events: readonly AuditEvent[]): string[] {
  const head = parseTrailHead(recorded);
  if (!head) return [`bag-info.txt has ${TRAIL_HEAD_FIELD}: ${recorded}, which is not "<seq> sha256:<hex>".`];
  const last = events.at(-1);
  if (!last && head.seq === 0) return [];
  if (last?.seq === head.seq && last.hash === head.hash) return [];
  const has = last ? `ends at event ${last.seq} (sha256:${last.hash})` : 'has no events';
  return [
    `The signed trail head is event ${head.seq} (sha256:${head.hash}), but data/audit-trail.jsonl ${has}: the trail was shortened or rewritten.`,
  ];
}

/**
 * Whether `workspace` extends `pkg`: every event of the package stands in the workspace trail with
 * the same seq, prev and hash. Names the first event that differs, or where the workspace trail
 * is shorter.
 */
export function extendsTrail(
  workspace: readonly AuditEvent[],
  pkg: readonly AuditEvent[],
): { ok: true } | { ok: false; seq: number; reason: string } {
  for (let i = 0; i < pkg.length; i++) {
    const theirs = pkg[i];
    const ours = workspace[i];
    if (!ours) {
      return {
        ok: false,
        seq: theirs.seq,
        reason: `the workspace trail ends at event ${workspace.length}, the package's goes on to event ${pkg.at(-1)?.seq}: events were removed from the workspace`,
      };
    }
    if (ours.seq !== theirs.seq || ours.prev !== theirs.prev || ours.hash !== theirs.hash) {
      return {
        ok: false,
        seq: theirs.seq,
        reason: `event ${theirs.seq} differs: the package has ${theirs.action} at ${theirs.at} (sha256:${theirs.hash}), the workspace ${ours ? `${ours.action} at ${ours.at} (sha256:${ours.hash})` : 'nothing'}`,
      };
    }
  }
  return { ok: true };
}
