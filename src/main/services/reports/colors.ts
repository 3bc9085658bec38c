import type { Severity } from '../../../core/domain';

// TEMPORARY until src/core/palette.ts lands: the same values the UI uses, as #rrggbb.
export const SEVERITY_COLOR: Record<Severity, { fill: string; text: string }> = {
  critical: { fill: '#8b1a1a', text: '#ffffff' },
  high: { fill: '#d64541', text: '#ffffff' },
  medium: { fill: '#f2b134', text: '#1f1f1f' },
  low: { fill: '#d9dee4', text: '#1f1f1f' },
};

/** Gap 0, 1, 2, 3+ from neutral to strong red. */
export function gapColor(gap: number): { fill: string; text: string } {
  if (gap <= 0) return { fill: '#eef1f4', text: '#1f1f1f' };
  if (gap === 1) return { fill: '#f7c6c3', text: '#1f1f1f' };
  if (gap === 2) return { fill: '#e5736c', text: '#1f1f1f' };
  return { fill: '#b3261e', text: '#ffffff' };
}

export const INK = '#1f2933';
export const MUTED = '#5f6b7a';
export const RULE = '#c9d1da';
export const HEADER_FILL = '#e8edf2';
export const ACCENT = '#1d4e89';
