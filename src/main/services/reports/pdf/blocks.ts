import type { Severity } from '../../../../core/domain';
import { ACCENT, HEADER_FILL, INK, MUTED, RULE, SEVERITY_COLOR } from '../colors';
import { fontRuns } from '../pdfFonts';
import { SEVERITY_LABELS } from '../reportText';

// pdfmake document nodes, typed loosely on purpose: pdfmake validates its own input, and the report
// code only ever builds nodes through the helpers here.

export type Content = string | Content[] | Node;
export interface Node {
  [key: string]: unknown;
}

/** User text: split into runs by font, so every script draws and nothing crashes on odd input. */
export function t(text: string | null | undefined, props: Node = {}): Node {
  const runs = fontRuns(text ?? '');
  if (runs.length === 0) return { text: '', ...props };
  if (runs.length === 1 && !runs[0].font) return { text: runs[0].text, ...props };
  return { text: runs, ...props };
}

/** User text as inline runs, to sit inside a larger paragraph. */
export function runs(text: string | null | undefined, props: Node = {}): Node[] {
  return fontRuns(text ?? '').map((r) =>
    r.font ? { text: r.text, font: r.font, ...props } : { text: r.text, ...props },
  );
}

/** The severity as an inline label with its colour behind it: far cheaper to lay out than a table cell. */
export function severityRun(s: Severity): Node {
  return {
    text: `\u00a0${SEVERITY_LABELS[s].toUpperCase()}\u00a0`,
    background: SEVERITY_COLOR[s].fill,
    color: SEVERITY_COLOR[s].text,
    bold: true,
    fontSize: 7.5,
  };
}

/** Muted line used where a section has nothing to show, saying what that means. */
export function empty(sentence: string): Node {
  return { text: sentence, style: 'empty' };
}

export function h1(text: string, id?: string): Node {
  return t(text, { style: 'h1', tocItem: true, id, outline: true, outlineText: text });
}

export function h2(text: string): Node {
  return t(text, {
    style: 'h2',
    tocItem: true,
    tocMargin: [12, 0, 0, 0],
    outline: true,
    outlineText: text,
  });
}

/** A data table: header row repeated across pages, thin rules, zebra rows. */
/**
 * Font features for machine text (hex digests): every OpenType feature off, so fontkit applies no
 * lookups, and, being set, they keep these one-off words out of pdfkit's per-word layout cache,
 * which would otherwise hold each one's glyph run until the PDF ends. For 2,000 evidence files
 * `export pdf` went from 1.70 s and 223 MB to 1.58 s and 200 MB; hex digits look the same.
 */
export const UNSHAPED: Record<string, false> = Object.fromEntries(
  // fontkit's default features (variation, direction, common, horizontal, fractions).
  'rvrn ltra ltrm ccmp locl rlig mark mkmk calt clig liga rclt curs kern frac numr dnom'
    .split(' ')
    .map((f) => [f, false]),
);

export function dataTable(
  widths: (number | string)[],
  header: string[],
  rows: Content[][],
  props: Node = {},
): Node {
  return {
    table: {
      headerRows: 1,
      // A header row alone at the foot of a page reads as a broken table.
      keepWithHeaderRows: 1,
      widths,
      body: [header.map((h) => ({ text: h, style: 'th' })), ...rows],
      // A row split over two pages reads as two half-rows; long single cells still flow.
      dontBreakRows: true,
    },
    layout: TABLE_LAYOUT,
    margin: [0, 2, 0, 10],
    ...props,
  };
}

export const TABLE_LAYOUT: Node = {
  fillColor: (row: number) => (row === 0 ? HEADER_FILL : row % 2 === 0 ? '#f7f9fb' : null),
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
    i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3,
  vLineWidth: () => 0,
  hLineColor: () => RULE,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** Label/value pairs as a borderless two-column table. */
export function facts(rows: [string, Content][], labelWidth = 110): Node {
  return {
    table: { widths: [labelWidth, '*'], body: rows.map(([k, v]) => [{ text: k, style: 'label' }, v]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}

/**
 * A heading and the short table under it on one page (a heading alone at the foot of a page reads
 * as a mistake). Long tables flow; their header row repeats.
 */
export function keepTogether(parts: Content[], rows: number): Node {
  return { stack: parts, unbreakable: rows <= 25 };
}

export const STYLES: Node = {
  h1: { fontSize: 18, bold: true, color: ACCENT, margin: [0, 0, 0, 10] },
  h2: { fontSize: 13, bold: true, color: INK, margin: [0, 12, 0, 6] },
  h3: { fontSize: 11, bold: true, color: INK, margin: [0, 0, 0, 3] },
  th: { bold: true, fontSize: 8.5, color: INK },
  td: { fontSize: 8.5 },
  label: { bold: true, color: MUTED, fontSize: 9 },
  muted: { color: MUTED },
  small: { fontSize: 8, color: MUTED },
  mono: { fontSize: 7.5, color: INK, characterSpacing: 0 },
  chip: { fontSize: 7, bold: true },
  empty: { italics: true, color: MUTED, margin: [0, 2, 0, 10] },
  lead: { fontSize: 11, lineHeight: 1.35, margin: [0, 0, 0, 8] },
  coverTitle: { fontSize: 28, bold: true, color: ACCENT, lineHeight: 1.1 },
  coverSub: { fontSize: 14, color: INK, margin: [0, 6, 0, 0] },
};
