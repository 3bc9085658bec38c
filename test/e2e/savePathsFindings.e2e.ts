import fs from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/model';
import type { HandlerTable } from '../../src/main/handlers';
import { goto, invoke } from './fieldHelpers';
import { type AppPage, launchChromium, openApp, tempDataDir } from './harness';
import { reopenApp } from './reopenApp';

// Findings through the drawer (issue 12: an edited finding never saved), where a failed save is
// shown, and what closing a form with unsaved edits does. Every save is read back after reopening
// the app on a fresh handler table over the same data folder.

let browser: Browser;
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const SL2 = { FR1: 2, FR2: 2, FR3: 2, FR4: 2, FR5: 2, FR6: 2, FR7: 2 };

/** A workspace with one assessment, one zone and one manual finding; the window on its findings. */
async function withFinding(opts: { viewport?: { width: number; height: number } } = {}) {
  const dir = tempDataDir();
  dirs.push(dir);
  const app = await openApp(browser, dir, opts);
  const a = app.services.assessments.create({ title: 'Findings' });
  await invoke(app.table, 'zones.create', { assessmentId: a.id, name: 'Control', slTarget: SL2 });
  const finding = await invoke<Finding>(app.table, 'findings.create', {
    assessmentId: a.id,
    title: 'Shared admin password on HMIs',
    severity: 'high',
    description: 'One password for every operator station.',
  });
  await goto(app.page, `#/a/${a.id}/findings`);
  return { dir, app, a, finding };
}

const manualRow = (page: Page) => page.locator('tr[data-kind="finding"]');

async function openEditDrawer(page: Page): Promise<Locator> {
  await manualRow(page).getByRole('button', { name: 'Edit' }).click();
  const drawer = page.getByRole('dialog', { name: 'Edit finding' });
  await drawer.waitFor();
  return drawer;
}

/** Runs the real handler with the input changed on the way, as a faulty window would send it. */
function sendAltered(
  app: AppPage,
  channel: keyof HandlerTable,
  alter: (input: Record<string, unknown>) => unknown,
) {
  const real = app.table[channel];
  app.table[channel] = (input) => real(alter(input as Record<string, unknown>));
  return () => {
    app.table[channel] = real;
  };
}

