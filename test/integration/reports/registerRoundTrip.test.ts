import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  GAP_REGISTER_HEADERS,
  GAP_REGISTER_SHEET,
} from '../../../src/main/services/reports/gapRegisterColumns';
import { ReportService, type ReportSources } from '../../../src/main/services/reports/reportService';
import { makeReportInput } from '../../helpers/reportFixture';
import { openTestWorkspace, tempDir } from '../../helpers/workspace';

/** A real workspace (tracking table, audit trail) with the model and score from the fixture. */
function setup() {
  const { services } = openTestWorkspace();
  const fixture = makeReportInput({ realScore: true });
  services.assessments.create({ title: fixture.model.assessment.title }, fixture.model.assessment.id);
  const sources: ReportSources = {
    details: (id) => services.assessments.get(id),
    model: () => fixture.model,
    score: () => fixture.score,
    catalogs: () => fixture.catalogs,
    catalogVersions: () => fixture.catalogVersions,
    evidence: () => fixture.evidence,
  };
  const reports = new ReportService(services.ws, sources);
  return { services, reports, fixture, id: fixture.model.assessment.id };
}

const col = (h: (typeof GAP_REGISTER_HEADERS)[number]) => GAP_REGISTER_HEADERS.indexOf(h) + 1;

/** What an engineer does in Excel: open the register, type into cells, save. */
async function edit(
  file: string,
  change: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb.getWorksheet(GAP_REGISTER_SHEET)!, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function gapRowOf(ws: ExcelJS.Worksheet, gapId: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === gapId) return ws.getRow(r);
  throw new Error(`no row for ${gapId}`);
}

