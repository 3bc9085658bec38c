import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scoreAssessment } from '../../../src/core/scoring/scoreAssessment';
import { writeAtomically } from '../../../src/main/fsAtomic';
import {
  GAP_REGISTER_HEADERS,
  GAP_REGISTER_SHEET,
} from '../../../src/main/services/reports/gapRegisterColumns';
import { writeGapRegister } from '../../../src/main/services/reports/gapRegisterWriter';
import type { ReportInput } from '../../../src/main/services/reports/reportInput';
import { INJECTIONS, makeReportInput, NAMES } from '../../helpers/reportFixture';
import { withTmpfs } from '../../helpers/tmpfs';
import { tempDir } from '../../helpers/workspace';

async function exportAndRead(input: ReportInput) {
  const file = path.join(tempDir(), 'register.xlsx');
  await writeAtomically(file, 'the gap register', (out) => writeGapRegister(input, out));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { file, wb };
}

function rowValues(ws: ExcelJS.Worksheet, n: number): unknown[] {
  return (ws.getRow(n).values as unknown[]).slice(1);
}

describe('gap register', () => {
  it('writes the exact header and one row per core gap, nothing below', async () => {
    const input = makeReportInput({ gaps: 40 });
    const { wb } = await exportAndRead(input);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Gap register',
      'Open questions',
      'Compensating controls',
      'Not applicable',
      'Findings',
      'Zones',
      'Assets',
      'SMS maturity',
      'Evidence',
    ]);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    expect(rowValues(ws, 1)).toEqual([...GAP_REGISTER_HEADERS]);
    expect(ws.actualRowCount).toBe(1 + input.score.gaps.length);
    expect(ws.rowCount).toBe(1 + input.score.gaps.length);
    input.score.gaps.forEach((g, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toBe(g.gapId);
      expect(row.getCell(3).value).toBe(g.scopeName);
      expect(row.getCell(6).value).toBe(g.requirement);
      expect(row.getCell(7).value).toBe(g.title);
    });
  });
});

describe('gap register against the core', () => {
  it('has exactly the gap list scoreAssessment derives: ids, requirements, scopes, severities', async () => {
    const input = makeReportInput({ realScore: true });
    // Edition 2: only answered items are gap rows, so every zone and asset item is found not met.
    const answer = input.model.responses.find((r) => r.scope.kind === 'zone')!;
    const scopes = [
      ...input.model.zones.map((z) => ({ scope: { kind: 'zone' as const, id: z.id }, part: '3-3' as const })),
      ...input.model.assets.map((a) => ({
        scope: { kind: 'asset' as const, id: a.id },
        part: '4-2' as const,
      })),
    ];
    for (const { scope, part } of scopes)
      for (const r of input.catalogs[part].requirements)
        input.model.responses.push({ ...answer, scope, requirement: r.id });
    input.score = scoreAssessment(input.model, input.catalogs);
    expect(input.score.gaps.length).toBeGreaterThan(500);
    const { wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    const col = (h: (typeof GAP_REGISTER_HEADERS)[number]) => GAP_REGISTER_HEADERS.indexOf(h) + 1;
    const read = [];
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      read.push({
        gapId: row.getCell(col('Gap ID')).value,
        scope: row.getCell(col('Scope')).value,
        requirement: row.getCell(col('Requirement')).value,
        severity: String(row.getCell(col('Severity')).value).toLowerCase(),
      });
    }
    expect(read).toEqual(
      input.score.gaps.map((g) => ({
        gapId: g.gapId,
        scope: g.scopeName,
        requirement: g.requirement,
        severity: g.severity,
      })),
    );
    expect(new Set(read.map((r) => r.gapId)).size).toBe(read.length);
  });
});

