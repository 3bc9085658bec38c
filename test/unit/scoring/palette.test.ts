import { describe, expect, it } from 'vitest';
import { RESULTS, SEVERITIES } from '../../../src/core/domain';
import { argb, contrastRatio, gapSwatch, PALETTES, type Swatch, type Theme } from '../../../src/core/palette';

const THEMES: Theme[] = ['light', 'dark'];

function swatches(theme: Theme): [string, Swatch][] {
  const p = PALETTES[theme];
  return [
    ...Object.entries(p.result).map(([k, s]): [string, Swatch] => [`result ${k}`, s]),
    ...p.gap.map((s, i): [string, Swatch] => [`gap ${i}`, s]),
    ...Object.entries(p.severity).map(([k, s]): [string, Swatch] => [`severity ${k}`, s]),
  ];
}

describe('palette', () => {
  it('covers every result, unanswered, gap 0..3+ and every severity in both themes', () => {
    for (const t of THEMES) {
      expect(Object.keys(PALETTES[t].result).sort()).toEqual([...RESULTS, 'unanswered'].sort());
      expect(Object.keys(PALETTES[t].severity).sort()).toEqual([...SEVERITIES].sort());
      expect(PALETTES[t].gap).toHaveLength(4);
    }
  });

  it.each(THEMES)('%s: every colour is #rrggbb, ink reads on its tint (AA), solids stand out (3:1)', (t) => {
    const p = PALETTES[t];
    const problems: string[] = [];
    for (const [name, s] of swatches(t)) {
      for (const c of [s.solid, s.tint, s.ink]) expect(c).toMatch(/^#[0-9a-f]{6}$/);
      const ink = contrastRatio(s.ink, s.tint);
      const solid = contrastRatio(s.solid, p.surface);
      if (ink < 4.5) problems.push(`${name}: ink on tint ${ink.toFixed(2)}`);
      if (solid < 3) problems.push(`${name}: solid on surface ${solid.toFixed(2)}`);
    }
    for (const [name, c] of [
      ['text', p.text],
      ['muted', p.muted],
      ['target', p.target],
    ])
      if (contrastRatio(c, p.surface) < 4.5) problems.push(`${name} on surface`);
    expect(problems).toEqual([]);
  });

  it('says the same thing in both themes: met green, partial amber, not met red, not assessed outlined', () => {
    for (const t of THEMES) {
      const r = PALETTES[t].result;
      const hue = (hex: string) => {
        const [R, G, B] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
        return { R, G, B };
      };
      const met = hue(r.met.solid);
      expect(met.G).toBeGreaterThan(met.R);
      const partial = hue(r['partially-met'].solid);
      expect(partial.R).toBeGreaterThan(partial.B);
      expect(partial.G).toBeGreaterThan(partial.B);
      const notMet = hue(r['not-met'].solid);
      expect(notMet.R).toBeGreaterThan(notMet.G * 1.5);
      expect(r['not-assessed'].outlined && r.unanswered.outlined).toBe(true);
      expect(Object.values(PALETTES[t].severity).some((s) => s.outlined)).toBe(false);
    }
  });

  it('gap swatches grow from neutral to strong red, 3 and more share the strongest', () => {
    for (const t of THEMES) {
      expect(gapSwatch(0, t)).toBe(PALETTES[t].gap[0]);
      expect(gapSwatch(3, t)).toBe(PALETTES[t].gap[3]);
      expect(gapSwatch(4, t)).toBe(PALETTES[t].gap[3]);
      expect(gapSwatch(-1, t)).toBe(PALETTES[t].gap[0]);
    }
    // in the light theme the cell fill darkens with the gap
    const fills = PALETTES.light.gap.map((s) => contrastRatio(s.tint, '#ffffff'));
    expect([...fills].sort((a, b) => a - b)).toEqual(fills);
  });

  it('argb converts for ExcelJS and refuses anything else', () => {
    expect(argb('#15803d')).toBe('FF15803D');
    expect(() => argb('red')).toThrow(/#rrggbb/);
  });

  it('measures contrast like WCAG', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