describe('exporting through the service', () => {
  it('writes both files into <workspace>/exports with fresh names and no temp files', async () => {
    const { services, reports, id } = setup();
    const a = await reports.export('gap-register', id);
    const b = await reports.export('findings-report', id);
    const again = await reports.export('gap-register', id);
    const dir = path.join(services.ws.dataDir, 'exports');
    expect(path.dirname(a.path)).toBe(dir);
    expect(path.basename(a.path)).toMatch(/^waterworks-nord-2026_gap-register_\d{8}T\d{6}Z\.xlsx$/);
    expect(path.basename(b.path)).toMatch(/^waterworks-nord-2026_findings-report_\d{8}T\d{6}Z\.pdf$/);
    expect(again.path).not.toBe(a.path);
    expect(fs.readdirSync(dir).sort()).toEqual(
      [a.path, b.path, again.path].map((p) => path.basename(p)).sort(),
    );
    expect(a.bytes).toBe(fs.statSync(a.path).size);
    expect(fs.readFileSync(b.path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a folder that does not exist or is not a full path', async () => {
    const { reports, id } = setup();
    await expect(
      reports.export('gap-register', id, { outDir: path.join(tempDir(), 'missing') }),
    ).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(reports.export('findings-report', id, { outDir: 'relative/dir' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
  });
});

describe('gap register round trip', () => {
  it('previews, applies in one transaction with audit events, and exports the values back', async () => {
    const { services, reports, fixture, id } = setup();
    const { path: file } = await reports.export('gap-register', id);
    const [g1, g2, g3] = fixture.score.gaps;
    const bytes = await edit(file, (ws) => {
      gapRowOf(ws, g1.gapId).getCell(col('Owner')).value = 'Jonas Weber';
      gapRowOf(ws, g1.gapId).getCell(col('Due date')).value = new Date(Date.UTC(2027, 2, 31));
      gapRowOf(ws, g2.gapId).getCell(col('Status')).value = 'In progress';
      gapRowOf(ws, g3.gapId).getCell(col('Due date')).value = '15.01.2027';
      gapRowOf(ws, g3.gapId).getCell(col('Owner')).value = 'Łucja Żak';
    });
    const trailBefore = services.ws.trail.list(id).length;
    const preview = await reports.importPreview(id, bytes, 'register.xlsx');
    expect(preview.problems).toEqual([]);
    expect(preview.unmatched).toEqual([]);
    expect(preview.rowsRead).toBe(fixture.score.gaps.length);
    expect(preview.changes).toEqual([
      {
        gapId: g1.gapId,
        row: 2,
        owner: { from: '', to: 'Jonas Weber' },
        due: { from: null, to: '2027-03-31' },
      },
      { gapId: g2.gapId, row: 3, status: { from: 'open', to: 'in-progress' } },
      {
        gapId: g3.gapId,
        row: 4,
        owner: { from: '', to: 'Łucja Żak' },
        due: { from: null, to: '2027-01-15' },
      },
    ]);
    expect(services.ws.trail.list(id).length).toBe(trailBefore); // a preview writes nothing

    const result = await reports.importApply(id, bytes, 'register.xlsx');
    expect(result.applied).toBe(3);
    const tracking = reports.tracking.all(id);
    expect(tracking.get(g1.gapId)).toEqual({
      owner: 'Jonas Weber',
      due: '2027-03-31',
      status: 'open',
      recommendation: '',
    });
    expect(tracking.get(g2.gapId)?.status).toBe('in-progress');
    const events = services.ws.trail.list(id).slice(trailBefore);
    expect(events.map((e) => e.action)).toEqual([
      'gap.tracked',
      'gap.tracked',
      'gap.tracked',
      'gap-register.imported',
    ]);
    expect(events[0]).toMatchObject({
      entity: 'gap',
      entityId: g1.gapId,
      data: { owner: { from: '', to: 'Jonas Weber' } },
    });
    expect(services.ws.trail.verify(id).ok).toBe(true);

    const { path: file2 } = await reports.export('gap-register', id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file2);
    const row = gapRowOf(wb.getWorksheet(GAP_REGISTER_SHEET)!, g1.gapId);
    expect(row.getCell(col('Owner')).value).toBe('Jonas Weber');
    expect(row.getCell(col('Due date')).value).toEqual(new Date('2027-03-31T00:00:00Z'));
    const again = await reports.importPreview(id, fs.readFileSync(file2), 'again.xlsx');
    expect(again.changes).toEqual([]);
    expect(again.unchanged).toBe(fixture.score.gaps.length);
  });

  it('lists unknown Gap IDs and applies the rows it can match', async () => {
    const { reports, fixture, id } = setup();
    const { path: file } = await reports.export('gap-register', id);
    const bytes = await edit(file, (ws) => {
      ws.getRow(2).getCell(col('Owner')).value = 'Ana';
      ws.getRow(3).getCell(col('Gap ID')).value = 'GAP-NOTAGAP1';
      ws.getRow(3).getCell(col('Owner')).value = 'Nobody';
    });
    const r = await reports.importApply(id, bytes, 'r.xlsx');
    expect(r.unmatched).toEqual([{ row: 3, gapId: 'GAP-NOTAGAP1' }]);
    expect(r.applied).toBe(1);
    expect(reports.tracking.all(id).get(fixture.score.gaps[0].gapId)?.owner).toBe('Ana');
  });

  it('lists bad dates, bad statuses and duplicate ids, and applies nothing', async () => {
    const { services, reports, fixture, id } = setup();
    const { path: file } = await reports.export('gap-register', id);
    const bytes = await edit(file, (ws) => {
      ws.getRow(2).getCell(col('Owner')).value = 'Would be applied';
      ws.getRow(3).getCell(col('Due date')).value = 'next Tuesday';
      ws.getRow(4).getCell(col('Due date')).value = '2027-02-30';
      ws.getRow(5).getCell(col('Status')).value = 'Done';
      ws.getRow(6).getCell(col('Gap ID')).value = fixture.score.gaps[0].gapId;
    });
    const trailBefore = services.ws.trail.list(id).length;
    const preview = await reports.importPreview(id, bytes, 'bad.xlsx');
    expect(preview.problems.map((p) => [p.row, p.column])).toEqual([
      [3, 'Due date'],
      [4, 'Due date'],
      [5, 'Status'],
      [6, 'Gap ID'],
    ]);
    expect(preview.problems[0]).toMatchObject({
      value: 'next Tuesday',
      message: expect.stringContaining('2027-03-31'),
    });
    await expect(reports.importApply(id, bytes, 'bad.xlsx')).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringMatching(/^Nothing was imported: 4 values/),
    });
    expect(reports.tracking.all(id).size).toBe(0);
    expect(services.ws.trail.list(id).length).toBe(trailBefore);
  });

  it('refuses another workbook, a register without its columns, and a file that is not a workbook', async () => {
    const { reports, id } = setup();
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Budget').addRow(['Item', 'Cost']);
    await expect(
      reports.importPreview(id, Buffer.from(await other.xlsx.writeBuffer()), 'budget.xlsx'),
    ).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringContaining('no sheet named "Gap register"'),
    });
    const { path: file } = await reports.export('gap-register', id);
    const noStatus = await edit(file, (ws) => {
      ws.getRow(1).getCell(col('Status')).value = 'State';
      ws.getRow(1).getCell(col('Owner')).value = null;
    });
    await expect(reports.importPreview(id, noStatus, 'r.xlsx')).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringContaining('no column "Owner", "Status"'),
    });
    await expect(
      reports.importPreview(id, Buffer.from('%PDF-1.7 not a workbook'), 'x.xlsx'),
    ).rejects.toMatchObject({
      code: 'invalid-file',
      message: expect.stringContaining('not an Excel workbook'),
    });
  });

  it('finds the columns by header when engineers moved them', async () => {
    const { reports, fixture, id } = setup();
    const { path: file } = await reports.export('gap-register', id);
    const bytes = await edit(file, (ws) => {
      ws.spliceColumns(2, 1); // drop "Scope type": every column after it moves left
      ws.getRow(2).getCell(col('Owner') - 1).value = 'Moved but found';
    });
    const preview = await reports.importPreview(id, bytes, 'moved.xlsx');
    expect(preview.problems).toEqual([]);
    expect(preview.changes).toEqual([
      { gapId: fixture.score.gaps[0].gapId, row: 2, owner: { from: '', to: 'Moved but found' } },
    ]);
  });
});