describe('gap register cells', () => {
  it('freezes the header, filters, validates Severity and Status, fills severities, keeps dates as dates', async () => {
    const input = makeReportInput({ gaps: 12 });
    const { wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:S13');
    const col = (h: string) => GAP_REGISTER_HEADERS.indexOf(h as (typeof GAP_REGISTER_HEADERS)[number]) + 1;
    const sevCell = ws.getRow(2).getCell(col('Severity'));
    expect(sevCell.value).toBe('Critical');
    expect(sevCell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect((sevCell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF[0-9A-F]{6}$/);
    const fills = new Set(
      [2, 3, 4, 5].map(
        (r) => (ws.getRow(r).getCell(col('Severity')).fill as ExcelJS.FillPattern).fgColor?.argb,
      ),
    );
    expect(fills.size).toBe(4);
    const sevValidation = ws.getRow(13).getCell(col('Severity')).dataValidation;
    expect(sevValidation).toMatchObject({ type: 'list', formulae: ['"Critical,High,Medium,Low"'] });
    const statusValidation = ws.getRow(2).getCell(col('Status')).dataValidation;
    expect(statusValidation).toMatchObject({
      type: 'list',
      formulae: ['"Open,In progress,Resolved,Accepted"'],
    });
    // Tracked gap 2 carries owner, a real date and a status.
    const tracked = ws.getRow(3);
    expect(tracked.getCell(col('Owner')).value).toBe('Jonas Weber');
    const due = tracked.getCell(col('Due date'));
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString()).toBe('2027-01-15T00:00:00.000Z');
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(tracked.getCell(col('Status')).value).toBe('In progress');
    expect(tracked.getCell(col('Recommendation')).value).toBe('Replace the shared account.');
    expect(ws.getRow(2).getCell(col('Status')).value).toBe('Open');
    expect(ws.getRow(2).getCell(col('Comment')).alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(col('Title')).width).toBeGreaterThan(30);
    expect(ws.getRow(2).getCell(col('SL-T')).value).toBe(2);
  });

  it('writes text that starts with = + - @ tab or CR as plain string cells, never formulas', async () => {
    const input = makeReportInput({ gaps: 10 });
    const { file, wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    const comment = GAP_REGISTER_HEADERS.indexOf('Comment') + 1;
    INJECTIONS.forEach((text, i) => {
      const cell = ws.getRow(i + 2).getCell(comment);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(text.replace('\r', '\n'));
      expect(cell.formula).toBeUndefined();
    });
    const findings = wb.getWorksheet('Findings')!;
    const titles = findings.getColumn(2).values as unknown[];
    expect(titles).toContain(INJECTIONS[0]);
    const xml = await (await import('../../helpers/zipEntries')).zipTexts(file);
    for (const [name, text] of xml) {
      if (!name.startsWith('xl/worksheets/')) continue;
      expect(text, name).not.toMatch(/<f[ >]/);
      expect(text, name).not.toMatch(/t="str"/);
    }
  });

  it('sets title and creator, fills the summary, zones, assets, maturity and evidence sheets', async () => {
    const input = makeReportInput({ gaps: 30, evidence: 3 });
    const { wb } = await exportAndRead(input);
    expect(wb.title).toBe('Gap register: Waterworks Nord 2026');
    expect(wb.creator).toContain('Ana Kovač');
    const summary = wb.getWorksheet('Summary')!;
    const text = JSON.stringify(summary.getSheetValues());
    for (const s of [
      'Waterworks Nord 2026',
      'Stadtwerke Nord',
      'Nordhafen treatment plant',
      input.signer!.fingerprint,
      NAMES.german,
      'Critical',
    ])
      expect(text).toContain(s);
    const start = summary.getColumn(1).values.indexOf('Start date');
    expect(summary.getRow(start).getCell(2).value).toEqual(new Date('2026-11-23T00:00:00Z'));
    const zones = wb.getWorksheet('Zones')!;
    expect(zones.rowCount).toBe(1 + 3 * 5 + 1 * 3);
    expect(zones.getRow(2).getCell(2).value).toBe('Enterprise');
    const assets = wb.getWorksheet('Assets')!;
    expect(assets.rowCount).toBe(1 + input.model.assets.length);
    const sms = wb.getWorksheet('SMS maturity')!;
    expect(sms.rowCount).toBe(
      1 + input.catalogs['2-1'].requirements.filter((r) => r.kind === 'requirement').length,
    );
    const ev = wb.getWorksheet('Evidence')!;
    expect(ev.getRow(2).getCell(2).value).toBe(input.evidence[0].sha256);
    expect(ev.getRow(2).getCell(9).value).toMatchObject({
      hyperlink: expect.stringContaining(input.evidence[0].sha256),
    });
    for (const name of ['Findings', 'Zones', 'Assets', 'SMS maturity', 'Evidence']) {
      const sheet = wb.getWorksheet(name)!;
      expect(sheet.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, name).toBeTruthy();
    }
  });

  it('exports an empty assessment: header only, sheets still there, summary says so', async () => {
    const input = makeReportInput({ zones: 0, gaps: 0, findings: 0, evidence: 0 });
    const { wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    expect(ws.rowCount).toBe(1);
    expect(rowValues(ws, 1)).toEqual([...GAP_REGISTER_HEADERS]);
    expect(JSON.stringify(wb.getWorksheet('Summary')!.getSheetValues())).toContain(
      'No zones in this assessment yet.',
    );
  });

  it('survives control characters, lone surrogates and text longer than an Excel cell', async () => {
    const input = makeReportInput({ gaps: 3 });
    input.score.gaps[0].comment = `bell\u0007 nul\u0000 lone\uD800 ok`;
    input.score.gaps[1].comment = 'x'.repeat(40_000);
    const { wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    const comment = GAP_REGISTER_HEADERS.indexOf('Comment') + 1;
    expect(ws.getRow(2).getCell(comment).value).toBe('bell\uFFFD nul\uFFFD lone\uFFFD ok');
    expect(String(ws.getRow(3).getCell(comment).value).length).toBeLessThanOrEqual(32_767);
  });
});

describe('writing the register to disk', () => {
  it('leaves no file when the stream fails part-way (disk full)', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'register.xlsx');
    let written = 0;
    const failing = (tmp: string) => {
      const fd = fs.openSync(tmp, 'w');
      return new Writable({
        write(chunk: Buffer, _enc, cb) {
          written += chunk.length;
          if (written > 4096) {
            const err = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
            return cb(err);
          }
          fs.writeSync(fd, chunk);
          cb();
        },
        final(cb) {
          fs.closeSync(fd);
          cb();
        },
      });
    };
    await expect(
      writeAtomically(
        target,
        'the gap register',
        (out) => writeGapRegister(makeReportInput({ gaps: 2000 }), out),
        {
          createStream: failing,
        },
      ),
    ).rejects.toMatchObject({ code: 'disk-full', message: expect.stringContaining('disk is full') });
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says clearly when the folder does not exist or cannot be written', async () => {
    const dir = tempDir();
    await expect(
      writeAtomically(path.join(dir, 'nope', 'r.xlsx'), 'the gap register', (out) =>
        writeGapRegister(makeReportInput(), out),
      ),
    ).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('does not exist') });
    const denied = () => {
      const w = new Writable({ write: (_c, _e, cb) => cb() });
      setImmediate(() =>
        w.emit('error', Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })),
      );
      return w;
    };
    await expect(
      writeAtomically(
        path.join(dir, 'r.xlsx'),
        'the gap register',
        (out) => writeGapRegister(makeReportInput(), out),
        {
          createStream: denied,
        },
      ),
    ).rejects.toMatchObject({ code: 'not-writable', message: expect.stringContaining('permission denied') });
    expect(fs.readdirSync(dir)).toEqual([]);
    // A real folder the process cannot write: read-only by mode for a normal user; root writes
    // anywhere, so for root a read-only mount.
    const readOnly = async (folder: string) => {
      await expect(
        writeAtomically(path.join(folder, 'r.xlsx'), 'the gap register', (out) =>
          writeGapRegister(makeReportInput(), out),
        ),
      ).rejects.toMatchObject({ code: 'not-writable' });
      expect(fs.readdirSync(folder)).toEqual([]);
    };
    if (process.getuid?.() === 0) {
      await withTmpfs('ro,size=1m', readOnly);
      return;
    }
    fs.chmodSync(dir, 0o500);
    try {
      await readOnly(dir);
    } finally {
      fs.chmodSync(dir, 0o700);
    }
  });
});

