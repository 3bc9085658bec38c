import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Zone } from '../../src/core/model';
import { goto, invoke, reopen } from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';

// The add dialogs of the zones page and the evidence note share one form dialog: focus lands on the
// first field, Enter submits only a complete form, Escape closes, a failed save keeps the dialog open.
// Confirmations (delete an asset, a signing key) share one too: Cancel leaves all, a failure stays in place.

let browser: Browser;
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const SL1 = { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 };

/** The accessible name of the focused element's label, as a user hears it. */
const focusedLabel = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim());

/** A fresh workspace in the window, with one assessment. */
async function withAssessment(title: string) {
  const dir = tempDataDir();
  dirs.push(dir);
  const app = await openApp(browser, dir);
  return { app, page: app.page, a: app.services.assessments.create({ title }), dir };
}

describe('form dialogs in Chromium', () => {
  it('add zone, conduit and asset: first field focused, Enter submits when complete, Escape closes, errors in place', async () => {
    const { app, page, a } = await withAssessment('Dialogs');

    await goto(page, `#/a/${a.id}/zones/new:zone`);
    const zoneDialog = page.getByRole('dialog', { name: 'Add zone' });
    await zoneDialog.waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Name');
    // Nothing typed: Enter does nothing, the dialog stays.
    await page.keyboard.press('Enter');
    expect(await zoneDialog.getByRole('button', { name: 'Add zone' }).isDisabled()).toBe(true);
    expect(await zoneDialog.isVisible()).toBe(true);
    await page.keyboard.type('Control');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Control/ }).waitFor();
    const [control] = await invoke<Zone[]>(app.table, 'zones.list', { assessmentId: a.id });
    expect(control.name).toBe('Control');
    await invoke<Zone>(app.table, 'zones.create', { assessmentId: a.id, name: 'DMZ', slTarget: SL1 });

    // A failed save: the handler's sentence in the dialog, which stays open and can be sent again.
    // Opened by address on a fresh load: the dialog waits for the zones, so both selects are filled.
    // Leaving the page first makes it a new document, so nothing the last one still had in flight
    // (a navigation after the zone was added) can change the address under the reload.
    await page.goto('about:blank');
    await goto(page, `#/a/${a.id}/zones/new:conduit`);
    const conduitDialog = page.getByRole('dialog', { name: 'Add conduit' });
    await conduitDialog.waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Name');
    const create = app.table['conduits.create'];
    const sentence = 'The workspace is on a disk that is full. Free some space and try again.';
    app.table['conduits.create'] = async () => ({
      ok: false,
      error: { code: 'disk-full', message: sentence },
    });
    await page.keyboard.type('Firewall');
    await page.keyboard.press('Enter');
    await conduitDialog.getByRole('alert').getByText(sentence).waitFor();
    const submit = conduitDialog.getByRole('button', { name: 'Add conduit' });
    expect(await submit.isDisabled()).toBe(false);
    app.table['conduits.create'] = create;
    await submit.click();
    await page.getByRole('heading', { name: /Firewall/ }).waitFor();

    await goto(page, `#/a/${a.id}/zones/new:asset`);
    const assetDialog = page.getByRole('dialog', { name: 'Add asset' });
    await assetDialog.waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Name');
    await page.keyboard.type('PLC-1');
    // Something typed: Escape asks before discarding it.
    await page.keyboard.press('Escape');
    await assetDialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { name: 'Zones and conduits' }).waitFor();
    expect(await assetDialog.count()).toBe(0);
    expect(await invoke<unknown[]>(app.table, 'assets.list', { assessmentId: a.id })).toEqual([]);
    await app.close();
  });

  it('note: the title is focused, Save note waits for a note, Escape adds nothing', async () => {
    const { app, page, a } = await withAssessment('Notes');
    await goto(page, `#/a/${a.id}/evidence`);
    await page.getByText('No evidence yet').waitFor();

    await page.getByRole('button', { name: 'Note', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a note' });
    await dialog.waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Title (optional)');
    const save = dialog.getByRole('button', { name: 'Save note' });
    expect(await save.isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(0);

    await page.getByRole('button', { name: 'Note', exact: true }).click();
    await dialog.getByLabel('Title (optional)').fill('Shift lead');
    await dialog.getByLabel('Note').fill('No USB sticks since 2024.\nChecked at the gate.');
    await save.click();
    await page.getByTestId('evidence-tile').first().waitFor();
    expect(await dialog.count()).toBe(0);
    const [note] = app.services.evidence.list(a.id);
    expect(note).toMatchObject({ kind: 'note', mediaType: expect.stringMatching(/^text\/plain/) });
    await app.close();
  });

  it('confirmations: Cancel keeps the asset; a failed delete shows the sentence in place; then it goes, also after a reopen', async () => {
    const { app, page, a, dir } = await withAssessment('Confirm');
    const zone = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'Cell',
      slTarget: SL1,
    });
    const asset = await invoke<Asset>(app.table, 'assets.create', {
      assessmentId: a.id,
      name: 'RTU-7',
      zone: zone.id,
      componentType: 'EDR',
    });
    await goto(page, `#/a/${a.id}/zones/asset:${asset.id}`);
    await page.getByRole('button', { name: 'Delete asset' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete asset “RTU-7”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await dialog.count()).toBe(0);

    const remove = app.table['assets.delete'];
    const sentence = 'The workspace is read-only. Copy it to a writable folder and try again.';
    app.table['assets.delete'] = async () => ({
      ok: false,
      error: { code: 'not-writable', message: sentence },
    });
    await page.getByRole('button', { name: 'Delete asset' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.getByRole('alert').getByText(sentence).waitFor();
    expect(await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id })).toHaveLength(1);
    app.table['assets.delete'] = remove;
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: /Cell/ }).waitFor();
    expect(await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id })).toEqual([]);

    // The signing keys screen asks the same way.
    app.services.signing.create('Ana Kovač', 'correct horse battery');
    await goto(page, '#/keys');
    await page.getByTestId('key-row').getByRole('button', { name: 'Delete' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'Delete signing key?' });
    await keyDialog.getByRole('button', { name: 'Delete key' }).click();
    await page.getByText('Deleted Ana Kovač.').waitFor();
    expect(await keyDialog.count()).toBe(0);
    expect(app.services.signing.list()).toEqual([]);
    // Saved: a fresh app over the same folder has neither the asset nor the key.
    const again = await reopen(browser, app, dir, { hash: `#/a/${a.id}/zones/zone:${zone.id}` });
    await again.page.getByRole('heading', { name: /Cell/ }).waitFor();
    expect(await again.page.getByText('RTU-7').count()).toBe(0);
    await goto(again.page, '#/keys');
    await again.page
      .getByRole('heading', { name: /Signing keys/ })
      .first()
      .waitFor();
    expect(await again.page.getByTestId('key-row').count()).toBe(0);
    await again.close();
  });
});