describe('reports from an interchange document (the audit package path)', () => {
  it('shows what the document shows: a finding left out of it is not in the report', async () => {
    const { reports, fixture, id } = setup();
    const doc = {
      format: 'zonewalk.assessment/2' as const,
      ...fixture.model,
      findings: fixture.model.findings.slice(1),
      evidence: fixture.evidence,
    };
    const input = reports.inputFromDocument(doc, {
      redaction: 'management',
      generatedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(input.model.findings.map((f) => f.id)).toEqual(fixture.model.findings.slice(1).map((f) => f.id));
    expect(input.redaction).toBe('management');
    expect(input.model.assessment.id).toBe(id);
    const chunks: Buffer[] = [];
    const { Writable } = await import('node:stream');
    await reports.write(
      'findings-report',
      input,
      new Writable({
        write(c, _e, cb) {
          chunks.push(c);
          cb();
        },
      }),
    );
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('hostile register cells', () => {
  it('reads a formula by its cached value and keeps formula-looking text as inert text on the way back out', async () => {
    const { reports, fixture, id } = setup();
    const { path: file } = await reports.export('gap-register', id);
    const bytes = await edit(file, (ws) => {
      ws.getRow(2).getCell(col('Owner')).value = {
        formula: 'HYPERLINK("http://evil.example","x")',
        result: 'Ana',
      };
      ws.getRow(3).getCell(col('Owner')).value = '=cmd|/c calc!A1';
      ws.getRow(4).getCell(col('Due date')).value = {
        formula: 'TODAY()+30',
        result: new Date(Date.UTC(2027, 0, 2)),
      };
    });
    await reports.importApply(id, bytes, 'hostile.xlsx');
    const tracking = reports.tracking.all(id);
    const [g1, g2, g3] = fixture.score.gaps;
    expect(tracking.get(g1.gapId)?.owner).toBe('Ana');
    expect(tracking.get(g2.gapId)?.owner).toBe('=cmd|/c calc!A1');
    expect(tracking.get(g3.gapId)?.due).toBe('2027-01-02');
    const { path: again } = await reports.export('gap-register', id);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(again);
    const cell = gapRowOf(wb.getWorksheet(GAP_REGISTER_SHEET)!, g2.gapId).getCell(col('Owner'));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=cmd|/c calc!A1');
  });
});
