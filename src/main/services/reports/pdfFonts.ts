import fs from 'node:fs';
import path from 'node:path';
import type pdfmake from 'pdfmake';
import type { FontFiles } from 'pdfmake';
import { isInside } from '../../pathInside';
import { resolveResourcesDir } from '../../resources';
import { type Coverage, fontCoverage } from './fontCmap';

// The report's fonts, all bundled in resources/fonts (see its README): Roboto for text, DejaVu Sans
// for symbols, arrows and the emoji it has, Droid Sans Fallback for Chinese, Japanese and Korean.
// pdfmake draws a run in one font, so text is split into runs by which font has each character.

export const TEXT_FONT = 'Roboto';
const FAMILIES = {
  Roboto: {
    normal: 'Roboto-Regular.ttf',
    bold: 'Roboto-Medium.ttf',
    italics: 'Roboto-Italic.ttf',
    bolditalics: 'Roboto-MediumItalic.ttf',
  },
  DejaVuSans: single('DejaVuSans.ttf'),
  DroidSansFallback: single('DroidSansFallback.ttf'),
} satisfies Record<string, FontFiles>;
export type FontName = keyof typeof FAMILIES;
/** In the order a character looks for a font that has it. */
const FALLBACK_ORDER: FontName[] = ['Roboto', 'DejaVuSans', 'DroidSansFallback'];

function single(file: string): FontFiles {
  return { normal: file, bold: file, italics: file, bolditalics: file };
}

export function fontsDir(): string {
  return path.join(resolveResourcesDir(), 'fonts');
}

let configuredFor: string | undefined;
let coverage: Map<FontName, Coverage> | undefined;

/**
 * Points pdfmake (a process-wide singleton) at the bundled fonts and shuts every other door: no URL
 * is ever fetched, and the only local files it may open are the fonts. Images reach it as data URLs.
 */
export function configurePdfmake(pdf: typeof pdfmake, dir: string = fontsDir()): void {
  if (configuredFor === dir) return;
  const fonts = Object.fromEntries(
    Object.entries(FAMILIES).map(([name, files]) => [
      name,
      Object.fromEntries(
        Object.entries(files).map(([k, f]) => [k, path.join(dir, f)]),
      ) as unknown as FontFiles,
    ]),
  );
  for (const files of Object.values(fonts))
    for (const f of Object.values(files))
      if (!fs.existsSync(f)) throw new Error(`Report font missing: ${f}. Reinstall Zonewalk.`);
  pdf.setFonts(fonts);
  pdf.setUrlAccessPolicy(() => false);
  pdf.setLocalAccessPolicy((p) => isInside(dir, p));
  configuredFor = dir;
}

/** Which characters each bundled font has, read once from the font files. */
function fontCoverages(): Map<FontName, Coverage> {
  const dir = fontsDir();
  coverage ??= new Map(
    FALLBACK_ORDER.map((name) => [
      name,
      fontCoverage(fs.readFileSync(path.join(dir, FAMILIES[name].normal))),
    ]),
  );
  return coverage;
}

// Invisible joiners and modifiers: harmless to drop when no font draws them.
function isInvisibleModifier(cp: number): boolean {
  return (
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0x200d ||
    cp === 0x200c ||
    (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
    (cp >= 0xe0020 && cp <= 0xe007f)
  );
}

export interface Run {
  text: string;
  font?: FontName;
}

/** The font for one character; `null` when no bundled font has it. */
export function fontFor(cp: number): FontName | null {
  const fonts = fontCoverages();
  if (cp === 0x0a || cp === 0x09 || (cp >= 0x20 && cp < 0x180)) return TEXT_FONT;
  if (cp < 0x20) return null;
  for (const name of FALLBACK_ORDER) if (fonts.get(name)?.(cp)) return name;
  return null;
}

/** Shown where no bundled font has the character: visibly a replacement, never a crash or a blank. */
export const MISSING_GLYPH = '\uFFFD';

/**
 * Splits user text into runs that each one font can draw. A character no font has becomes U+FFFD
 * (drawn by Roboto), so an auditor sees that something was there.
 */
export function fontRuns(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0)!;
    let font = fontFor(cp);
    let out = ch;
    if (font === null) {
      if (isInvisibleModifier(cp)) continue;
      font = TEXT_FONT;
      out = MISSING_GLYPH;
    }
    const key = font === TEXT_FONT ? undefined : font;
    if (current && current.font === key) current.text += out;
    else {
      current = key ? { text: out, font: key } : { text: out };
      runs.push(current);
    }
  }
  return runs;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return XML_ENTITIES[e.toLowerCase()];
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The charts' SVG names one font family; a zone called 制御盤 3 needs two. Each <text> whose content one
 * font cannot draw is split into <tspan>s by font, as the report's own text is.
 */
export function withFontRuns(svg: string): string {
  return svg.replace(
    /(<text\b[^>]*>)([^<]*)(<\/text>)/g,
    (whole, open: string, body: string, close: string) => {
      const runs = fontRuns(unescapeXml(body));
      if (runs.every((r) => !r.font)) return whole;
      const spans = runs.map(
        (r) => `<tspan font-family="${r.font ?? TEXT_FONT}">${escapeXml(r.text)}</tspan>`,
      );
      return `${open}${spans.join('')}${close}`;
    },
  );
}
