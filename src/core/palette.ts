import type { ResponseResult, Severity } from './domain';

// The one colour language of Zonewalk (ux.md "Look"), shared by the UI (src/renderer/styles.css holds
// the same values as CSS variables), the XLSX fills and the PDF charts. Every text colour meets WCAG
// AA (4.5:1) on the fill it is drawn on, and every solid colour 3:1 against the theme's surface, in
// both themes (test/unit/scoring/palette.test.ts measures it).

export type Theme = 'light' | 'dark';

/** `solid`: bars, markers, chip borders. `tint`: a cell or chip background. `ink`: text on the tint. */
export interface Swatch {
  solid: string;
  tint: string;
  ink: string;
  /** Drawn as an outline on the surface rather than filled (not assessed, unanswered). */
  outlined: boolean;
}

export interface Palette {
  surface: string;
  text: string;
  muted: string;
  grid: string;
  /** The SL-T / target marks. */
  target: string;
  result: Record<ResponseResult | 'unanswered', Swatch>;
  /** Gap 0, 1, 2 and 3 or more levels, from neutral to strong red. */
  gap: readonly [Swatch, Swatch, Swatch, Swatch];
  severity: Record<Severity, Swatch>;
}

const sw = (solid: string, tint: string, ink: string, outlined = false): Swatch => ({
  solid,
  tint,
  ink,
  outlined,
});

const LIGHT_UNASSESSED = sw('#6b7280', '#ffffff', '#374151', true);
const DARK_UNASSESSED = sw('#9ca3af', '#171c23', '#d1d5db', true);

export const PALETTES: Record<Theme, Palette> = {
  light: {
    surface: '#ffffff',
    text: '#14181f',
    muted: '#4d5766',
    grid: '#c9d0da',
    target: '#14181f',
    result: {
      met: sw('#15803d', '#e7f6ec', '#14532d'),
      'partially-met': sw('#b45309', '#fef3c7', '#78350f'),
      'not-met': sw('#b91c1c', '#fdecec', '#7f1d1d'),
      'not-applicable': sw('#6b7280', '#e5e7eb', '#374151'),
      'not-assessed': LIGHT_UNASSESSED,
      unanswered: LIGHT_UNASSESSED,
    },
    gap: [
      sw('#6b7280', '#eef1f5', '#14181f'),
      sw('#dc5a45', '#fcd9d2', '#7f1d1d'),
      sw('#b91c1c', '#f08a7c', '#3b0a0a'),
      sw('#7f1d1d', '#9f1d1d', '#ffffff'),
    ],
    severity: {
      critical: sw('#7f1d1d', '#fde2e2', '#7f1d1d'),
      high: sw('#c2410c', '#ffedd5', '#7c2d12'),
      medium: sw('#a16207', '#fef9c3', '#713f12'),
      low: sw('#1d4ed8', '#dbeafe', '#1e3a8a'),
    },
  },
  dark: {
    surface: '#171c23',
    text: '#e8ecf1',
    muted: '#a6b0bf',
    grid: '#354050',
    target: '#e8ecf1',
    result: {
      met: sw('#4ade80', '#12301f', '#bbf7d0'),
      'partially-met': sw('#fbbf24', '#3a2a08', '#fde68a'),
      'not-met': sw('#f87171', '#3a1616', '#fecaca'),
      'not-applicable': sw('#9ca3af', '#2a3038', '#d1d5db'),
      'not-assessed': DARK_UNASSESSED,
      unanswered: DARK_UNASSESSED,
    },
    gap: [
      sw('#9ca3af', '#202732', '#e8ecf1'),
      sw('#fca5a5', '#4a2320', '#fecaca'),
      sw('#f87171', '#7f1d1d', '#fee2e2'),
      sw('#ef4444', '#b91c1c', '#ffffff'),
    ],
    severity: {
      critical: sw('#f87171', '#450a0a', '#fecaca'),
      high: sw('#fb923c', '#431407', '#fed7aa'),
      medium: sw('#facc15', '#422006', '#fef08a'),
      low: sw('#60a5fa', '#172554', '#bfdbfe'),
    },
  },
};

/** Which of the four gap colours a gap of `gap` levels takes: 0, 1, 2, or 3 and more. */
export function gapLevel(gap: number): 0 | 1 | 2 | 3 {
  return Math.max(0, Math.min(3, Math.floor(gap))) as 0 | 1 | 2 | 3;
}

export function gapSwatch(gap: number, theme: Theme = 'light'): Swatch {
  return PALETTES[theme].gap[gapLevel(gap)];
}

/** `#rrggbb` as the `FFRRGGBB` ARGB string ExcelJS fills and fonts take. */
export function argb(hex: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return `FF${hex.slice(1).toUpperCase()}`;
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
