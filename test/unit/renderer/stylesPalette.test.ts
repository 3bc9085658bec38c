import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PALETTES, type Theme } from '../../../src/core/palette';

// The window's CSS variables must be the palette's colours, so the UI, the XLSX and the PDF speak
// one colour language: a drift in either file fails here.

const css = fs.readFileSync('src/renderer/styles.css', 'utf8');

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

const VARS: Record<Theme, Record<string, string>> = {
  light: block(':root'),
  dark: { ...block(':root'), ...block(':root[data-theme="dark"]') },
};

describe.each(['light', 'dark'] as const)('styles.css follows the palette (%s)', (theme) => {
  const v = VARS[theme];
  const p = PALETTES[theme];
  it('result colours', () => {
    expect([v.met, v['met-tint'], v['met-ink']]).toEqual([
      p.result.met.solid,
      p.result.met.tint,
      p.result.met.ink,
    ]);
    const partial = p.result['partially-met'];
    expect([v.partial, v['partial-tint'], v['partial-ink']]).toEqual([
      partial.solid,
      partial.tint,
      partial.ink,
    ]);
    const notMet = p.result['not-met'];
    expect([v.notmet, v['notmet-tint'], v['notmet-ink']]).toEqual([notMet.solid, notMet.tint, notMet.ink]);
    const na = p.result['not-applicable'];
    expect([v.na, v['na-tint'], v['na-ink']]).toEqual([na.solid, na.tint, na.ink]);
    expect([v.unassessed, v['unassessed-ink']]).toEqual([
      p.result['not-assessed'].solid,
      p.result['not-assessed'].ink,
    ]);
  });
  it('gap and severity colours', () => {
    p.gap.forEach((g, i) => {
      expect([v[`gap${i}-tint`], v[`gap${i}-ink`]]).toEqual([g.tint, g.ink]);
    });
    for (const s of ['critical', 'high', 'medium', 'low'] as const) {
      expect([v[`sev-${s}`], v[`sev-${s}-tint`], v[`sev-${s}-ink`]]).toEqual([
        p.severity[s].solid,
        p.severity[s].tint,
        p.severity[s].ink,
      ]);
    }
    expect([v['sev-critical'], v['sev-critical-tint']]).toEqual([
      p.severity.critical.solid,
      p.severity.critical.tint,
    ]);
  });
});
