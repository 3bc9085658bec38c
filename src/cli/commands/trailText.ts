import type { AuditEvent } from '../../core/audit/auditChain';
import { describeEvent, type HistoryNames } from '../../core/audit/history/describeEvent';

/** A recorded time as ISO 8601 in UTC to the second; what the trail holds when it is no time. */
export function isoUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// A recorded comment may hold tabs and line breaks; each event stays one line of its columns.
const cell = (s: string | number) => String(s).replace(/\s+/g, ' ').trim();

/** The trail as the History reads it, one tab-separated line per event, oldest first. */
export function formatTrail(events: readonly AuditEvent[], names: HistoryNames): string {
  const rows = events.map((e) => {
    const d = describeEvent(e, names);
    return [e.seq, isoUtc(e.at), e.actor, d.what, d.item, d.details].map(cell).join('\t');
  });
  return `${['SEQ\tAT\tACTOR\tWHAT\tITEM\tDETAILS', ...rows].join('\n')}\n`;
}
