import { fnv1a64Base32 } from '../fnv1a64';
import { PALETTES, type Palette, type Theme } from '../palette';

// Building blocks for the charts: self-contained SVG with presentation attributes only (no <style>,
// no classes, no fonts or images from outside), so the same string renders alike in the UI, in
// Chromium's print and in the PDF's SVG renderer.

export interface ChartOptions {
  theme?: Theme;
  /** Prefix for the element ids the a11y attributes point at; give one per chart on a page. */
  id?: string;
  /** Overrides the font stack (the PDF maps it to its embedded font). */
  fontFamily?: string;
}

export const FONT_STACK =
  'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, Helvetica, Arial, sans-serif';

// XML 1.0 forbids control characters, lone surrogates and U+FFFE/U+FFFF even escaped; a pasted
// zone name could still carry them.
function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    c >= 0x10000
  );
}

/** Text as XML character data or attribute value: escaped, and characters XML cannot carry replaced. */
export function escapeXml(text: string): string {
  let clean = '';
  // iterating a string yields code points, and a lone surrogate as itself
  for (const ch of text) clean += isXmlChar(ch.codePointAt(0)!) ? ch : '\uFFFD';
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** At most `max` characters (code points, so an emoji is never cut in half), with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

export interface TextOptions {
  size?: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 'bold';
}

/** A <text> element; `y` is the baseline. */
export function text(x: number, y: number, content: string, o: TextOptions): string {
  const anchor = o.anchor && o.anchor !== 'start' ? ` text-anchor="${o.anchor}"` : '';
  const weight = o.weight ? ` font-weight="${o.weight}"` : '';
  return `<text x="${x}" y="${y}" font-size="${o.size ?? 12}" fill="${o.fill}"${anchor}${weight}>${escapeXml(content)}</text>`;
}

/** A deterministic id from the chart's inputs, so re-rendering gives the identical string. */
export function chartId(kind: string, o: ChartOptions, inputs: unknown): string {
  return o.id ?? `zw-${kind}-${fnv1a64Base32(JSON.stringify(inputs)).toLowerCase()}`;
}

/**
 * The outer <svg>: a filled background in the theme's surface colour (so the chart reads the same
 * on any page), role="img" and a <title> and <desc> that screen readers announce.
 */
export function svgDocument(
  o: {
    id: string;
    width: number;
    height: number;
    title: string;
    desc: string;
    palette: Palette;
    fontFamily?: string;
  },
  body: string[],
): string {
  const { id, width, height, palette } = o;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${escapeXml(o.fontFamily ?? FONT_STACK)}">`,
    `<title id="${id}-title">${escapeXml(o.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(o.desc)}</desc>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${palette.surface}"/>`,
    ...body,
    '</svg>',
  ].join('\n');
}

export function paletteOf(o: ChartOptions): Palette {
  return PALETTES[o.theme ?? 'light'];
}
