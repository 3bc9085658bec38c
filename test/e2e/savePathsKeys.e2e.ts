import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { reopen } from './fieldHelpers';
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
    await expect.poll(() => dialog.getByLabel('or paste it').inputValue()).toBe(jonas.privatePem);
    await dialog.getByLabel('Its passphrase').fill('jonas passphrase');
    await dialog.getByRole('button', { name: 'Import key' }).click();
    await page.getByRole('status').getByText(`Imported Jonas (imported): ${jonas.fingerprint}`).waitFor();
    const [ana, old] = app.services.signing.list().filter((k) => k.name !== 'Jonas (imported)');

    app = await reopen(browser, app, dir, { hash: '#/keys' });
    page = app.page;
    await expect.poll(() => rows(page, 'key-row')).toHaveLength(3);
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
    await expect.poll(() => rows(page, 'key-row')).toHaveLength(2);
    expect((await rows(page, 'key-row')).sort()).toEqual(
      [`${ana.name} ${ana.fingerprint}`, `Jonas (imported) ${jonas.fingerprint}`].sort(),
    );
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
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
    await expect.poll(() => dialog.getByLabel('or paste it').inputValue()).toBe(tom.publicPem);
    await dialog.getByRole('button', { name: 'Trust key' }).click();
    await page.getByRole('status').getByText(`${tom.name} is trusted: ${tom.fingerprint}`).waitFor();

    app = await reopen(browser, app, dir, { hash: '#/keys' });
    page = app.page;
    await expect.poll(() => rows(page, 'trusted-row')).toHaveLength(2);
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
    await expect.poll(() => rows(page, 'trusted-row')).toEqual([`${mia.name} ${mia.fingerprint}`]);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('licensed overlay: import, then remove', async () => {
    const dir = tempDataDir();
    const hash = '#/catalogs/3-3/SR%201.1';
    let app = await openApp(browser, dir, { hash });
    let page = app.page;
    const state = () => page.getByTestId('overlay-state').textContent();
    await expect.poll(state).toMatch(/^Guidance, questions and evidence hints are Zonewalk/);
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
    await expect.poll(state).toMatch(/^Guidance, questions and evidence hints are Zonewalk/);
    await page
      .getByRole('heading', { name: /SR 1\.1/ })
      .first()
      .waitFor();
    expect(await page.getByTestId('licensed-text').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove overlay' }).count()).toBe(0);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
