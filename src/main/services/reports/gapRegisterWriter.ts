import type { Writable } from 'node:stream';
import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { SEVERITIES } from '../../../core/domain';
import { argb } from '../../../core/palette';
import { SEVERITY_COLOR } from './colors';
import {
  GAP_REGISTER_HEADERS,
  GAP_REGISTER_SHEET,
  type GapRegisterHeader,
  gapColumns,
  gapRows,
  SEVERITY_CHOICES,
  STATUS_CHOICES,
} from './gapRegisterColumns';
import {
  writeAssets,
  writeEvidence,
  writeFindings,
  writeSmsMaturity,
  writeSummary,
  writeZones,
} from './gapRegisterSheets';
import { writeControls, writeNotApplicable, writeOpenQuestions } from './registerAuditSheets';
import type { ReportInput } from './reportInput';
import { loadExcelJS } from './reportLibraries';
import { assessorNames, SEVERITY_LABELS } from './reportText';
import { colLetter, finishTable, setWidths, writeLongTable } from './xlsxTable';

function column(header: GapRegisterHeader): string {
  return colLetter(GAP_REGISTER_HEADERS.indexOf(header) + 1);
}

/** ExcelJS has range validations on every worksheet; its typings only declare them per cell. */
function validations(ws: Worksheet): { add(range: string, v: DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } })
    .dataValidations;
}

function listValidation(choices: string[], what: string): DataValidation {
  return {
    type: 'list',
    allowBlank: false,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorTitle: `Not a ${what}`,
    error: `Choose one of: ${choices.join(', ')}.`,
  };
}

/** One row per derived gap, exactly the core's list, with drop-downs where engineers edit. */
async function writeGapSheet(wb: Workbook, input: ReportInput): Promise<void> {
  const ws = wb.addWorksheet(GAP_REGISTER_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  const columns = gapColumns(input);
  setWidths(ws, columns);
  const last = await writeLongTable(ws, columns, gapRows(input));
  finishTable(ws, columns.length, last);
  if (last > 1) {
    const sev = column('Severity');
    const status = column('Status');
    validations(ws).add(`${sev}2:${sev}${last}`, listValidation(SEVERITY_CHOICES, 'severity'));
    validations(ws).add(`${status}2:${status}${last}`, listValidation(STATUS_CHOICES, 'status'));
    // The fill follows the value when an engineer changes a severity in Excel.
    ws.addConditionalFormatting({
      ref: `${sev}2:${sev}${last}`,
      rules: SEVERITIES.map((s, i) => ({
        type: 'cellIs',
        operator: 'equal',
        priority: i + 1,
        formulae: [`"${SEVERITY_LABELS[s]}"`],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(SEVERITY_COLOR[s].fill) } },
          font: { color: { argb: argb(SEVERITY_COLOR[s].text) } },
        },
      })),
    });
  }
  ws.commit();
}

/** Streams the whole workbook to `out`; memory stays flat however many gaps there are. */
export async function writeGapRegister(input: ReportInput, out: Writable): Promise<void> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const a = input.model.assessment;
  const at = new Date(input.generatedAt);
  wb.title = `Gap register: ${a.title}`;
  wb.subject = `IEC 62443 gap register for ${[a.organisation, a.site].filter(Boolean).join(', ') || a.title}`;
  wb.creator = assessorNames(input.model) || 'Zonewalk';
  wb.lastModifiedBy = 'Zonewalk';
  wb.keywords = 'IEC 62443; gap register; Zonewalk';
  if (!Number.isNaN(at.getTime())) {
    wb.created = at;
    wb.modified = at;
  }
  writeSummary(wb, input);
  await writeGapSheet(wb, input);
  writeOpenQuestions(wb, input);
  writeControls(wb, input);
  writeNotApplicable(wb, input);
  writeFindings(wb, input);
  writeZones(wb, input);
  writeAssets(wb, input);
  writeSmsMaturity(wb, input);
  writeEvidence(wb, input);
  await wb.commit();
}
