import { FR_ABBREV, FRS, type SlVector } from '../domain';
import { gapLevel } from '../palette';
import { type ChartOptions, chartId, paletteOf, svgDocument, text, truncate } from './svg';

// Zones down, FRs across, each cell the gap SL-T - SL-A with its number in it: the colour finds the
// hot spots, the number is there for print in black and white and for colour-blind readers.

export interface HeatmapRow {
  name: string;
  gap: SlVector;
}

const LABELS = 208;
const CELL_W = 56;
const CELL_H = 30;
const TOP = 72;

export function gapHeatmapSvg(
  rows: readonly HeatmapRow[],
  opts: ChartOptions & { title?: string } = {},
): string {
  const p = paletteOf(opts);
  const id = chartId('heatmap', opts, rows);
  const title = opts.title ?? 'Gap by zone and FR (SL-T minus SL-A)';
  const width = LABELS + FRS.length * CELL_W + 16;
  const bottom = TOP + Math.max(1, rows.length) * CELL_H;
  const body: string[] = [text(16, 22, title, { size: 15, fill: p.text, weight: 'bold' })];

  FRS.forEach((fr, j) => {
    const cx = LABELS + j * CELL_W + CELL_W / 2;
    body.push(
      text(cx, TOP - 22, fr, { size: 12, fill: p.text, anchor: 'middle', weight: 'bold' }),
      text(cx, TOP - 8, FR_ABBREV[fr], { size: 11, fill: p.muted, anchor: 'middle' }),
    );
  });

  if (rows.length === 0) body.push(text(16, TOP + 20, 'No zones yet.', { size: 12, fill: p.muted }));
  rows.forEach((row, i) => {
    const y = TOP + i * CELL_H;
    body.push(text(16, y + 20, truncate(row.name, 28), { size: 12, fill: p.text }));
    FRS.forEach((fr, j) => {
      const g = row.gap[fr];
      const s = p.gap[gapLevel(g)];
      const x = LABELS + j * CELL_W;
      body.push(
        `<rect data-cell="${i}-${fr}" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" fill="${s.tint}" stroke="${p.surface}" stroke-width="2" shape-rendering="crispEdges"/>`,
        text(x + CELL_W / 2, y + 20, String(g), {
          size: 12,
          fill: s.ink,
          anchor: 'middle',
          weight: g > 0 ? 'bold' : undefined,
        }),
      );
    });
  });

  // legend under the grid
  const ly = bottom + 14;
  body.push(text(16, ly + 11, 'Gap', { size: 11, fill: p.muted }));
  p.gap.forEach((s, k) => {
    const lx = 52 + k * 64;
    body.push(
      `<rect x="${lx}" y="${ly}" width="28" height="16" fill="${s.tint}" stroke="${p.grid}" stroke-width="1" shape-rendering="crispEdges"/>`,
      text(lx + 14, ly + 12, k === 3 ? '3+' : String(k), { size: 11, fill: s.ink, anchor: 'middle' }),
    );
  });

  const desc = rows.length
    ? `Gap per zone and foundational requirement. ${rows
        .map((r) => `${r.name}: ${FRS.map((fr) => `${fr} ${r.gap[fr]}`).join(', ')}`)
        .join('; ')}.`
    : 'No zones yet.';
  return svgDocument(
    { id, width, height: ly + 28, palette: p, fontFamily: opts.fontFamily, title, desc },
    body,
  );
}
