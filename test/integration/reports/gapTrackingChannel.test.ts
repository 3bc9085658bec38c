import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildDemo } from '../../../src/main/services/demo';
import {
  GAP_REGISTER_HEADERS,
  GAP_REGISTER_SHEET,
} from '../../../src/main/services/reports/gapRegisterColumns';
import type { ExportResult, TrackedGap } from '../../../src/shared/contract/reports';
import { ok, openTestWorkspace } from '../../helpers/workspace';

const col = (h: (typeof GAP_REGISTER_HEADERS)[number]) => GAP_REGISTER_HEADERS.indexOf(h) + 1;

describe('reports.gapTracking: what the Findings table shows against a derived gap', () => {
  it('is empty before a register import and holds owner, due date and status after one', async () => {
    const { services, table } = openTestWorkspace();
    const id = buildDemo(services).id;
    expect(await ok(table['reports.gapTracking']({ assessmentId: id }))).toEqual({});

    const register = await ok<ExportResult>(table['reports.exportGapRegister']({ assessmentId: id }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(register.path);
    const row = wb.getWorksheet(GAP_REGISTER_SHEET)!.getRow(2);
    row.getCell(col('Owner')).value = 'Shift lead East';
    row.getCell(col('Due date')).value = new Date(Date.UTC(2027, 2, 31));
    row.getCell(col('Status')).value = 'In progress';
    const gapId = String(row.getCell(col('Gap ID')).value);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    fs.rmSync(register.path);
    await ok(
      table['reports.importRegisterApply']({
        assessmentId: id,
        file: { fileName: 'filled.xlsx', base64: bytes.toString('base64') },
      }),
    );

    const tracked = await ok<Record<string, TrackedGap>>(table['reports.gapTracking']({ assessmentId: id }));
    expect(tracked).toEqual({
      [gapId]: { owner: 'Shift lead East', due: '2027-03-31', status: 'in-progress' },
    });
  });

  it('answers an unknown assessment with a sentence, not an empty list', async () => {
    const { table } = openTestWorkspace();
    const r = await table['reports.gapTracking']({ assessmentId: 'no-such-assessment' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/^No assessment/) },
    });
  });
});
