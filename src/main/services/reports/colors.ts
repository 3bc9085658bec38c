import type { Severity } from '../../../core/domain';
import { gapSwatch, PALETTES } from '../../../core/palette';
import type { ControlState } from '../../../core/scoring/types';

// The report and register in the app's one colour language (src/core/palette.ts, light theme):
// a cell takes the swatch's tint as background and its ink as text.

const P = PALETTES.light;

export const SEVERITY_COLOR: Record<Severity, { fill: string; text: string }> = {
  critical: { fill: P.severity.critical.tint, text: P.severity.critical.ink },
  high: { fill: P.severity.high.tint, text: P.severity.high.ink },
  medium: { fill: P.severity.medium.tint, text: P.severity.medium.ink },
  low: { fill: P.severity.low.tint, text: P.severity.low.ink },
};

/** Gap 0, 1, 2, 3+ from neutral to strong red. */
export function gapColor(gap: number): { fill: string; text: string } {
  const s = gapSwatch(gap);
  return { fill: s.tint, text: s.ink };
}

export const INK = P.text;
export const MUTED = P.muted;
export const RULE = P.grid;
/** Table headers: a neutral tint that is not one of the meaning-carrying colours. */
export const HEADER_FILL = '#e8edf2';
export const ACCENT = '#1d4e89';

/** A control that covers nothing reads as not met; one that counts unverified as partial. */
export const CONTROL_STATE_COLOR: Record<ControlState, { fill: string; text: string }> = {
  working: { fill: P.result.met.tint, text: P.result.met.ink },
  unverified: { fill: P.result['partially-met'].tint, text: P.result['partially-met'].ink },
  broken: { fill: P.result['not-met'].tint, text: P.result['not-met'].ink },
  expired: { fill: P.result['not-met'].tint, text: P.result['not-met'].ink },
  inactive: { fill: P.result['not-applicable'].tint, text: P.result['not-applicable'].ink },
};
