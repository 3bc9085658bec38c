import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg, writeFile } from '../helpers/evidence';
import { currentRequirement, finish, goto, reopen, SETTLED } from './fieldHelpers';
import { DESKTOP_LOOK, launchChromium, openApp, tempDataDir } from './harness';
import { seedModelWorkspace } from './seed';

// Every way evidence is saved from the window (capture bar, note dialog, strip, item dialog's links,
// unlink and remove): change, save, reopen on a fresh handler table over the same folder, see it.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const seed = () => seedModelWorkspace('Evidence save paths');

const tiles = (page: Page) => page.getByTestId('evidence-tile');

/** Opens an item of the Evidence section's grid and returns its dialog. */
async function openTile(page: Page, fileName: string): Promise<Locator> {
  await tiles(page).filter({ hasText: fileName }).first().getByRole('button').click();
  const dialog = page.getByRole('dialog', { name: fileName });
  await dialog.waitFor();
  return dialog;
}

const linkTexts = (dialog: Locator) => dialog.locator('.link-list li').allInnerTexts();
const linkNames = async (dialog: Locator) =>
  (await linkTexts(dialog)).map((t) => t.replace(/\s*Unlink$/, ''));

/** The strip of an answer: the checklist item opened by address, its evidence folded out with e. */
async function answerStrip(page: Page, id: string, requirement: string): Promise<Locator> {
  await goto(page, `#/a/${id}/zones/zone:z1|${encodeURIComponent(requirement)}`);
  await expect.poll(() => currentRequirement(page), SETTLED).toBe(requirement);
  await page.keyboard.press('e');
  const strip = page.getByTestId('evidence-strip');
  await strip.waitFor();
  return strip;
}

/** The strip on the asset page, under Details and SL-T. */
async function assetStrip(page: Page, id: string): Promise<Locator> {
  await goto(page, `#/a/${id}/zones/asset:a1`);
  await page.getByRole('button', { name: 'Details and SL-T' }).click();
  const strip = page.getByRole('region', { name: 'Evidence about this asset' });
  await strip.waitFor();
  return strip;
}

/** The strip's heading once its list has loaded: its label and how many items are linked. */
const stripCount = (strip: Locator) => strip.getByRole('heading').textContent();

