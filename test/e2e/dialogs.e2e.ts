import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { fakeDialogs } from '../helpers/desktop';
import { writeTestPackage } from '../helpers/packages';
import { launchChromium, openApp, tempDataDir } from './harness';

// The harness takes a fake platform in place of Electron's dialogs: each answers what the test set
// (null: Cancel) and records what the window asked for, so the real UI's Browse… buttons run end to end.

const PASS = 'correct horse battery';

let browser: Browser;
const cleanup: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

/** What the workspace's default exports folder holds (it is made on first use). */
const exportsFolder = (dir: string) =>
  fs.existsSync(path.join(dir, 'exports')) ? fs.readdirSync(path.join(dir, 'exports')) : [];

function dirs() {
  const dir = tempDataDir();
  const usb = tempDataDir('zonewalk-e2e-usb-');
  cleanup.push(dir, usb);
  return { dir, usb };
}

describe('native dialogs behind Browse… in Chromium', () => {
  it('a plain browser gets no Browse… button, only the typed field', async () => {
    const { dir } = dirs();
    const app = await openApp(browser, dir, { hash: '#/verify' });
    await app.page.getByLabel('Path of the .audit.zip file').waitFor();
    await app.page.getByRole('button', { name: 'Verify', exact: true }).waitFor();
    expect(await app.page.getByRole('button', { name: /Browse/ }).count()).toBe(0);
    await app.close();
  });

  it('verify: Browse… fills the field from the open dialog (Cancel leaves it empty), then Verify checks it', async () => {
    const { dir, usb } = dirs();
    const pkg = await writeTestPackage(usb);
    const fake = fakeDialogs();
    const app = await openApp(browser, dir, { hash: '#/verify', platform: fake.platform });
    const { page } = app;
    const field = page.getByRole('textbox', { name: 'Path of the .audit.zip file' });
    const browse = page.getByRole('button', { name: 'Path of the .audit.zip file: Browse…' });

    await browse.click();
    await expect.poll(() => fake.asked.length).toBe(1);
    expect(await field.inputValue()).toBe('');
    expect(await page.getByRole('button', { name: 'Verify', exact: true }).isDisabled()).toBe(true);

    fake.answer.path = pkg.path;
    await browse.click();
    await expect.poll(() => field.inputValue()).toBe(pkg.path);
    expect(fake.asked[1]).toEqual({
      dialog: 'file',
      opts: {
        title: 'Choose an audit package',
        filters: [{ name: 'Audit packages (.audit.zip)', extensions: ['zip'] }],
      },
    });
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toMatch(
      /^Valid, but the signer is not in your trust list/,
    );
    expect(app.foreignRequests).toEqual([]);
    await app.close();
  });

  it('export: Browse… chooses the export folder and the signed package is written there', async () => {
    const { dir, usb } = dirs();
    const seed = createServices(dir);
    const a = seed.assessments.create({ title: 'Waterworks Nord 2026' });
    seed.signing.create('Ana Kovač', PASS);
    seed.ws.close();
    const fake = fakeDialogs();
    const app = await openApp(browser, dir, { hash: `#/a/${a.id}/export`, platform: fake.platform });
    const { page } = app;
    await page.getByRole('heading', { name: 'Signed audit package' }).waitFor();
    fake.answer.path = usb;
    await page.getByRole('button', { name: 'Export folder: Browse…' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Export folder' }).inputValue()).toBe(usb);
    expect(fake.asked).toEqual([{ dialog: 'folder', opts: { title: 'Choose the export folder' } }]);
    // The reports' own folder field is separate and still empty.
    expect(await page.getByRole('textbox', { name: 'Folder for the reports' }).inputValue()).toBe('');

    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    const written = fs.readdirSync(usb).sort();
    expect(written).toHaveLength(3);
    const pkg = written.find((n) => n.endsWith('.audit.zip'));
    expect(pkg).toMatch(/^waterworks-nord-2026_\d{8}T\d{6}Z\.audit\.zip$/);
    expect(await page.getByTestId('export-result').textContent()).toContain(path.join(usb, pkg ?? ''));
    await app.close();
  });

  it('signing keys: Export public key… saves where the save dialog says; Cancel writes nothing', async () => {
    const { dir, usb } = dirs();
    const seed = createServices(dir);
    seed.signing.create('Ana Kovač', PASS);
    seed.ws.close();
    const fake = fakeDialogs();
    const app = await openApp(browser, dir, { hash: '#/keys', platform: fake.platform });
    const { page } = app;
    const exportPublic = page.getByRole('button', { name: 'Export public key…' });

    await exportPublic.click();
    await expect.poll(() => fake.asked.length).toBe(1);
    expect(fake.asked[0]).toEqual({
      dialog: 'save',
      opts: {
        title: 'Save the public key',
        defaultName: 'Ana-Kovac.pub.pem',
        filters: [{ name: 'PEM keys', extensions: ['pem', 'pub', 'key'] }],
      },
    });
    expect(await page.getByRole('status').count()).toBe(0);
    expect(exportsFolder(dir)).toEqual([]);
    expect(fs.readdirSync(usb)).toEqual([]);

    const target = path.join(usb, 'ana for the client.pem');
    fake.answer.path = target;
    await exportPublic.click();
    await page.getByText(`Public key of Ana Kovač saved to ${target}.`).waitFor();
    expect(fs.readFileSync(target, 'utf8')).toBe(app.services.signing.unlock('Ana Kovač', PASS).publicPem);
    expect(exportsFolder(dir)).toEqual([]);
    await app.close();
  });
});
