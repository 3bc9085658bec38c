import fs from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Conduit, Zone } from '../../src/core/model';
import type { AssessmentSummary } from '../../src/shared/contract/assessments';
import { goto, invoke } from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';
import { reopenApp } from './reopenApp';

// Save paths of the assessment set-up: each test changes values through the UI, saves, reopens the
// app on a fresh handler table over the same data folder and reads the values back in the UI.

let browser: Browser;
const dirs: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

const SL1 = { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 };

/** Types into a field that saves when it loses focus, and waits for the saved line. */
async function fillAndLeave(scope: Locator, label: string, value: string) {
  await scope.getByLabel(label).fill(value);
  await scope.getByLabel(label).press('Tab');
}

const value = (scope: Locator, label: string) => scope.getByLabel(label).inputValue();

describe('save paths: assessments, zones, conduits, assets', () => {
  it('assessment: created on Home, details, status and target maturity edited, all there after a reopen', async () => {
    const dir = dataDir();
    let app = await openApp(browser, dir);
    let { page } = app;
    await page.getByRole('button', { name: 'New assessment' }).first().click();
    const create = page.getByRole('dialog', { name: 'New assessment' });
    await create.getByLabel('Title').fill('Waterworks Nord 2026');
    await create.getByLabel('Site').fill('Nordhafen');
    await create.getByLabel('Organisation').fill('Stadtwerke');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);
    const [a] = await invoke<AssessmentSummary[]>(app.table, 'assessments.list', {});

    await goto(page, `#/a/${a.id}/details`);
    let details = page.getByRole('region', { name: 'Assessment details' });
    await details.getByLabel('Site').waitFor();
    await fillAndLeave(details, 'Site', 'Nordhafen, hall 3');
    await details.getByText('Site saved').waitFor();
    await fillAndLeave(details, 'Assessors (comma separated)', 'Ana Kovač, Ben Ito');
    await details.getByText('Assessors saved').waitFor();
    await details.getByLabel('Start date').fill('2026-11-02');
    await details.getByText('Start date saved').waitFor();
    await details.getByLabel('Status').selectOption('review');
    await details.getByText('Status saved').waitFor();
    await details.getByLabel('Target maturity for the 2-1 questionnaire').selectOption('3');
    await details.getByText('Target maturity saved').waitFor();
    await fillAndLeave(details, 'Scope statement', 'Raw water intake to the clear well.');
    await details.getByText('Scope saved').waitFor();

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/details`);
    page = app.page;
    details = page.getByRole('region', { name: 'Assessment details' });
    await details.getByLabel('Site').waitFor();
    expect(await value(details, 'Title')).toBe('Waterworks Nord 2026');
    expect(await value(details, 'Organisation')).toBe('Stadtwerke');
    expect(await value(details, 'Site')).toBe('Nordhafen, hall 3');
    expect(await value(details, 'Assessors (comma separated)')).toBe('Ana Kovač, Ben Ito');
    expect(await value(details, 'Start date')).toBe('2026-11-02');
    expect(await value(details, 'Status')).toBe('review');
    expect(await value(details, 'Target maturity for the 2-1 questionnaire')).toBe('3');
    expect(await value(details, 'Scope statement')).toBe('Raw water intake to the clear well.');
    await app.close();
  });

  it('zone: added with its SL-T, then renamed, described and one FR raised on its page; all there after a reopen', async () => {
    const dir = dataDir();
    let app = await openApp(browser, dir);
    let { page } = app;
    const a = app.services.assessments.create({ title: 'Zones' });
    await goto(page, `#/a/${a.id}/zones`);
    await page.getByRole('button', { name: 'Add the first zone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add zone' });
    await dialog.getByLabel('Name').fill('Control room');
    await dialog.getByLabel('Description').fill('Operator stations');
    await dialog.getByLabel('One level for all').selectOption('2');
    await dialog.getByLabel(/^FR1 /).selectOption('3');
    await dialog.getByRole('button', { name: 'Add zone' }).click();
    await page.getByRole('heading', { name: /Control room/ }).waitFor();
    const [zone] = await invoke<Zone[]>(app.table, 'zones.list', { assessmentId: a.id });

    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    let details = page.locator('#scope-details');
    await fillAndLeave(details, 'Name', 'Control room A');
    await details.getByText('Name saved').waitFor();
    await fillAndLeave(details, 'Description', 'Operator stations and the historian');
    await details.getByText('Description saved').waitFor();
    await details.getByLabel(/^FR2 /).selectOption('4');
    await expect
      .poll(
        async () => (await invoke<Zone[]>(app.table, 'zones.list', { assessmentId: a.id }))[0].slTarget.FR2,
      )
      .toBe(4);

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/zones/zone:${zone.id}`);
    page = app.page;
    await page.getByRole('heading', { name: /Control room A/ }).waitFor();
    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    details = page.locator('#scope-details');
    expect(await value(details, 'Name')).toBe('Control room A');
    expect(await value(details, 'Description')).toBe('Operator stations and the historian');
    expect(await details.getByLabel(/^FR1 /).inputValue()).toBe('3');
    expect(await details.getByLabel(/^FR2 /).inputValue()).toBe('4');
    expect(await details.getByLabel(/^FR3 /).inputValue()).toBe('2');
    expect(await details.getByLabel('One level for all').inputValue()).toBe('');
    await app.close();
  });

  it('conduit: added with protocols and its own SL-T, then its zones, protocols and SL-T changed; all there after a reopen', async () => {
    const dir = dataDir();
    let app = await openApp(browser, dir);
    let { page } = app;
    const a = app.services.assessments.create({ title: 'Conduits' });
    for (const name of ['Control', 'Safety', 'DMZ'])
      await invoke<Zone>(app.table, 'zones.create', { assessmentId: a.id, name, slTarget: SL1 });
    await goto(page, `#/a/${a.id}/zones/new:conduit`);
    const dialog = page.getByRole('dialog', { name: 'Add conduit' });
    await dialog.getByLabel('Name').fill('Control to Safety');
    await dialog.getByLabel('From zone').selectOption({ label: 'Control' });
    await dialog.getByLabel('To zone').selectOption({ label: 'Safety' });
    await dialog.getByLabel('Protocols').fill('Modbus/TCP');
    await dialog.getByLabel('Protocols').press('Enter');
    await dialog.getByRole('checkbox', { name: /SL-T: the higher/ }).uncheck();
    await dialog.getByLabel('One level for all').selectOption('3');
    await dialog.getByRole('button', { name: 'Add conduit' }).click();
    await page.getByRole('heading', { name: /Control to Safety/ }).waitFor();
    const [conduit] = await invoke<Conduit[]>(app.table, 'conduits.list', { assessmentId: a.id });
    expect(conduit.slTarget.FR1).toBe(3);

    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    let details = page.locator('#scope-details');
    await details.getByLabel('To zone').selectOption({ label: 'DMZ' });
    await details.getByText('Zones saved').waitFor();
    await details.getByLabel('Protocols').fill('OPC UA');
    await details.getByLabel('Protocols').press('Enter');
    await details.getByRole('button', { name: 'Remove OPC UA' }).waitFor();
    await details.getByRole('button', { name: 'Remove Modbus/TCP' }).click();
    await expect
      .poll(
        async () =>
          (await invoke<Conduit[]>(app.table, 'conduits.list', { assessmentId: a.id }))[0].protocols,
      )
      .toEqual(['OPC UA']);
    await details.getByLabel(/^FR7 /).selectOption('1');
    await details.getByText('SL-T saved').waitFor();
    await fillAndLeave(details, 'Name', 'Control to DMZ');
    await details.getByText('Name saved').waitFor();

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/zones/conduit:${conduit.id}`);
    page = app.page;
    await page.getByRole('heading', { name: /Control to DMZ/ }).waitFor();
    await page.getByText('Control ⇄ DMZ · OPC UA').waitFor();
    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    details = page.locator('#scope-details');
    expect(await details.getByLabel('To zone').locator('option:checked').textContent()).toBe('DMZ');
    expect(await details.getByRole('button', { name: /^Remove / }).allTextContents()).toHaveLength(1);
    await details.getByRole('button', { name: 'Remove OPC UA' }).waitFor();
    expect(await details.getByLabel(/^FR1 /).inputValue()).toBe('3');
    expect(await details.getByLabel(/^FR7 /).inputValue()).toBe('1');
    await app.close();
  });

  it('asset: added in a zone, then renamed, moved, retyped, firmware and legacy changed; all there after a reopen', async () => {
    const dir = dataDir();
    let app = await openApp(browser, dir);
    let { page } = app;
    const a = app.services.assessments.create({ title: 'Assets' });
    const cell = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'Cell',
      slTarget: SL1,
    });
    await invoke<Zone>(app.table, 'zones.create', { assessmentId: a.id, name: 'Field', slTarget: SL1 });
    await goto(page, `#/a/${a.id}/zones/zone:${cell.id}`);
    await page.getByRole('button', { name: 'Add asset' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add asset' });
    await dialog.getByLabel('Name').fill('RTU-7');
    await dialog.getByLabel('Component type').selectOption('NDR');
    await dialog.getByLabel('Vendor').fill('ABB');
    await dialog.getByLabel('Model').fill('RTU560');
    await dialog.getByLabel('Firmware').fill('12.1');
    await dialog.getByRole('checkbox', { name: /Legacy device/ }).check();
    await dialog.getByRole('button', { name: 'Add asset' }).click();
    await page.getByRole('heading', { name: /RTU-7/ }).waitFor();
    const [asset] = await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id });

    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    let details = page.locator('#scope-details');
    await details.getByLabel(/^Zone/).selectOption({ label: 'Field' });
    await details.getByText('Asset saved').waitFor();
    await details.getByLabel('Component type').selectOption('EDR');
    await details.getByRole('checkbox', { name: /Legacy device/ }).uncheck();
    await fillAndLeave(details, 'Firmware', '13.0');
    await fillAndLeave(details, 'Name', 'RTU-7b');
    await expect
      .poll(async () => (await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id }))[0])
      .toMatchObject({ name: 'RTU-7b', componentType: 'EDR', legacy: false, firmware: '13.0' });

    app = await reopenApp(browser, app, dir, `#/a/${a.id}/zones/asset:${asset.id}`);
    page = app.page;
    await page.getByRole('heading', { name: /RTU-7b/ }).waitFor();
    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    details = page.locator('#scope-details');
    expect(await value(details, 'Name')).toBe('RTU-7b');
    expect(await details.getByLabel(/^Zone/).locator('option:checked').textContent()).toBe('Field');
    expect(await details.getByLabel('Component type').inputValue()).toBe('EDR');
    expect(await value(details, 'Vendor')).toBe('ABB');
    expect(await value(details, 'Model')).toBe('RTU560');
    expect(await value(details, 'Firmware')).toBe('13.0');
    expect(await details.getByRole('checkbox', { name: /Legacy device/ }).isChecked()).toBe(false);
    await app.close();
  });
});
