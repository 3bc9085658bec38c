import type { Workbook } from 'exceljs';
import type { ChecklistResponse, ItemRef } from '../../../core/model';
import type { OpenQuestion } from '../../../core/scoring/types';
import {
  type ControlRow,
  controlRows,
  controlStateDetail,
  notApplicableAnswers,
  titleOf,
} from './auditLists';
import { CONTROL_STATE_COLOR } from './colors';
import type { ReportInput } from './reportInput';
import {
  CONTROL_KIND_LABELS,
  CONTROL_STATE_LABELS,
  calendarDate,
  catalogLabel,
  evidenceNames,
  OPEN_REASON_LABELS,
  SCOPE_KIND_LABELS,
  scopeName,
  timestamp,
  zoneName,
} from './reportText';
import { type Column, FROZEN_HEADER, filled, finishTable, STYLE, setWidths, writeTable } from './xlsxTable';

// The sheets a certification body reads beside the gap register: what is still open, which
// compensating controls the result relies on and how each stands, and every N/A with its reason.

export const OPEN_QUESTIONS_SHEET = 'Open questions';
export const CONTROLS_SHEET = 'Compensating controls';
export const NOT_APPLICABLE_SHEET = 'Not applicable';

/** Applicable items nobody has answered: never gap rows, no severity. */
export function writeOpenQuestions(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet(OPEN_QUESTIONS_SHEET, FROZEN_HEADER);
  const columns: Column<OpenQuestion>[] = [
    { header: 'Scope type', width: 13, value: (q) => SCOPE_KIND_LABELS[q.scope.kind], style: STYLE.nowrap },
    { header: 'Scope', width: 24, value: (q) => q.scopeName },
    { header: 'Zone', width: 20, value: (q) => zoneName(input.model, q.zoneId) },
    { header: 'Catalog', width: 15, value: (q) => catalogLabel(input, q.catalogId), style: STYLE.nowrap },
    { header: 'Requirement', width: 15, value: (q) => q.requirement, style: STYLE.nowrap },
    { header: 'Title', width: 44, value: (q) => q.title },
    { header: 'FR', width: 8, value: (q) => q.fr, style: STYLE.number },
    { header: 'Why open', width: 30, value: (q) => OPEN_REASON_LABELS[q.reason] },
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, input.score.openQuestions));
  ws.commit();
}

/** Every control with its state (broken ones naming the item they rely on and its answer). */
export function writeControls(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet(CONTROLS_SHEET, FROZEN_HEADER);
  const names = evidenceNames(input.evidence);
  const item = (ref: ItemRef) => `${scopeName(input.model, ref.scope)}: ${ref.requirement}`;
  const state = (r: ControlRow) => r.state;
  const rows = controlRows(input);
  const columns: Column<ControlRow>[] = [
    { header: 'Control ID', width: 16, value: (r) => r.control.id, style: STYLE.mono },
    { header: 'Description', width: 40, value: (r) => r.control.description },
    { header: 'Kind', width: 12, value: (r) => CONTROL_KIND_LABELS[r.control.kind], style: STYLE.nowrap },
    { header: 'Covers', width: 36, value: (r) => r.control.covers.map(item).join('\n') },
    {
      header: 'Implemented by',
      width: 28,
      value: (r) => (r.control.implementedBy ? item(r.control.implementedBy) : 'none'),
    },
    { header: 'Owner', width: 20, value: (r) => r.control.owner },
    { header: 'Review due', width: 12, value: (r) => calendarDate(r.control.reviewDue), style: STYLE.date },
    {
      header: 'Status',
      width: 12,
      value: (r) => CONTROL_STATE_LABELS[state(r)],
      style: (r) => filled(CONTROL_STATE_COLOR[state(r)].fill, CONTROL_STATE_COLOR[state(r)].text),
    },
    { header: 'Why', width: 44, value: (r) => controlStateDetail(input, r) },
    {
      header: 'Evidence',
      width: 28,
      value: (r) => r.control.evidence.map((sha) => names.get(sha) ?? sha).join('; '),
    },
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, rows));
  ws.commit();
}

/** Every N/A answer with the auditor's reason, so a reviewer can challenge each one. */
export function writeNotApplicable(wb: Workbook, input: ReportInput): void {
  const ws = wb.addWorksheet(NOT_APPLICABLE_SHEET, FROZEN_HEADER);
  const rows = notApplicableAnswers(input);
  const columns: Column<ChecklistResponse>[] = [
    { header: 'Scope type', width: 13, value: (r) => SCOPE_KIND_LABELS[r.scope.kind], style: STYLE.nowrap },
    { header: 'Scope', width: 24, value: (r) => scopeName(input.model, r.scope) },
    { header: 'Requirement', width: 15, value: (r) => r.requirement, style: STYLE.nowrap },
    { header: 'Title', width: 40, value: (r) => titleOf(input, r) },
    { header: 'Justification', width: 50, value: (r) => r.justification },
    { header: 'Assessed by', width: 18, value: (r) => r.assessedBy },
    { header: 'Assessed (UTC)', width: 17, value: (r) => timestamp(r.assessedAt), style: STYLE.dateTime },
  ];
  setWidths(ws, columns);
  finishTable(ws, columns.length, writeTable(ws, columns, rows));
  ws.commit();
}
