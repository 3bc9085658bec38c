import type { CellValue } from 'exceljs';
import yauzl from 'yauzl';
import { FINDING_STATUSES, type FindingStatus } from '../../../core/domain';
import type {
  RegisterChange,
  RegisterImportPreview,
  RegisterProblem,
} from '../../../shared/contract/reports';
import { AppError } from '../../../shared/errors';
import { EDITABLE_HEADERS, GAP_REGISTER_SHEET } from './gapRegisterColumns';
import { type GapTracking, UNTRACKED } from './reportInput';
import { loadExcelJS } from './reportLibraries';
import { STATUS_LABELS } from './reportText';

// Reading a register back after engineers filled in Owner, Due date and Status. Columns are found by
// header text, so a register whose columns were moved or extended in Excel still reads.

export interface RegisterRow {
  row: number;
  gapId: string;
  owner: string;
  due: string | null;
  status: FindingStatus;
}

const MAX_ENTRIES = 2_000;
// A 50,000-row register expands to about 60 MB; ExcelJS holds what it reads in memory several times over.
const MAX_EXPANDED = 250 * 1024 * 1024;
const MAX_OWNER = 200;

/** A zip that would expand past what a register can be is refused before ExcelJS inflates it. */
async function checkZip(bytes: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  } catch {
    throw new AppError(
      'invalid-file',
      'This file is not an Excel workbook (.xlsx). Choose the gap register Zonewalk exported.',
    );
  }
  try {
    let entries = 0;
    let expanded = 0;
    for await (const e of zip.eachEntry()) {
      entries++;
      expanded += e.uncompressedSize;
      if (entries > MAX_ENTRIES || expanded > MAX_EXPANDED)
        throw new AppError(
          'too-large',
          'This workbook expands to more than a gap register can hold; it was not read.',
        );
    }
  } finally {
    zip.close();
  }
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return String(v.text ?? '');
  if ('formula' in v || 'sharedFormula' in v) return text((v as { result?: CellValue }).result ?? null);
  if ('error' in v) return String(v.error);
  return '';
}

function isoDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function fromDate(d: Date): string | null {
  return Number.isNaN(d.getTime()) ? null : isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A due date as Excel or a person may have written it; `undefined` means unreadable. */
export function parseDue(v: CellValue): string | null | undefined {
  if (v && typeof v === 'object' && !(v instanceof Date) && ('formula' in v || 'sharedFormula' in v))
    return parseDue((v as { result?: CellValue }).result ?? null);
  if (v instanceof Date) return fromDate(v) ?? undefined;
  // A serial day number (a date typed into a cell without date format).
  if (typeof v === 'number')
    return Number.isInteger(v) ? (fromDate(new Date((v - 25569) * 86_400_000)) ?? undefined) : undefined;
  const s = text(v).trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  return undefined;
}

const STATUS_BY_WORD = new Map<string, FindingStatus>(
  FINDING_STATUSES.flatMap((s) => [
    [s, s],
    [STATUS_LABELS[s].toLowerCase(), s],
  ]),
);

export function parseStatus(v: CellValue): FindingStatus | null | undefined {
  const s = text(v)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');
  if (!s) return null;
  return STATUS_BY_WORD.get(s) ?? STATUS_BY_WORD.get(s.replace(/ /g, '-'));
}

export interface ReadRegister {
  rows: RegisterRow[];
  problems: RegisterProblem[];
}

/** Parses the Gap register sheet; a file that is not one is refused with a sentence saying why. */
export async function readRegister(bytes: Buffer): Promise<ReadRegister> {
  await checkZip(bytes);
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      'invalid-file',
      'This file is not an Excel workbook Zonewalk can read. Choose the gap register it exported.',
    );
  }
  const ws = wb.getWorksheet(GAP_REGISTER_SHEET);
  if (!ws)
    throw new AppError(
      'invalid-file',
      `This workbook has no sheet named "${GAP_REGISTER_SHEET}". Choose a gap register exported by Zonewalk.`,
    );
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const h = text(cell.value).trim();
    if (h && !columns.has(h)) columns.set(h, col);
  });
  const needed = ['Gap ID', ...EDITABLE_HEADERS];
  const missing = needed.filter((h) => !columns.has(h));
  if (missing.length)
    throw new AppError(
      'invalid-file',
      `The "${GAP_REGISTER_SHEET}" sheet has no column ${missing.map((m) => `"${m}"`).join(', ')} in its first row. Export a fresh gap register and fill that in.`,
    );
  const col = (h: string) => columns.get(h)!;
  const rows: RegisterRow[] = [];
  const problems: RegisterProblem[] = [];
  const seen = new Map<string, number>();
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const gapId = text(r.getCell(col('Gap ID')).value).trim();
    const ownerCell = r.getCell(col('Owner')).value;
    const dueCell = r.getCell(col('Due date')).value;
    const statusCell = r.getCell(col('Status')).value;
    if (!gapId) {
      if (text(ownerCell) || text(dueCell) || text(statusCell))
        problems.push({ row: n, column: 'Gap ID', value: '', message: 'This row has values but no Gap ID.' });
      return;
    }
    const problem = (column: string, value: CellValue, message: string) =>
      problems.push({ row: n, column, value: text(value).slice(0, 100), message });
    if (seen.has(gapId)) {
      problem('Gap ID', gapId, `Gap ${gapId} is already on row ${seen.get(gapId)}.`);
      return;
    }
    seen.set(gapId, n);
    const owner = text(ownerCell).trim();
    if (owner.length > MAX_OWNER)
      problem('Owner', ownerCell, `An owner can be at most ${MAX_OWNER} characters.`);
    const due = parseDue(dueCell);
    if (due === undefined)
      problem('Due date', dueCell, 'Not a date: write it like 2027-03-31 or 31.03.2027.');
    const status = parseStatus(statusCell);
    if (status === undefined)
      problem(
        'Status',
        statusCell,
        `Not a status: use ${FINDING_STATUSES.map((s) => STATUS_LABELS[s]).join(', ')}.`,
      );
    rows.push({
      row: n,
      gapId,
      owner: owner.slice(0, MAX_OWNER),
      due: due ?? null,
      status: status ?? 'open',
    });
  });
  return { rows, problems };
}

/** What importing `read` would change, against the current gaps and their tracking. */
export function previewRegister(
  fileName: string,
  read: ReadRegister,
  gapIds: ReadonlySet<string>,
  tracking: ReadonlyMap<string, GapTracking>,
): RegisterImportPreview {
  const changes: RegisterChange[] = [];
  const unmatched: { row: number; gapId: string }[] = [];
  let unchanged = 0;
  for (const r of read.rows) {
    if (!gapIds.has(r.gapId)) {
      unmatched.push({ row: r.row, gapId: r.gapId });
      continue;
    }
    const before = tracking.get(r.gapId) ?? UNTRACKED;
    const change: RegisterChange = { gapId: r.gapId, row: r.row };
    if (before.owner !== r.owner) change.owner = { from: before.owner, to: r.owner };
    if (before.due !== r.due) change.due = { from: before.due, to: r.due };
    if (before.status !== r.status) change.status = { from: before.status, to: r.status };
    if (change.owner || change.due || change.status) changes.push(change);
    else unchanged++;
  }
  return { fileName, rowsRead: read.rows.length, changes, unchanged, unmatched, problems: read.problems };
}