describe('evidence save paths survive a reload', () => {
  it('a note from the Evidence section, linked to an answer, an asset and a finding; unlinked; removed', async () => {
    const { dir, id } = seed();
    let app = await openApp(browser, dir, { hash: `#/a/${id}/evidence` });
    let page = app.page;
    await page.getByText('No evidence yet').waitFor();
    await page.getByRole('button', { name: 'Note' }).click();
    const note = page.getByRole('dialog', { name: 'Add a note' });
    await note.getByLabel('Title (optional)').fill('Remote access');
    await note
      .getByLabel('Note')
      .fill('The integrator connects through TeamViewer on the engineering station.');
    await note.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => tiles(page).count(), SETTLED).toBe(1);

    let details = await openTile(page, 'Remote access.txt');
    await details.getByLabel('Scope').selectOption({ label: 'Zone Control room' });
    await details.getByLabel('Requirement').fill('SR 1.1');
    await details.getByRole('button', { name: 'Link', exact: true }).click();
    await details.getByText('SR 1.1 (zone:z1)').waitFor();
    await details.getByLabel('Link to').selectOption('asset');
    await details.getByLabel(/^Asset/).selectOption({ label: 'PLC 1' });
    await details.getByRole('button', { name: 'Link', exact: true }).click();
    await details.getByText('asset a1').waitFor();
    await details.getByLabel('Link to').selectOption('finding');
    await details.getByLabel(/^Finding/).selectOption({ label: 'Shared passwords' });
    await details.getByRole('button', { name: 'Link', exact: true }).click();
    await details.getByText('finding f1').waitFor();

    app = await reopen(browser, app, dir, { hash: `#/a/${id}/evidence` });
    page = app.page;
    details = await openTile(page, 'Remote access.txt');
    // The note's title is its description.
    await details.locator('dd', { hasText: /^Remote access$/ }).waitFor();
    expect(await linkNames(details)).toEqual(['SR 1.1 (zone:z1)', 'asset a1', 'finding f1']);
    // Each linked place shows it too.
    await details.getByRole('button', { name: 'Close' }).click();
    const answer = await answerStrip(page, id, 'SR 1.1');
    await expect.poll(() => stripCount(answer), SETTLED).toBe('Evidence (1)');
    const asset = await assetStrip(page, id);
    await expect.poll(() => stripCount(asset), SETTLED).toBe('Evidence about this asset (1)');

    await goto(page, `#/a/${id}/evidence`);
    details = await openTile(page, 'Remote access.txt');
    await details
      .locator('.link-list li', { hasText: 'asset a1' })
      .getByRole('button', { name: 'Unlink' })
      .click();
    await expect.poll(() => linkNames(details), SETTLED).toEqual(['SR 1.1 (zone:z1)', 'finding f1']);

    app = await reopen(browser, app, dir, { hash: `#/a/${id}/evidence` });
    page = app.page;
    details = await openTile(page, 'Remote access.txt');
    expect(await linkNames(details)).toEqual(['SR 1.1 (zone:z1)', 'finding f1']);
    await details.getByRole('button', { name: 'Close' }).click();
    const unlinked = await assetStrip(page, id);
    await expect.poll(() => stripCount(unlinked), SETTLED).toBe('Evidence about this asset (0)');

    // Remove, with a reason: gone from the grid, shown with its reason under "Show removed".
    await goto(page, `#/a/${id}/evidence`);
    details = await openTile(page, 'Remote access.txt');
    await details.getByRole('button', { name: 'Remove…' }).click();
    await page.getByLabel('Why is it removed?').fill('Noted on the wrong site');
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Remote access.txt' })
      .locator('dd', { hasText: 'Noted on the wrong site' })
      .waitFor();

    app = await reopen(browser, app, dir, { hash: `#/a/${id}/evidence` });
    page = app.page;
    await page.getByText('No evidence yet').waitFor();
    await page.getByLabel('Show removed').check();
    details = await openTile(page, 'Remote access.txt');
    await details.locator('dd', { hasText: 'Noted on the wrong site' }).waitFor();
    expect(await details.getByRole('button', { name: 'Remove…' }).count()).toBe(0);
    await finish(app, dir);
  });

  it("an answer's strip: a note and a file captured there, one unlinked; the asset page's strip: a note", async () => {
    const { dir, id } = seed();
    let app = await openApp(browser, dir);
    let page = app.page;
    let strip = await answerStrip(page, id, 'SR 1.2');
    await strip.getByRole('button', { name: 'Note' }).click();
    const note = page.getByRole('dialog', { name: 'Add a note' });
    await note.getByLabel('Note').fill('Operator: accounts are shared per shift.');
    await note.getByRole('button', { name: 'Save note' }).click();
    await strip.getByRole('heading', { name: 'Evidence (1)' }).waitFor();
    await strip.getByTestId('evidence-file-input').setInputFiles({
      name: 'accounts.jpg',
      mimeType: 'image/jpeg',
      buffer: await makeJpeg(),
    });
    await strip.getByRole('heading', { name: 'Evidence (2)' }).waitFor();

    let asset = await assetStrip(page, id);
    await asset.getByRole('button', { name: 'Note' }).click();
    await note.getByLabel('Title (optional)').fill('Firmware seen');
    await note.getByLabel('Note').fill('Label on the CPU: V2.9.4');
    await note.getByRole('button', { name: 'Save note' }).click();
    await asset.getByRole('heading', { name: 'Evidence about this asset (1)' }).waitFor();

    app = await reopen(browser, app, dir);
    page = app.page;
    asset = await assetStrip(page, id);
    await expect.poll(() => stripCount(asset), SETTLED).toBe('Evidence about this asset (1)');
    await asset.getByTitle(/^Firmware seen\.txt/).waitFor();
    strip = await answerStrip(page, id, 'SR 1.2');
    await expect.poll(() => stripCount(strip), SETTLED).toBe('Evidence (2)');
    // The answer's evidence button counts it too, once the answer exists: answer, then step back.
    await page.keyboard.press('1');
    await page.keyboard.press('k');
    await page.getByRole('button', { name: /Evidence \(2\)/ }).waitFor();

    // Unlink the photo from the strip's item dialog.
    await strip.getByTitle(/^accounts\.jpg/).click();
    const details = page.getByRole('dialog', { name: 'accounts.jpg' });
    await details.getByRole('button', { name: 'Unlink' }).click();
    await details.getByText('Not linked to any answer, finding or asset yet.').waitFor();
    await details.getByRole('button', { name: 'Close' }).click();
    await strip.getByRole('heading', { name: 'Evidence (1)' }).waitFor();

    app = await reopen(browser, app, dir);
    page = app.page;
    strip = await answerStrip(page, id, 'SR 1.2');
    await expect.poll(() => stripCount(strip), SETTLED).toBe('Evidence (1)');
    expect(await strip.getByTitle(/^accounts\.jpg/).count()).toBe(0);
    // Unlinked, the photo is still in the workspace.
    await goto(page, `#/a/${id}/evidence`);
    await page.getByLabel('Unlinked only').check();
    await expect
      .poll(() => tiles(page).allInnerTexts(), SETTLED)
      .toEqual([expect.stringContaining('accounts.jpg')]);
    await finish(app, dir);
  });

  it('the desktop capture bar: large files and a camera card through the native dialogs', async () => {
    const { dir, id } = seed();
    const disk = tempDataDir('zonewalk-e2e-disk-');
    const big = writeFile(disk, 'plant-backup.cfg', 'hostname core-01\n');
    const card = path.join(disk, 'DCIM');
    writeFile(card, '100CANON/IMG_0001.JPG', await makeJpeg({ color: { r: 10, g: 200, b: 30 } }));
    writeFile(card, '100CANON/IMG_0002.JPG', await makeJpeg({ color: { r: 200, g: 10, b: 30 } }));
    const platform = { ...DESKTOP_LOOK, pickFiles: async () => [big], pickFolder: async () => card };
    let app = await openApp(browser, dir, { hash: `#/a/${id}/evidence`, platform });
    let page = app.page;
    await page.getByText('No evidence yet').waitFor();
    await page.getByRole('button', { name: 'Large files…' }).click();
    await expect.poll(() => tiles(page).count(), SETTLED).toBe(1);
    await page.getByRole('button', { name: 'Camera card…' }).click();
    await expect.poll(() => tiles(page).count(), SETTLED).toBe(3);

    app = await reopen(browser, app, dir, { hash: `#/a/${id}/evidence`, platform: DESKTOP_LOOK });
    page = app.page;
    await page.getByTestId('evidence-count').getByText('3 items').waitFor();
    expect((await page.locator('.tile-name').allInnerTexts()).sort()).toEqual([
      'IMG_0001.JPG',
      'IMG_0002.JPG',
      'plant-backup.cfg',
    ]);
    await finish(app, dir, disk);
  });
});
