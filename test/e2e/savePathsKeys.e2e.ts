import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { buildDemo } from '../../src/main/services/demo';
import { GAP_REGISTER_HEADERS, GAP_REGISTER_SHEET } from '../../src/main/services/reports/gapRegisterColumns';
import { finish, goto, reopen, SETTLED } from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';
import { overlayFile } from './seed';

// Save paths outside an assessment's checklist and evidence: signing keys, the trust list, licensed
// overlays and the gap register's return trip. Change, save, reopen on a fresh handler table, see it.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Each row of a keys table as "name fingerprint". */
async function rows(page: Page, testId: 'key-row' | 'trusted-row'): Promise<string[]> {
  return page
    .getByTestId(testId)
    .evaluateAll((trs) =>
      trs.map(
        (tr) => `${tr.querySelector('td')?.firstChild?.textContent} ${tr.querySelector('code')?.textContent}`,
      ),
    );
}

/** Another auditor's workspace: a key to import (encrypted PEM and its passphrase) and public keys to trust. */
function colleagues() {
  const dir = tempDataDir('zonewalk-e2e-colleague-');
  const s = createServices(dir);
  const jonas = s.signing.create('Jonas Weber', 'jonas passphrase');
  const mia = s.signing.create('Mia Novak', 'mia passphrase');
  const tom = s.signing.create('Tom Berg', 'tom passphrase');
  const keys = {
    jonas: { ...jonas, privatePem: s.signing.exportPrivate(jonas.name).pem },
    mia: { ...mia, publicPem: s.signing.exportPublic(mia.name).pem },
    tom: { ...tom, publicPem: s.signing.exportPublic(tom.name).pem },
  };
  s.ws.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return keys;
}