describe('gap register recommendations', () => {
  it("takes the catalog's recommendation, worded for the asset's component type, never a generic one", async () => {
    const input = makeReportInput({ realScore: true });
    // Gap rows are answered items only: CR 1.1 found not met on the EDR and the HDR of zone z1.
    const answer = input.model.responses.find((r) => r.scope.kind === 'zone')!;
    for (const id of ['a0-1', 'a0-2'])
      input.model.responses.push({ ...answer, scope: { kind: 'asset', id }, requirement: 'CR 1.1' });
    input.score = scoreAssessment(input.model, input.catalogs);
    const { wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    const col = (h: (typeof GAP_REGISTER_HEADERS)[number]) => GAP_REGISTER_HEADERS.indexOf(h) + 1;
    const byId = new Map<string, string>();
    for (let r = 2; r <= ws.rowCount; r++)
      byId.set(
        String(ws.getRow(r).getCell(col('Gap ID')).value),
        String(ws.getRow(r).getCell(col('Recommendation')).value),
      );
    const find = (part: '2-1' | '3-3' | '4-2', id: string) =>
      input.catalogs[part].requirements.find((r) => r.id === id)!;
    const cr11 = find('4-2', 'CR 1.1');
    const edrGap = input.score.gaps.find(
      (g) => g.scope.kind === 'asset' && g.requirement === 'CR 1.1' && g.scope.id === 'a0-1',
    )!;
    expect(byId.get(edrGap.gapId)).toBe(cr11.recommendationByType!.EDR);
    const hdrGap = input.score.gaps.find(
      (g) => g.scope.kind === 'asset' && g.requirement === 'CR 1.1' && g.scope.id === 'a0-2',
    )!;
    expect(byId.get(hdrGap.gapId)).toBe(cr11.recommendationByType!.HDR);
    const zoneGap = input.score.gaps.find((g) => g.scope.kind === 'zone' && g.requirement === 'SR 1.1')!;
    expect(byId.get(zoneGap.gapId)).toBe(find('3-3', 'SR 1.1').recommendation);
    const orgGap = input.score.gaps.find((g) => g.scope.kind === 'organisation')!;
    expect(byId.get(orgGap.gapId)).toBe(find('2-1', orgGap.requirement).recommendation);
    for (const text of byId.values()) {
      expect(text).not.toMatch(/Implement this requirement/);
      expect(text.length).toBeGreaterThan(20);
    }
  });

  it("keeps the auditor's own recommendation for a tracked gap", async () => {
    const input = makeReportInput({ gaps: 12 });
    const { wb } = await exportAndRead(input);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    const cell = ws.getRow(3).getCell(GAP_REGISTER_HEADERS.indexOf('Recommendation') + 1);
    expect(cell.value).toBe('Replace the shared account.');
  });
});