describe('save paths: findings', () => {
  it('creates a finding and edits owner, due date, severity and status; after a reopen both are there', async () => {
    const { dir, app: first, a } = await withFinding();
    let app = first;
    let { page } = app;
    await page.getByRole('button', { name: 'New finding' }).click();
    const create = page.getByRole('dialog', { name: 'New finding' });
    await create.getByLabel('Title').fill('No backup of the PLC programs');
    await create.getByLabel('Severity').selectOption('medium');
    await create.getByLabel('Description').fill('The last offline copy is from 2019.');
    await create.getByRole('button', { name: 'Create finding' }).click();
    await expect.poll(() => manualRow(page).count()).toBe(2);

    await manualRow(page)
      .filter({ hasText: 'Shared admin password' })
      .getByRole('button', { name: 'Edit' })
      .click();
    const drawer = page.getByRole('dialog', { name: 'Edit finding' });
    await drawer.getByLabel('Owner').fill('OT manager');
    await drawer.getByLabel('Due date').fill('2027-06-30');
    await drawer.getByLabel('Severity').selectOption('critical');
    await drawer.getByLabel('Status').selectOption('in-progress');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => drawer.count()).toBe(0);

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/findings`);
    page = app.page;
    const edited = manualRow(page).filter({ hasText: 'Shared admin password' });
    await edited.getByText('OT manager').waitFor();
    await edited.getByText('2027-06-30').waitFor();
    await edited.getByText('In progress').waitFor();
    await edited.getByRole('button', { name: 'Edit' }).click();
    const again = page.getByRole('dialog', { name: 'Edit finding' });
    expect(await again.getByLabel('Owner').inputValue()).toBe('OT manager');
    expect(await again.getByLabel('Due date').inputValue()).toBe('2027-06-30');
    expect(await again.getByLabel('Severity').inputValue()).toBe('critical');
    expect(await again.getByLabel('Status').inputValue()).toBe('in-progress');
    expect(await again.getByLabel('Description').inputValue()).toBe(
      'One password for every operator station.',
    );
    await again.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => again.count()).toBe(0);
    await manualRow(page).filter({ hasText: 'No backup' }).getByText('Medium').waitFor();

    await app.close();
  });

  it('deletes a finding from its drawer; after a reopen it is still gone', async () => {
    const { dir, app: first, a } = await withFinding();
    let app = first;
    await invoke<Finding>(app.table, 'findings.create', {
      assessmentId: a.id,
      title: 'No backup',
      severity: 'low',
    });
    await app.page.reload();
    await manualRow(app.page).nth(1).waitFor();
    await manualRow(app.page).filter({ hasText: 'No backup' }).getByRole('button', { name: 'Edit' }).click();
    await app.page
      .getByRole('dialog', { name: 'Edit finding' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await app.page.getByRole('button', { name: 'Really delete' }).click();
    await expect.poll(() => manualRow(app.page).count()).toBe(1);

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/findings`);
    await manualRow(app.page).first().waitFor();
    expect(await manualRow(app.page).allTextContents()).toEqual([
      expect.stringContaining('Shared admin password'),
    ]);
    await app.close();
  });

  it('a note added in the edit drawer is linked to the finding and still there after a reopen', async () => {
    const { dir, app: first, a } = await withFinding();
    let app = first;
    let drawer = await openEditDrawer(app.page);
    const strip = () => drawer.getByTestId('evidence-strip');
    await strip().getByText('(0)').waitFor();
    await strip().getByRole('button', { name: 'Note', exact: true }).click();
    const note = app.page.getByRole('dialog', { name: 'Add a note' });
    await note.getByLabel('Title (optional)').fill('Shift lead');
    await note.getByLabel('Note').fill('Password written on a sticky note at station 2.');
    await note.getByRole('button', { name: 'Save note' }).click();
    await strip().getByText('(1)').waitFor();

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/findings`);
    drawer = await openEditDrawer(app.page);
    await strip().getByText('(1)').waitFor();
    expect(
      await strip()
        .getByRole('button', { name: /Shift lead/ })
        .count(),
    ).toBe(1);
    await app.close();
  });

  it('a failed save reads as a sentence right above Save and in view; the drawer keeps the edits; a failed field save takes the focus', async () => {
    const { app, a, finding } = await withFinding({ viewport: { width: 1024, height: 560 } });
    const { page } = app;
    const drawer = await openEditDrawer(page);
    await drawer.getByLabel('Owner').fill('OT manager');

    // The bug as it was: a whole record as the patch. The refusal names no schema path.
    let restore = sendAltered(app, 'findings.update', (input) => ({
      ...input,
      patch: { ...(input.patch as object), id: finding.id, evidence: [] },
    }));
    const save = drawer.getByRole('button', { name: 'Save' });
    await save.click();
    const alert = drawer.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The finding could not be saved: Zonewalk sent a request this action does not accept, so nothing was changed. This is a fault in Zonewalk: please report it.',
    );
    await expectRightAbove(page, alert, save);
    restore();

    // A value the schema refuses: the field is named in words.
    restore = sendAltered(app, 'findings.update', (input) => ({
      ...input,
      patch: { ...(input.patch as object), due: '30.06.2027' },
    }));
    await save.click();
    await alert
      .getByText('The finding could not be saved: the due date is not valid. Use a date like 2027-03-31.')
      .waitFor();
    await expectRightAbove(page, alert, save);
    expect(await drawer.getByLabel('Owner').inputValue()).toBe('OT manager');
    restore();
    await save.click();
    await expect.poll(() => drawer.count()).toBe(0);
    expect((await invoke<Finding[]>(app.table, 'findings.list', { assessmentId: a.id }))[0].owner).toBe(
      'OT manager',
    );

    // Fields that save as you go: the sentence takes the focus and is scrolled into view.
    await goto(page, `#/a/${a.id}/details`);
    const details = page.getByRole('region', { name: 'Assessment details' });
    restore = sendAltered(app, 'assessments.update', (input) => ({
      ...input,
      patch: { ...(input.patch as object), site: 'x'.repeat(201) },
    }));
    await details.getByLabel('Scope statement').fill('Everything east of the river.');
    await details.getByLabel('Scope statement').press('Tab');
    const banner = details.getByRole('alert');
    await banner
      .getByText('Scope could not be saved: the site is too long (at most 200 characters).')
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('alert');
    expect(await banner.evaluate((el) => el.getBoundingClientRect().top >= 0)).toBe(true);
    restore();
    await app.close();
  });

  it('closing with unsaved edits asks first (Escape, Cancel, ✕); Keep editing keeps them; nothing changed closes at once', async () => {
    const { dir, app: first, a } = await withFinding();
    let app = first;
    let { page } = app;

    // Unchanged: Escape closes without a question.
    let drawer = await openEditDrawer(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);

    drawer = await openEditDrawer(page);
    await drawer.getByLabel('Owner').fill('Somebody else');
    const question = drawer.getByText('Discard your changes? They have not been saved.');
    for (const close of [
      () => page.keyboard.press('Escape'),
      () => drawer.getByRole('button', { name: 'Cancel' }).click(),
      () => drawer.getByRole('button', { name: 'Close' }).click(),
    ]) {
      await close();
      await question.waitFor();
      // The safe answer has the focus: Enter keeps editing.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep editing');
      await page.keyboard.press('Enter');
      await expect.poll(() => question.count()).toBe(0);
      expect(await drawer.getByLabel('Owner').inputValue()).toBe('Somebody else');
    }
    // Typed back to what it was: nothing to lose, no question.
    await drawer.getByLabel('Owner').fill('');
    await drawer.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => drawer.count()).toBe(0);

    drawer = await openEditDrawer(page);
    await drawer.getByLabel('Owner').fill('Somebody else');
    await drawer.getByRole('button', { name: 'Cancel' }).click();
    await drawer.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => drawer.count()).toBe(0);

    // A form dialog asks the same way.
    await goto(page, `#/a/${a.id}/zones/new:zone`);
    const zoneDialog = page.getByRole('dialog', { name: 'Add zone' });
    await zoneDialog.getByLabel('Name').fill('Safety');
    await zoneDialog.getByRole('button', { name: 'Cancel' }).click();
    await zoneDialog.getByRole('button', { name: 'Keep editing' }).click();
    expect(await zoneDialog.getByLabel('Name').inputValue()).toBe('Safety');
    await page.keyboard.press('Escape');
    await zoneDialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect.poll(() => zoneDialog.count()).toBe(0);

    // What was discarded was not saved.
    app = await reopenApp(browser, app, dir, `#/a/${a.id}/findings`);
    page = app.page;
    await manualRow(page).first().waitFor();
    expect(await manualRow(page).textContent()).not.toContain('Somebody else');
    expect((await invoke<Finding[]>(app.table, 'findings.list', { assessmentId: a.id }))[0].owner).toBe('');
    expect(await invoke<unknown[]>(app.table, 'zones.list', { assessmentId: a.id })).toHaveLength(1);
    await app.close();
  });
});

/** The error sits just above the button that caused it, inside the window. */
async function expectRightAbove(page: Page, alert: Locator, button: Locator) {
  const box = await alert.boundingBox();
  const target = await button.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !target || !viewport) throw new Error('The error or the button is not on screen');
  expect(box.y + box.height).toBeLessThanOrEqual(target.y);
  expect(target.y - (box.y + box.height)).toBeLessThan(40);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(target.y + target.height).toBeLessThanOrEqual(viewport.height);
}