describe('key, trust and overlay save paths survive a reload', () => {
  it('signing keys: create, import from a file, delete', async () => {
    const { jonas } = colleagues();
    const dir = tempDataDir();
    let app = await openApp(browser, dir, { hash: '#/keys' });
    let page = app.page;
    await page.getByText('No signing key yet.').waitFor();
    const create = async (name: string) => {
      await page.getByRole('button', { name: 'Create key' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Create signing key' });
      await dialog.getByLabel('Name').fill(name);
      await dialog.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
      await dialog.getByLabel('Repeat passphrase').fill('correct horse battery');
      await dialog.getByRole('button', { name: 'Create key' }).click();
      await page.getByRole('status').getByText(`Created ${name}:`).waitFor();
    };
    await create('Ana Kovač');
    await create('Old laptop');
    await page.getByRole('button', { name: 'Import key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import signing key' });
    await dialog.getByLabel('Name').fill('Jonas (imported)');
    await dialog.getByLabel('Encrypted private key (PEM)').setInputFiles({
      name: 'jonas.private.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(jonas.privatePem),
    });
    await expect.poll(() => dialog.getByLabel('or paste it').inputValue(), SETTLED).toBe(jonas.privatePem);
    await dialog.getByLabel('Its passphrase').fill('jonas passphrase');
    await dialog.getByRole('button', { name: 'Import key' }).click();
    await page.getByRole('status').getByText(`Imported Jonas (imported): ${jonas.fingerprint}`).waitFor();
    const [ana, old] = app.services.signing.list().filter((k) => k.name !== 'Jonas (imported)');

    app = await reopen(browser, app, dir, { hash: '#/keys' });
    page = app.page;
    await expect.poll(() => rows(page, 'key-row'), SETTLED).toHaveLength(3);
    expect((await rows(page, 'key-row')).sort()).toEqual(
      [
        `${ana.name} ${ana.fingerprint}`,
        `Jonas (imported) ${jonas.fingerprint}`,
        `${old.name} ${old.fingerprint}`,
      ].sort(),
    );
    await page
      .getByTestId('key-row')
      .filter({ hasText: 'Old laptop' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByRole('button', { name: 'Delete key' }).click();
    await page.getByRole('status').getByText('Deleted Old laptop.').waitFor();

    app = await reopen(browser, app, dir, { hash: '#/keys' });
    page = app.page;
    await expect.poll(() => rows(page, 'key-row'), SETTLED).toHaveLength(2);
    expect((await rows(page, 'key-row')).sort()).toEqual(
      [`${ana.name} ${ana.fingerprint}`, `Jonas (imported) ${jonas.fingerprint}`].sort(),
    );
    await finish(app, dir);
  });

  it('trusted auditors: add by pasting and by file, remove one', async () => {
    const { mia, tom } = colleagues();
    const dir = tempDataDir();
    let app = await openApp(browser, dir, { hash: '#/keys' });
    let page = app.page;
    await page.getByText('No trusted keys yet.').waitFor();
    const dialog = page.getByRole('dialog', { name: 'Add trusted key' });
    await page.getByRole('button', { name: 'Add trusted key' }).click();
    await dialog.getByLabel("Auditor's name").fill(mia.name);
    await dialog.getByLabel('or paste it').fill(mia.publicPem);
    await dialog.getByRole('button', { name: 'Trust key' }).click();
    await page.getByRole('status').getByText(`${mia.name} is trusted: ${mia.fingerprint}`).waitFor();
    await page.getByRole('button', { name: 'Add trusted key' }).click();
    await dialog.getByLabel("Auditor's name").fill(tom.name);
    await dialog.getByLabel('Public key (PEM)').setInputFiles({
      name: 'tom.public.pem',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(tom.publicPem),
    });
    await expect.poll(() => dialog.getByLabel('or paste it').inputValue(), SETTLED).toBe(tom.publicPem);
    await dialog.getByRole('button', { name: 'Trust key' }).click();
    await page.getByRole('status').getByText(`${tom.name} is trusted: ${tom.fingerprint}`).waitFor();

    app = await reopen(browser, app, dir, { hash: '#/keys' });
    page = app.page;
    await expect.poll(() => rows(page, 'trusted-row'), SETTLED).toHaveLength(2);
    expect((await rows(page, 'trusted-row')).sort()).toEqual(
      [`${mia.name} ${mia.fingerprint}`, `${tom.name} ${tom.fingerprint}`].sort(),
    );
    await page
      .getByTestId('trusted-row')
      .filter({ hasText: tom.name })
      .getByRole('button', { name: 'Remove' })
      .click();
    await page
      .getByRole('dialog', { name: 'Remove trusted key?' })
      .getByRole('button', { name: 'Remove' })
      .click();
    await page.getByRole('status').getByText(`${tom.name} is no longer trusted.`).waitFor();

    app = await reopen(browser, app, dir, { hash: '#/keys' });
    page = app.page;
    await expect.poll(() => rows(page, 'trusted-row'), SETTLED).toEqual([`${mia.name} ${mia.fingerprint}`]);
    await finish(app, dir);
  });

  it('licensed overlay: import, then remove', async () => {
    const dir = tempDataDir();
    const hash = '#/catalogs/3-3/SR%201.1';
    let app = await openApp(browser, dir, { hash });
    let page = app.page;
    const state = () => page.getByTestId('overlay-state').textContent();
    await expect.poll(state, SETTLED).toMatch(/^Guidance, questions and evidence hints are Zonewalk/);
    await page
      .getByLabel('Licensed overlay file')
      .setInputFiles(
        overlayFile('iec-62443-3-3:2013', [
          { id: 'SR 1.1', text: 'Stand-in for the licensed wording of SR 1.1.' },
        ]),
      );
    await page
      .getByRole('status')
      .getByText(/^Imported Plant licence 2026\.1/)
      .waitFor();

    app = await reopen(browser, app, dir, { hash });
    page = app.page;
    await expect
      .poll(state)
      .toMatch(/^Licensed overlay: Plant licence 2026\.1 · official text for 1 requirements/);
    await page
      .getByTestId('licensed-text')
      .getByText('Stand-in for the licensed wording of SR 1.1.')
      .waitFor();
    await page.getByRole('button', { name: 'Remove overlay' }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page
      .getByRole('status')
      .getByText(/^Removed Plant licence 2026\.1/)
      .waitFor();

    app = await reopen(browser, app, dir, { hash });
    page = app.page;
    await expect.poll(state, SETTLED).toMatch(/^Guidance, questions and evidence hints are Zonewalk/);
    await page
      .getByRole('heading', { name: /SR 1\.1/ })
      .first()
      .waitFor();
    expect(await page.getByTestId('licensed-text').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove overlay' }).count()).toBe(0);
    await finish(app, dir);
  });

  it('gap register: exported, Owner and Due date filled in Excel, imported, shown on the gap in Findings', async () => {
    const dir = tempDataDir();
    const seed = createServices(dir);
    const id = buildDemo(seed).id;
    seed.ws.close();
    let app = await openApp(browser, dir, { hash: `#/a/${id}/export` });
    let page = app.page;
    await page.getByRole('button', { name: 'Export gap register' }).click();
    await expect
      .poll(() => page.getByTestId('written-files').locator('li').count(), { timeout: 30_000 })
      .toBe(1);
    const [written] = fs.readdirSync(path.join(dir, 'exports'));

    // An engineer fills in the first gap's owner and due date.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'exports', written));
    const row = wb.getWorksheet(GAP_REGISTER_SHEET)!.getRow(2);
    const cell = (header: (typeof GAP_REGISTER_HEADERS)[number]) =>
      row.getCell(GAP_REGISTER_HEADERS.indexOf(header) + 1);
    cell('Owner').value = 'Shift lead East';
    cell('Due date').value = new Date(Date.UTC(2027, 2, 31));
    const gap = { requirement: String(cell('Requirement').value), title: String(cell('Title').value) };
    const scope = String(cell('Scope').value);
    const filled = path.join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);

    await page.getByLabel('Gap register (.xlsx)').setInputFiles(filled);
    await page.getByTestId('register-preview').getByText('1 with changes').waitFor();
    await page.getByRole('button', { name: 'Apply 1 change' }).click();
    await page.getByText('Applied 1 change from filled.xlsx.').waitFor();

    app = await reopen(browser, app, dir, { hash: `#/a/${id}/findings` });
    page = app.page;
    await page.getByLabel('Text').fill(gap.title);
    const gapRow = page
      .locator('tr[data-kind="gap"]')
      .filter({ hasText: `${gap.requirement} ${gap.title}` })
      .filter({ hasText: scope });
    await expect.poll(() => gapRow.count(), SETTLED).toBe(1);
    const cells = gapRow.locator('td');
    await expect.poll(() => cells.nth(5).textContent(), SETTLED).toBe('Shift lead East');
    expect(await cells.nth(6).textContent()).toBe('2027-03-31');
    // The same register read again: nothing left to change.
    await goto(page, `#/a/${id}/export`);
    await page.getByLabel('Gap register (.xlsx)').setInputFiles(filled);
    await page.getByTestId('register-preview').getByText('0 with changes').waitFor();
    await finish(app, dir);
  });
});
