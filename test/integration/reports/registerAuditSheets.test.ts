import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { responseKey } from '../../../src/core/domain';
import { createServices } from '../../../src/main/services';
import { buildDemo } from '../../../src/main/services/demo';
import { GAP_REGISTER_SHEET } from '../../../src/main/services/reports/gapRegisterColumns';
import { readPdf, squash } from '../../helpers/pdfRead';
import { tempDir } from '../../helpers/workspace';

/** The demo plus two controls on not-met items: one relying on a met item, one on a not-met item. */
function demoWithControls() {
  const s = createServices(tempDir());
  const id = buildDemo(s).id;
  const model = s.reports.input(id).model;
  const byResult = (result: string) =>
    model.responses.filter((r) => r.scope.kind !== 'organisation' && r.result === result);
  const [gapA, gapB] = byResult('not-met');
  const met = byResult('met')[0];
  const notMet = byResult('not-met')[2];
  const active = s.controls.create(id, {
    description: 'Filtering firewall in front of the PLCs',
    kind: 'filtering',
    covers: [{ scope: gapA.scope, requirement: gapA.requirement }],
    implementedBy: { scope: met.scope, requirement: met.requirement },
    owner: 'OT engineer',
  });
  const broken = s.controls.create(id, {
    description: 'Boundary firewall blocks engineering traffic',
    kind: 'isolation',
    covers: [{ scope: gapB.scope, requirement: gapB.requirement }],
    implementedBy: { scope: notMet.scope, requirement: notMet.requirement },
  });
  return { s, id, active, broken, notMet };
}

function sheetRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = (ws.getRow(r).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
  }
  return rows;
}

describe('gap register and report beside the gaps: open questions, controls, N/A', () => {
  it('lists open questions apart from gaps, every control with its status, and every N/A with its reason', async () => {
    const { s, id, active, broken, notMet } = demoWithControls();
    const score = s.score.get(id);
    const model = s.reports.input(id).model;
    expect(score.openQuestions.length).toBeGreaterThan(0);
    const file = path.join(tempDir(), 'register.xlsx');
    await s.reports.export('gap-register', id, { file });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual([
      'Summary',
      GAP_REGISTER_SHEET,
      'Open questions',
      'Compensating controls',
      'Not applicable',
    ]);

    const gapKeys = new Set(
      sheetRows(wb.getWorksheet(GAP_REGISTER_SHEET)!).map((r) => `${r.Scope}|${r.Requirement}`),
    );
    const open = sheetRows(wb.getWorksheet('Open questions')!);
    expect(open).toHaveLength(score.openQuestions.length);
    expect(Object.keys(open[0])).not.toContain('Severity');
    for (const q of open) expect(gapKeys.has(`${q.Scope}|${q.Requirement}`)).toBe(false);
    expect(open.map((q) => q['Why open'])).toContain('Not answered');

    const controls = sheetRows(wb.getWorksheet('Compensating controls')!);
    const notMetScope = s.reports.input(id).model;
    const byId = new Map(controls.map((c) => [c['Control ID'], c]));
    expect(byId.get(active.id)).toMatchObject({ Kind: 'Filtering', Status: 'Active', Owner: 'OT engineer' });
    const brokenRow = byId.get(broken.id)!;
    expect(brokenRow).toMatchObject({ Kind: 'Isolation', Status: 'Broken' });
    expect(String(brokenRow.Why)).toContain(`${notMet.requirement}, which is not met`);
    expect(String(brokenRow['Implemented by'])).toContain(notMet.requirement);
    expect(notMetScope.compensatingControls).toHaveLength(2);

    const na = sheetRows(wb.getWorksheet('Not applicable')!);
    const answersNa = model.responses.filter((r) => r.result === 'not-applicable');
    expect(answersNa.length).toBeGreaterThan(0);
    expect(na).toHaveLength(answersNa.length);
    const justifications = new Map(
      answersNa.map((r) => [responseKey(r.scope, r.requirement), r.justification]),
    );
    expect(na.map((r) => r.Justification).sort()).toEqual([...justifications.values()].sort());
    for (const r of na) expect(String(r.Justification).length).toBeGreaterThan(5);

    const pdfFile = path.join(tempDir(), 'report.pdf');
    await s.reports.export('findings-report', id, { file: pdfFile });
    const pdf = await readPdf(pdfFile);
    const start = pdf.pages.findIndex((p) =>
      squash(p).includes(squash('How Zonewalk derives applicability')),
    );
    const appendix = squash(pdf.pages.slice(start).join('\n'));
    expect(appendix).toContain(squash('Boundary firewall blocks engineering traffic'));
    expect(appendix).toContain(squash('Filtering firewall in front of the PLCs'));
    expect(appendix).toContain('Broken');
    const someNa = answersNa[0];
    expect(appendix).toContain(squash(someNa.justification).slice(0, 40));
  });
});
