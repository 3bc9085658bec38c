import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reopen } from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('home screen in Chromium', () => {
  it('creates an assessment that survives a reload on a fresh handler table', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const { page } = app;
    await page.getByText('No assessments yet.').waitFor();
    await page.getByRole('button', { name: 'New assessment' }).first().click();
    await page.getByLabel('Title').fill('Waterworks Nord 2026');
    await page.getByLabel('Site').fill('Nordhafen');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);
    expect(app.foreignRequests).toEqual([]);
    await app.close();

    const again = await openApp(browser, dir);
    await again.page.getByText('Waterworks Nord 2026').waitFor();
    await expect.poll(() => again.page.getByTestId('assessment-row').count()).toBe(1);
    expect(await again.page.getByRole('cell', { name: 'Nordhafen' }).count()).toBe(1);
    expect(again.foreignRequests).toEqual([]);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renames, opens and deletes with confirmation, each seen after a reopen; the deletion is in the audit trail', async () => {
    const dir = tempDataDir();
    let app = await openApp(browser, dir);
    const created = app.services.assessments.create({ title: 'Old name', site: 'Plant 1' });
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Rename' }).click();
    await app.page.getByLabel('Title').fill('New name');
    await app.page.getByRole('button', { name: 'Rename' }).last().click();
    await app.page.getByRole('button', { name: 'New name' }).waitFor();
    // Saved: a fresh app over the same folder shows the new name.
    app = await reopen(browser, app, dir);
    await app.page.getByRole('button', { name: 'New name' }).waitFor();
    expect(await app.page.getByRole('button', { name: 'Old name' }).count()).toBe(0);

    await app.page.getByRole('button', { name: 'New name' }).click();
    await app.page.getByRole('button', { name: 'Details', exact: true }).click();
    await app.page.getByRole('heading', { name: 'Assessment details' }).waitFor();
    await app.page.getByRole('button', { name: 'History' }).click();
    await app.page.getByText('Audit trail intact').waitFor();
    await app.page.getByRole('button', { name: /All assessments/ }).click();

    await app.page.getByRole('button', { name: 'Delete' }).click();
    await app.page.getByRole('heading', { name: 'Delete assessment?' }).waitFor();
    await app.page.getByRole('button', { name: 'Delete' }).last().click();
    await app.page.getByText('No assessments yet.').waitFor();
    app = await reopen(browser, app, dir);
    await app.page.getByText('No assessments yet.').waitFor();
    const trail = app.services.ws.trail.list(created.id);
    expect(trail.map((e) => e.action)).toEqual([
      'assessment.created',
      'assessment.updated',
      'assessment.deleted',
    ]);
    expect(app.services.ws.trail.verify(created.id).ok).toBe(true);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
  });

  it('keeps a form dialog open with the handler sentence when the save fails', async () => {
    const app = await openApp(browser, tempDataDir());
    const a = app.services.assessments.create({ title: 'Gone soon', site: 'X' });
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Rename' }).click();
    app.services.assessments.delete(a.id);
    await app.page.getByLabel('Title').fill('Too late');
    await app.page.getByRole('button', { name: 'Rename' }).last().click();
    await app.page.getByRole('alert').getByText(`No assessment with id ${a.id}`).waitFor();
    expect(await app.page.getByRole('heading', { name: 'Rename assessment' }).isVisible()).toBe(true);
    await app.close();
  });
});
