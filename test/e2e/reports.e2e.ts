import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniformSl } from '../../src/core/domain';
import { buildDemo } from '../../src/main/services/demo';
import { GAP_REGISTER_HEADERS, GAP_REGISTER_SHEET } from '../../src/main/services/reports/gapRegisterColumns';
import { launchChromium, ORIGIN, openApp, tempDataDir } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('Export section in Chromium', () => {
  it('exports both reports with progress, then imports a filled-in register after a preview', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const { page, services } = app;
    const id = buildDemo(services).id;
    await page.goto(`${ORIGIN}/index.html#/a/${id}/export`);
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    // Scoped to this section: the workspace frame around it is the shell's (it has no <main> landmark yet).
    const axe = await new AxeBuilder({ page }).include('.workspace-main').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);

    await page.getByRole('button', { name: 'Export both' }).click();
    await page.getByRole('progressbar').first().waitFor({ timeout: 5_000 });
    const written = page.getByTestId('written-files').locator('li');
    await expect.poll(() => written.count(), { timeout: 20_000 }).toBe(2);
    const files = fs.readdirSync(path.join(dir, 'exports')).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/_findings-report_.*\.pdf$/);
    expect(files[1]).toMatch(/_gap-register_.*\.xlsx$/);
    expect(await written.first().textContent()).toContain(path.join(dir, 'exports'));

    // An engineer fills in the register in Excel.
    const register = path.join(dir, 'exports', files[1]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(register);
    const ws = wb.getWorksheet(GAP_REGISTER_SHEET)!;
    ws.getRow(2).getCell(GAP_REGISTER_HEADERS.indexOf('Owner') + 1).value = 'Shift lead East';
    const filled = path.join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);

    await page.getByLabel('Gap register (.xlsx)').setInputFiles(filled);
    const preview = page.getByTestId('register-preview');
    await preview.getByText('1 with changes').waitFor();
    expect(services.reports.tracking.all(id).size).toBe(0);
    await page.getByRole('button', { name: 'Apply 1 change' }).click();
    await page.getByText('Applied 1 change from filled.xlsx.').waitFor();
    const gapId = String(ws.getRow(2).getCell(1).value);
    expect(services.reports.tracking.all(id).get(gapId)?.owner).toBe('Shift lead East');
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says under the file written that an export below 80% answered is preliminary', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const id = app.services.assessments.create({ title: 'Day one' }).id;
    app.services.zones.create(id, { name: 'Control', description: '', slTarget: uniformSl(2) });
    await app.page.goto(`${ORIGIN}/index.html#/a/${id}/export`);
    await app.page.getByRole('button', { name: 'Export findings report' }).click();
    const note = app.page.getByTestId('written-files').getByRole('note');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.textContent()).toMatch(
      /^Only 0% of the applicable items are answered .*"Preliminary" on every page/,
    );
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the reason when the folder does not exist and writes nothing', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const id = app.services.assessments.create({ title: 'Empty plant' }).id;
    await app.page.goto(`${ORIGIN}/index.html#/a/${id}/export`);
    await app.page.getByLabel(/^Folder/).fill(path.join(dir, 'no-such-folder'));
    await app.page.getByRole('button', { name: 'Export findings report' }).click();
    await app.page
      .getByRole('alert')
      .getByText(/does not exist/)
      .waitFor();
    expect(fs.existsSync(path.join(dir, 'no-such-folder'))).toBe(false);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
