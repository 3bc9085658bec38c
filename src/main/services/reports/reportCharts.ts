import { FRS, type SlVector, SPES, type Spe } from '../../../core/domain';

// TEMPORARY until src/core/charts lands: the report calls the dashboard's chart functions through
// this one file, so switching to them is a two-line change.

export function slChart(zoneName: string, target: SlVector, achieved: SlVector, fontFamily: string): string {
  const bars = FRS.map((fr, i) => {
    const x = 40 + i * 84;
    return [
      `<rect x="${x}" y="${240 - target[fr] * 44}" width="28" height="${target[fr] * 44}" fill="#c9d0da"/>`,
      `<rect x="${x + 30}" y="${240 - achieved[fr] * 44}" width="28" height="${achieved[fr] * 44}" fill="#b91c1c"/>`,
      `<text x="${x + 28}" y="260" font-size="11" text-anchor="middle">${fr}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="648" height="288" viewBox="0 0 648 288" font-family="${fontFamily}"><text x="40" y="22" font-size="15">${escapeText(zoneName)}</text>${bars.join('')}</svg>`;
}

export function maturityChart(
  maturity: Record<Spe, number | null>,
  target: number,
  fontFamily: string,
): string {
  const bars = SPES.map((spe, i) => {
    const y = 40 + i * 28;
    return `<text x="16" y="${y + 14}" font-size="12">${spe}</text><rect x="120" y="${y}" width="${(maturity[spe] ?? 0) * 100}" height="16" fill="#1d4ed8"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="648" height="300" viewBox="0 0 648 300" font-family="${fontFamily}">${bars.join('')}<line x1="${120 + target * 100}" y1="30" x2="${120 + target * 100}" y2="270" stroke="#000" stroke-dasharray="4 3"/></svg>`;
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
