import { FR_ABBREV, FR_NAMES, FRS, type SlVector } from '../domain';
import { gapLevel, type Palette } from '../palette';
import { type ChartOptions, chartId, paletteOf, svgDocument, text, truncate } from './svg';

// SL-T beside SL-A as grouped bars over the seven FRs. Bars rather than a radar: a plant manager
// compares heights against a grid at a glance, a seven-sided radar has to be decoded, and zero
// levels (common in a first audit) vanish into a radar's centre.

const W = 648;
const H = 288;
const LEFT = 44;
const TOP = 64;
const LEVEL = 44; // pixels per security level
const BASE = TOP + 4 * LEVEL; // the SL0 line
const GROUP = 84; // width of one FR's pair of bars
const BAR = 28;

export function slChartSvg(
  zoneName: string,
  slTarget: SlVector,
  slAchieved: SlVector,
  opts: ChartOptions = {},
): string {
  const p = paletteOf(opts);
  const id = chartId('sl', opts, [zoneName, slTarget, slAchieved]);
  const body: string[] = [];

  body.push(text(LEFT, 22, truncate(zoneName, 60), { size: 15, fill: p.text, weight: 'bold' }));
  body.push(...legend(p));

  for (let level = 0; level <= 4; level++) {
    const y = BASE - level * LEVEL;
    body.push(
      `<line x1="${LEFT}" y1="${y + 0.5}" x2="${LEFT + 7 * GROUP}" y2="${y + 0.5}" stroke="${level === 0 ? p.muted : p.grid}" stroke-width="1" shape-rendering="crispEdges"/>`,
      text(LEFT - 8, y + 4, `SL${level}`, { size: 11, fill: p.muted, anchor: 'end' }),
    );
  }

  FRS.forEach((fr, i) => {
    const gx = LEFT + i * GROUP;
    const t = slTarget[fr];
    const a = slAchieved[fr];
    const tx = gx + 12;
    const ax = tx + BAR + 4;
    // the target is a hollow outline: the achieved bar should "fill" it
    body.push(
      `<rect data-series="target" data-fr="${fr}" x="${tx + 1}" y="${BASE - t * LEVEL + 1}" width="${BAR - 2}" height="${Math.max(0, t * LEVEL - 1)}" fill="none" stroke="${p.target}" stroke-width="2" stroke-dasharray="5 3" shape-rendering="crispEdges"/>`,
      `<rect data-series="achieved" data-fr="${fr}" x="${ax}" y="${BASE - a * LEVEL}" width="${BAR}" height="${a * LEVEL}" fill="${barColour(p, t, a)}" shape-rendering="crispEdges"/>`,
      text(tx + BAR / 2, BASE - t * LEVEL - 6, String(t), { size: 11, fill: p.muted, anchor: 'middle' }),
      text(ax + BAR / 2, BASE - a * LEVEL - 6, String(a), {
        size: 12,
        fill: p.text,
        anchor: 'middle',
        weight: 'bold',
      }),
      text(gx + GROUP / 2, BASE + 18, fr, { size: 12, fill: p.text, anchor: 'middle', weight: 'bold' }),
      text(gx + GROUP / 2, BASE + 33, FR_ABBREV[fr], { size: 11, fill: p.muted, anchor: 'middle' }),
    );
  });

  return svgDocument(
    {
      id,
      width: W,
      height: H,
      palette: p,
      fontFamily: opts.fontFamily,
      title: `${zoneName}: SL-T vs SL-A`,
      desc: describe(slTarget, slAchieved),
    },
    body,
  );
}

/** Green when the target is reached, otherwise the gap's red: the same language as the heat map. */
function barColour(p: Palette, target: number, achieved: number): string {
  return achieved >= target ? p.result.met.solid : p.gap[gapLevel(target - achieved)].solid;
}

function legend(p: Palette): string[] {
  const y = 36;
  const x = LEFT;
  const box = (bx: number, fill: string, extra = '') =>
    `<rect x="${bx}" y="${y}" width="12" height="12" fill="${fill}"${extra} shape-rendering="crispEdges"/>`;
  return [
    box(x + 1, 'none', ` stroke="${p.target}" stroke-width="2" stroke-dasharray="3 2"`),
    text(x + 18, y + 10, 'SL-T target', { size: 11, fill: p.text }),
    box(x + 110, p.result.met.solid),
    text(x + 127, y + 10, 'SL-A meets target', { size: 11, fill: p.text }),
    box(x + 250, p.gap[1].solid),
    box(x + 264, p.gap[2].solid),
    box(x + 278, p.gap[3].solid),
    text(x + 296, y + 10, 'SL-A short by 1 / 2 / 3+', { size: 11, fill: p.text }),
  ];
}

function describe(slTarget: SlVector, slAchieved: SlVector): string {
  const parts = FRS.map((fr) => {
    const gap = Math.max(0, slTarget[fr] - slAchieved[fr]);
    return `${fr} ${FR_NAMES[fr]} (${FR_ABBREV[fr]}): target ${slTarget[fr]}, achieved ${slAchieved[fr]}${gap ? `, gap ${gap}` : ''}`;
  });
  return `Security levels per foundational requirement. ${parts.join('; ')}.`;
}
