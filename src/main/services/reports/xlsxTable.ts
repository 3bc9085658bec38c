import type { Cell, CellValue, Style, Worksheet } from 'exceljs';
import { argb } from '../../../core/palette';
import { HEADER_FILL, RULE } from './colors';

// Building blocks for the register's sheets: one header row, typed columns, shared style objects
// (ExcelJS caches a style by object identity, which keeps 50,000-row exports fast).

/** Excel's limit per cell; longer text is cut with a visible marker rather than corrupting the file. */
const MAX_CELL = 32_767;
// XML 1.0 cannot carry these control characters or lone surrogates; tab, LF and CR are kept.
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for a cell. It is always written as a string cell (shared string), never as a formula, so
 * `=HYPERLINK(...)`, `+1`, `-2`, `@SUM` typed into a comment stay inert text.
 */
export function cellText(s: string | null | undefined): string {
  if (!s) return '';
  // XML turns a bare CR into LF on reading anyway; Excel's own line break in a cell is LF.
  const clean = s.replace(/\r\n?/g, '\n').replace(NOT_XML, '\uFFFD');
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 30)}… [cut: Excel cell limit]` : clean;
}

const thin = { style: 'thin' as const, color: { argb: argb(RULE) } };
const border = { top: thin, bottom: thin, left: thin, right: thin };

export const STYLE = {
  header: {
    font: { bold: true, size: 11 },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(HEADER_FILL) } },
    alignment: { vertical: 'middle', wrapText: true },
    border,
  },
  text: { alignment: { vertical: 'top', wrapText: true }, border },
  nowrap: { alignment: { vertical: 'top' }, border },
  number: { alignment: { vertical: 'top', horizontal: 'center' }, border },
  date: { numFmt: 'yyyy-mm-dd', alignment: { vertical: 'top', horizontal: 'center' }, border },
  dateTime: { numFmt: 'yyyy-mm-dd hh:mm', alignment: { vertical: 'top' }, border },
  mono: { font: { name: 'Consolas', size: 10 }, alignment: { vertical: 'top' }, border },
  link: { font: { color: { argb: 'FF1D4E89' }, underline: true }, alignment: { vertical: 'top' }, border },
  label: { font: { bold: true }, alignment: { vertical: 'top' } },
  title: { font: { bold: true, size: 16 } },
  section: { font: { bold: true, size: 12 } },
  plain: { alignment: { vertical: 'top', wrapText: true } },
} satisfies Record<string, Partial<Style>>;

const fillCache = new Map<string, Partial<Style>>();
/** A filled cell style, one object per colour pair so the style cache hits. */
export function filled(fill: string, text: string, base: Partial<Style> = STYLE.nowrap): Partial<Style> {
  const key = `${fill}|${text}|${JSON.stringify(base)}`;
  let s = fillCache.get(key);
  if (!s) {
    s = {
      ...base,
      font: { ...(base.font ?? {}), color: { argb: argb(text) } },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(fill) } },
    };
    fillCache.set(key, s);
  }
  return s;
}

export interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => CellValue;
  style?: Partial<Style> | ((row: T) => Partial<Style>);
}

/** Column widths must be set before the first row is committed. */
export function setWidths<T>(ws: Worksheet, columns: Column<T>[]): void {
  ws.columns = columns.map((c) => ({ width: c.width }));
}

function styleCell(cell: Cell, style: Partial<Style>): void {
  cell.style = style;
}

export function writeHeader(ws: Worksheet, headers: string[]): void {
  const row = ws.addRow(headers.map(cellText));
  row.height = 30;
  for (let i = 1; i <= headers.length; i++) styleCell(row.getCell(i), STYLE.header);
  row.commit();
}

function cellValue(v: CellValue): CellValue {
  return typeof v === 'string' ? cellText(v) : v;
}

function addRow<T>(ws: Worksheet, columns: Column<T>[], item: T): number {
  const row = ws.addRow(columns.map((c) => cellValue(c.value(item))));
  columns.forEach((c, i) => {
    const s = typeof c.style === 'function' ? c.style(item) : (c.style ?? STYLE.text);
    styleCell(row.getCell(i + 1), s);
  });
  row.commit();
  return row.number;
}

/** Writes a header and one row per item; returns the number of the last row written. */
export function writeTable<T>(ws: Worksheet, columns: Column<T>[], rows: Iterable<T>): number {
  writeHeader(
    ws,
    columns.map((c) => c.header),
  );
  let last = 1;
  for (const item of rows) last = addRow(ws, columns, item);
  return last;
}

/** Rows between two pauses of a long table. */
const ROWS_PER_PAUSE = 500;

interface ZipEntryInput {
  _writableState?: { needDrain?: boolean };
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Where ExcelJS's streaming writer hands a sheet's XML to its zip: the sheet's buffer pipes into
 * the zip entry without waiting, so the entry's input queues everything the deflater has not yet
 * taken. ExcelJS offers no public way to wait for it; these are its internals (exceljs 4), and
 * when they are not there the table is still written, only without pauses.
 */
function zipEntryInputs(ws: Worksheet): ZipEntryInput[] {
  return (ws as unknown as { _stream?: { pipes?: ZipEntryInput[] } })._stream?.pipes ?? [];
}

/**
 * writeTable for tables that grow with the plant (the gap register's rows): every few hundred rows
 * it waits until the zip has deflated what was written, so memory stays flat with plant size
 * (without it, the whole sheet queued in memory: about 100 KB per asset).
 */
export async function writeLongTable<T>(
  ws: Worksheet,
  columns: Column<T>[],
  rows: Iterable<T>,
): Promise<number> {
  writeHeader(
    ws,
    columns.map((c) => c.header),
  );
  let last = 1;
  let sincePause = 0;
  for (const item of rows) {
    last = addRow(ws, columns, item);
    if (++sincePause < ROWS_PER_PAUSE) continue;
    sincePause = 0;
    for (const input of zipEntryInputs(ws)) {
      if (input._writableState?.needDrain) await new Promise<void>((resolve) => input.once('drain', resolve));
    }
  }
  return last;
}

/** Excel column letters for a 1-based index (1 -> A, 27 -> AA). */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Frozen header, autofilter over the whole table. */
export function finishTable(ws: Worksheet, columnCount: number, lastRow: number): void {
  ws.autoFilter = `A1:${colLetter(columnCount)}${Math.max(1, lastRow)}`;
}

export const FROZEN_HEADER = { views: [{ state: 'frozen' as const, ySplit: 1, xSplit: 0 }] };
