import type { AuditEvent } from '../../../core/audit/auditChain';
import { describeRef } from '../../../core/evidenceTargets';

const short = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /^[0-9a-f]{64}$/.test(s) ? `${s.slice(0, 12)}…` : s;
};

/** The details of an event in words: "result: not-met → met; comment: …". */
export function describeData(data: unknown): string {
  if (data === null || typeof data !== 'object') return String(data ?? '');
  return Object.entries(data as Record<string, unknown>)
    .filter(([, v]) => v !== '' && v !== null && v !== undefined)
    .map(([k, v]) => {
      if (v && typeof v === 'object' && 'from' in v && 'to' in v) {
        const c = v as { from: unknown; to: unknown };
        return `${k}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`;
      }
      return `${k}: ${short(v)}`;
    })
    .join('; ');
}

/** Which item an event is about, readable: "SR 1.1 (zone:z1)", "evidence 3f2a…". */
export function describeItem(e: Pick<AuditEvent, 'entity' | 'entityId'>): string {
  if (e.entity === 'response' || e.entity === 'finding' || e.entity === 'asset') {
    return describeRef({ kind: e.entity, id: e.entityId });
  }
  return `${e.entity} ${short(e.entityId)}`;
}
