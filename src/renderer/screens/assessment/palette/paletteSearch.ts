import type { Scope } from '../../../../core/domain';

// Pure parts of the command palette: reading a typed requirement id and ranking entries.

const ID =
  /^\s*(SR|CR|SAR|EDR|HDR|NDR|ORG|CM|NET|COMP|DATA|USER|EVENT|AVAIL)\s*(\d+(?:\.\d+)?)(?:\s*RE\s*(\d+))?\s*$/i;

/** "sr1.1re1" → "SR 1.1 RE 1"; null when the text is not a requirement id. */
export function normaliseRequirementId(text: string): string | null {
  const m = ID.exec(text);
  if (!m) return null;
  return `${m[1].toUpperCase()} ${m[2]}${m[3] ? ` RE ${m[3]}` : ''}`;
}

/** Which scopes a requirement id is answered in, by its catalog part. */
export function scopeKindsFor(id: string): ('organisation' | 'zone' | 'conduit' | 'asset')[] {
  const prefix = id.split(' ')[0];
  if (prefix === 'SR') return ['zone', 'conduit'];
  if (['CR', 'SAR', 'EDR', 'HDR', 'NDR'].includes(prefix)) return ['asset'];
  return ['organisation'];
}

export interface PaletteEntry {
  id: string;
  label: string;
  /** Shown muted on the right: "Zone", "Command"... */
  hint: string;
  keywords?: string;
  run: () => void | Promise<void>;
  scope?: Scope;
}

/** Entries whose words all occur in label or keywords; those starting with the query first. */
export function rankEntries(entries: readonly PaletteEntry[], query: string, max = 50): PaletteEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries.slice(0, max);
  const words = q.split(/\s+/);
  const scored: { e: PaletteEntry; score: number }[] = [];
  for (const e of entries) {
    const hay = `${e.label} ${e.keywords ?? ''} ${e.hint}`.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    const label = e.label.toLowerCase();
    scored.push({ e, score: label.startsWith(q) ? 0 : label.includes(q) ? 1 : 2 });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, max)
    .map((s) => s.e);
}
