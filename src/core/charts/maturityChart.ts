import { MATURITY_NAMES, type MaturityLevel, SPE_NAMES, SPES, type Spe } from '../domain';
import { gapLevel, type Palette } from '../palette';
import { type ChartOptions, chartId, paletteOf, svgDocument, text } from './svg';

// 2-1 maturity per security program element: one horizontal bar per SPE on an ML0..ML4 scale, and
// the target as a dashed vertical line, so "which bars stop short of the line" is the whole story.

const W = 704;
const LABELS = 312; // left column: SPE code and name
const LEVEL = 84; // pixels per maturity level; room for an ML4 value label remains on the right
const TOP = 64;
const ROW = 28;
const BAR = 16;

export function maturityChartSvg(
  maturityBySpe: Record<Spe, number | null>,
  target: number,
  opts: ChartOptions & { title?: string } = {},
): string {
  const p = paletteOf(opts);
  const id = chartId('maturity', opts, [maturityBySpe, target]);
  const title = opts.title ?? 'Security program maturity (IEC 62443-2-1)';
  const bottom = TOP + SPES.length * ROW;
  const x = (ml: number) => LABELS + ml * LEVEL;
  const body: string[] = [
    text(16, 22, title, { size: 15, fill: p.text, weight: 'bold' }),
    ...legend(p, target),
  ];

  for (let ml = 0; ml <= 4; ml++)
    body.push(
      `<line x1="${x(ml) + 0.5}" y1="${TOP}" x2="${x(ml) + 0.5}" y2="${bottom}" stroke="${ml === 0 ? p.muted : p.grid}" stroke-width="1" shape-rendering="crispEdges"/>`,
      text(x(ml), bottom + 16, `ML${ml}`, { size: 11, fill: p.muted, anchor: 'middle' }),
    );

  SPES.forEach((spe, i) => {
    const y = TOP + i * ROW;
    const m = maturityBySpe[spe];
    body.push(
      text(16, y + 18, spe, { size: 12, fill: p.text, weight: 'bold' }),
      text(72, y + 18, SPE_NAMES[spe], { size: 11, fill: p.muted }),
    );
    if (m === null) {
      body.push(text(x(0) + 8, y + 18, 'not applicable', { size: 11, fill: p.muted }));
      return;
    }
    const fill = m >= target ? p.result.met.solid : p.gap[gapLevel(target - m)].solid;
    body.push(
      `<rect data-series="maturity" data-spe="${spe}" x="${x(0) + 1}" y="${y + (ROW - BAR) / 2}" width="${m * LEVEL}" height="${BAR}" fill="${fill}" shape-rendering="crispEdges"/>`,
      text(x(m) + 8, y + 18, `ML${m}`, { size: 12, fill: p.text, weight: 'bold' }),
    );
  });

  // a 2 px line centred on the bars' end pixel edge (bars start one pixel right of the axis)
  const tx = x(target);
  body.push(
    `<line data-series="target" x1="${tx + 1}" y1="${TOP - 6}" x2="${tx + 1}" y2="${bottom + 2}" stroke="${p.target}" stroke-width="2" stroke-dasharray="6 4" shape-rendering="crispEdges"/>`,
  );

  return svgDocument(
    {
      id,
      width: W,
      height: bottom + 28,
      palette: p,
      fontFamily: opts.fontFamily,
      title,
      desc: describe(maturityBySpe, target),
    },
    body,
  );
}

function legend(p: Palette, target: number): string[] {
  const y = 36;
  return [
    `<line x1="16" y1="${y + 6.5}" x2="36" y2="${y + 6.5}" stroke="${p.target}" stroke-width="2" stroke-dasharray="6 4"/>`,
    text(42, y + 10, `Target ML${target}`, { size: 11, fill: p.text }),
    `<rect x="140" y="${y}" width="12" height="12" fill="${p.result.met.solid}" shape-rendering="crispEdges"/>`,
    text(158, y + 10, 'at target', { size: 11, fill: p.text }),
    `<rect x="230" y="${y}" width="12" height="12" fill="${p.gap[1].solid}" shape-rendering="crispEdges"/>`,
    `<rect x="244" y="${y}" width="12" height="12" fill="${p.gap[2].solid}" shape-rendering="crispEdges"/>`,
    `<rect x="258" y="${y}" width="12" height="12" fill="${p.gap[3].solid}" shape-rendering="crispEdges"/>`,
    text(276, y + 10, 'short by 1 / 2 / 3+ levels', { size: 11, fill: p.text }),
  ];
}

function describe(maturityBySpe: Record<Spe, number | null>, target: number): string {
  const parts = SPES.map((spe) => {
    const m = maturityBySpe[spe];
    return m === null
      ? `${spe} ${SPE_NAMES[spe]}: not applicable`
      : `${spe} ${SPE_NAMES[spe]}: ML${m} ${MATURITY_NAMES[m as MaturityLevel] ?? ''}${m < target ? `, ${target - m} below target` : ''}`;
  });
  return `Maturity per security program element against target ML${target}. ${parts.join('; ')}.`;
}
