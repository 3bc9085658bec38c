import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run';
import { uniformSl } from '../../../src/core/domain';
import { createServices } from '../../../src/main/services';
import { buildDemo } from '../../../src/main/services/demo';
import {
  GAP_REGISTER_HEADERS,
  GAP_REGISTER_SHEET,
} from '../../../src/main/services/reports/gapRegisterColumns';
import { readPdf, squash } from '../../helpers/pdfRead';
import { tempDir } from '../../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function demoWorkspace() {
  const dir = tempDir();
  const s = createServices(dir);
  const id = buildDemo(s).id;
  const score = s.score.get(id);
  const model = s.reports.input(id).model;
  s.ws.close();
  return { dir, id, score, model };
}

describe('zonewalk export xlsx|pdf and import-register', () => {
  it('exports the demo register with exactly the core gap list and the report with every zone', async () => {
    const { dir, id, score, model } = demoWorkspace();
    const out = tempDir();
    const x = await cli(['--data-dir', dir, 'export', 'xlsx', id, '--out', path.join(out, 'register.xlsx')]);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout.trim()).toBe(path.join(out, 'register.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, 'register.xlsx'));
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([...GAP_REGISTER_HEADERS]);
    expect(ws.rowCount).toBe(1 + score.gaps.length);
    expect(score.gaps.length).toBeGreaterThan(0);
    expect((ws.getColumn(1).values as unknown[]).slice(2)).toEqual(score.gaps.map((g) => g.gapId));

    const p = await cli(['--data-dir', dir, 'export', 'pdf', id, '--out', path.join(out, 'report.pdf')]);
    expect(p.code, p.stderr).toBe(0);
    const pdf = await readPdf(path.join(out, 'report.pdf'));
    const all = squash(pdf.pages.join('\n'));
    for (const z of model.zones) expect(all).toContain(squash(z.name));
    for (const f of model.findings) expect(all).toContain(squash(f.title));
    expect(spawnSync('qpdf', ['--check', path.join(out, 'report.pdf')]).status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['register.xlsx', 'report.pdf']);
  });

  it('fails with one line and leaves no file when the folder does not exist', async () => {
    const { dir, id } = demoWorkspace();
    const missing = path.join(tempDir(), 'no', 'such');
    const r = await cli(['--data-dir', dir, 'export', 'pdf', id, '--out', path.join(missing, 'r.pdf')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('does not exist');
    expect(fs.existsSync(missing)).toBe(false);
    const unknown = await cli([
      '--data-dir',
      dir,
      'export',
      'xlsx',
      'no-such-id',
      '--out',
      path.join(tempDir(), 'r.xlsx'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No assessment with id no-such-id');
  });

  it('imports owner, due date and status back; --dry-run writes nothing; bad values apply nothing', async () => {
    const { dir, id, score } = demoWorkspace();
    const out = tempDir();
    const file = path.join(out, 'register.xlsx');
    expect((await cli(['--data-dir', dir, 'export', 'xlsx', id, '--out', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    const c = (h: (typeof GAP_REGISTER_HEADERS)[number]) => GAP_REGISTER_HEADERS.indexOf(h) + 1;
    ws.getRow(2).getCell(c('Owner')).value = 'Shift lead East';
    ws.getRow(3).getCell(c('Status')).value = 'Resolved';
    ws.getRow(3).getCell(c('Due date')).value = new Date(Date.UTC(2027, 5, 30));
    await wb.xlsx.writeFile(file);

    const dry = await cli(['--data-dir', dir, 'import-register', id, file, '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`row 2\t${score.gaps[0].gapId}\towner "" -> "Shift lead East"`);
    expect(dry.stdout).toContain('Dry run: 2 gap(s) changed');
    const s1 = createServices(dir);
    expect(s1.reports.tracking.all(id).size).toBe(0);
    s1.ws.close();

    const applied = await cli(['--data-dir', dir, 'import-register', id, file]);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('Applied: 2 gap(s) changed');
    const s2 = createServices(dir);
    expect(s2.reports.tracking.all(id).get(score.gaps[1].gapId)).toMatchObject({
      status: 'resolved',
      due: '2027-06-30',
    });
    s2.ws.close();

    ws.getRow(4).getCell(c('Due date')).value = 'soon';
    await wb.xlsx.writeFile(file);
    const bad = await cli(['--data-dir', dir, 'import-register', id, file]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('row 4\tDue date\t"soon"');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('nothing imported');
  });

  it('runs as the built program: fonts and pdfmake resolve from out/', () => {
    const { dir, id } = demoWorkspace();
    const bin = path.resolve('out/main/zonewalk.js');
    expect(fs.existsSync(bin), 'run npm run build first').toBe(true);
    const out = path.join(tempDir(), 'r.pdf');
    const r = spawnSync(process.execPath, [bin, '--data-dir', dir, 'export', 'pdf', id, '--out', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('reports with real evidence', () => {
  it('lists the demo photo in the Evidence sheet and embeds its thumbnail under the finding', async () => {
    const dir = tempDir();
    const s = createServices(dir);
    const id = buildDemo(s).id;
    const finding = s.reports.input(id).model.findings[0];
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2a6fb0' } })
      .jpeg()
      .toBuffer();
    const added = await s.evidence.addBytes(id, {
      fileName: 'cabinet-3.jpg',
      bytes: photo,
      kind: 'photo',
      target: { kind: 'finding', id: finding.id },
    });
    const sha = added.item.sha256;
    const out = tempDir();
    const pdf = await s.reports.export('findings-report', id, { file: path.join(out, 'r.pdf') });
    const xlsx = await s.reports.export('gap-register', id, { file: path.join(out, 'r.xlsx') });
    s.ws.close();
    const images = spawnSync('pdfimages', ['-list', pdf.path], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(images[0]).toMatch(/\s256\s+192\s/); // the store's 256 px thumbnail, not the 640 px original
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx.path);
    const ev = wb.getWorksheet('Evidence')!;
    expect(ev.getRow(2).getCell(1).value).toBe('cabinet-3.jpg');
    expect(ev.getRow(2).getCell(2).value).toBe(sha);
    expect(String(ev.getRow(2).getCell(8).value)).toContain(`Finding: ${finding.title}`);
  });
});

describe('exports below 80% of the applicable items answered', () => {
  it('print the warning on stderr, still write the file, and mark every PDF page Preliminary', async () => {
    const dir = tempDir();
    const s = createServices(dir);
    const a = s.assessments.create({ title: 'Walk-down, day one' });
    s.zones.create(a.id, { name: 'Control', description: '', slTarget: uniformSl(2) });
    s.ws.close();
    const out = tempDir();
    for (const format of ['xlsx', 'pdf']) {
      const file = path.join(out, `r.${format}`);
      const r = await cli(['--data-dir', dir, 'export', format, a.id, '--out', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(file);
      expect(r.stderr).toMatch(
        /^zonewalk: warning: Only 0% of the applicable items are answered \(0 of \d+\)/,
      );
      expect(r.stderr).toContain('"Preliminary" on every page');
    }
    const pdf = await readPdf(path.join(out, 'r.pdf'));
    expect(pdf.pages.length).toBeGreaterThan(3);
    pdf.pages.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain('PRELIMINARY: 0% of the applicable items answered');
    });
  });

  it('say nothing on stderr for the demo, which is answered past 80%', async () => {
    const { dir, id, score } = demoWorkspace();
    expect(score.overall.answered / score.overall.total).toBeGreaterThanOrEqual(0.8);
    const file = path.join(tempDir(), 'r.pdf');
    const r = await cli(['--data-dir', dir, 'export', 'pdf', id, '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const pdf = await readPdf(file);
    expect(pdf.pages.some((p) => p.includes('PRELIMINARY'))).toBe(false);
  });
});
