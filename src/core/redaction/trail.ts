import type { AuditEvent } from '../audit/auditChain';
import { responseKey } from '../domain';
import { maskJson, type RedactableDocument, type Redaction } from './profiles';

/**
 * The audit trail as a profile lets it leave. Events keep their seq, prev and hash, so the chain's
 * links still check and each event can be matched against the full trail later; only `data` is
 * masked (management) or withheld as null (vendor, for events about anything the vendor does not
 * see). A verifier therefore recomputes hashes only when the package says Zonewalk-Redaction: none.
 */
export function redactTrail(
  events: readonly AuditEvent[],
  r: Redaction,
  kept: RedactableDocument,
): AuditEvent[] {
  if (r.profile === 'none') return [...events];
  if (r.profile === 'management') return events.map((e) => ({ ...e, data: maskJson(e.data) }));
  const visible = new Set<string>([
    ...kept.assets.map((a) => a.id),
    ...kept.zones.map((z) => z.id),
    ...kept.evidence.map((e) => e.sha256),
    ...kept.responses.map((x) => responseKey(x.scope, x.requirement)),
    ...kept.findings.map((f) => f.id),
  ]);
  return events.map((e) =>
    e.entity === 'assessment' || visible.has(e.entityId) ? { ...e } : { ...e, data: null },
  );
}
