import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import { loadExcelJS } from './reports/reportLibraries';

/** A sheet as text: the header row and the data rows, every cell a string exactly as written. */
export interface Table {
  columns: string[];
  rows: string[][];
}

export const MAX_IMPORT_ROWS = 200_000;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Reads a CSV or XLSX asset list. Formulas are read as their text (`=HYPERLINK(...)`), never evaluated. */
export async function readTable(fileName: string, bytes: Buffer): Promise<Table> {
  if (bytes.length === 0) throw new AppError('invalid-file', `${fileName} is empty: it has no header row.`);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xls')) {
    throw new AppError(
      'invalid-file',
      `${fileName} is an old Excel 97 file. Save it as .xlsx or .csv and try again.`,
    );
  }
  const raw = bytes.subarray(0, 4).equals(ZIP_MAGIC)
    ? await readXlsx(fileName, bytes)
    : readCsv(fileName, bytes);
  return toTable(fileName, raw);
}

function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Excel on Windows writes CSV in the ANSI code page.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

// Excel writes (and honours) a first line `sep=;` naming the delimiter; it is no header.
const SEP_LINE = /^\uFEFF?sep=(.)\r?\n/i;

function readCsv(fileName: string, bytes: Buffer): string[][] {
  const decoded = decode(bytes);
  const sep = SEP_LINE.exec(decoded);
  const text = sep ? decoded.slice(sep[0].length) : decoded;
  try {
    return parse(text, {
      delimiter: sep ? sep[1] : guessDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][];
  } catch (err) {
    throw new AppError('invalid-file', `${fileName} is not a readable CSV file: ${(err as Error).message}`);
  }
}

type Cell = ExcelJS.Cell;

/** The cell as the auditor typed it: a formula stays its text, a number its digits. */
export function cellText(cell: Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().replace('T00:00:00.000Z', '');
  if ('formula' in v || 'sharedFormula' in v) return `=${cell.formula ?? ''}`;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) {
    const t = v.text as unknown;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t)
      return (t as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    return v.hyperlink;
  }
  if ('error' in v) return v.error;
  return String(cell.text ?? '');
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<string[][]> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new AppError(
      'invalid-file',
      `${fileName} is not a readable XLSX workbook: ${(err as Error).message}`,
    );
  }
  const sheet = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) return [];
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) tooLarge(fileName);
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    if (cells.some((x) => x.trim() !== '')) rows.push(cells);
  });
  return rows;
}

function tooLarge(fileName: string): never {
  throw new AppError(
    'too-large',
    `${fileName} has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows. Split it into smaller files.`,
  );
}

function toTable(fileName: string, raw: string[][]): Table {
  const first = raw.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (first < 0) throw new AppError('invalid-file', `${fileName} is empty: it has no header row.`);
  if (raw.length - first - 1 > MAX_IMPORT_ROWS) tooLarge(fileName);
  const seen = new Map<string, number>();
  const columns = raw[first].map((h, i) => {
    const name = h.trim() || `Column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  return { columns, rows: raw.slice(first + 1) };
}
