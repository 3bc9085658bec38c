import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Asset, Conduit, Zone } from '../../src/core/model';
import type { AssessmentScore } from '../../src/core/scoring/types';
import {
  checklistProgress,
  currentRequirement,
  expectAccessible,
  goto,
  invoke,
  reopen,
} from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SL2 = { FR1: 2, FR2: 2, FR3: 2, FR4: 2, FR5: 2, FR6: 2, FR7: 2 };

describe('the field walk in Chromium', () => {
  it('creates a zone at SL-T 2 and an EDR asset, answers by keyboard only, sees SL-A change, and keeps it all over a reload', async () => {
    const dir = tempDataDir();
    let app = await openApp(browser, dir);
    const { page } = app;
    const a = app.services.assessments.create({ title: 'Waterworks Nord', site: 'Nordhafen' });
    await goto(page, `#/a/${a.id}/zones`);
    await page.getByText('No zones yet.').waitFor();

    // Set-up: a zone at SL-T 2 with the "one level for all" control, then an EDR asset in it.
    await page.getByRole('button', { name: 'Add the first zone' }).click();
    await page.getByLabel('Name').fill('Control zone');
    await page.getByLabel('One level for all').selectOption('2');
    await page.getByRole('button', { name: 'Add zone' }).last().click();
    await page.getByRole('heading', { name: /Control zone/ }).waitFor();
    await page.getByRole('button', { name: 'Add asset' }).click();
    await page.getByLabel('Name').fill('PLC-1');
    await page.getByLabel('Component type').selectOption('EDR');
    await page.getByLabel('Vendor').fill('Siemens');
    await page.getByRole('button', { name: 'Add asset' }).last().click();
    await page.getByRole('heading', { name: /PLC-1/ }).waitFor();
    const [zone] = await invoke<Zone[]>(app.table, 'zones.list', { assessmentId: a.id });
    expect(zone.slTarget).toEqual(SL2);
    const [asset] = await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id });
    expect(asset).toMatchObject({ name: 'PLC-1', componentType: 'EDR', vendor: 'Siemens', zone: zone.id });

    // Before: nothing answered, SL-A 0 everywhere.
    await goto(page, `#/a/${a.id}/overview`);
    await page.getByTestId(`zone-chart-${zone.id}`).waitFor();
    const assetRow = page.getByRole('row', { name: /PLC-1/ });
    await expect.poll(() => assetRow.locator('td').nth(3).textContent()).toBe('0 0 0 0 0 0 0');

    // The asset's checklist, walked with the keyboard only.
    await goto(page, `#/a/${a.id}/zones/asset:${asset.id}`);
    await page.locator('.answer-title').waitFor();
    const total = Number((await checklistProgress(page)).split('/')[1]);
    expect(total).toBeGreaterThan(10);
    const first = await currentRequirement(page);
    await page.keyboard.press('j');
    const second = await currentRequirement(page);
    expect(second).not.toBe(first);
    await page.keyboard.press('k');
    expect(await currentRequirement(page)).toBe(first);
    // c focuses the comment, Escape leaves it (and saves it), f flags.
    await page.keyboard.press('c');
    await page.keyboard.type('Local HMI accounts only; checked with the shift lead.');
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await expect.poll(() => page.locator('.vitem.selected .vflag').count()).toBe(1);
    for (let i = 0; i < total; i++) await page.keyboard.press('1');
    await expect.poll(() => checklistProgress(page)).toBe(`${total}/${total}`);
    // The last answer is saved behind the screen: wait until the handler has them all.
    await expect
      .poll(
        async () =>
          (await invoke<AssessmentScore>(app.table, 'score.get', { assessmentId: a.id })).progress[
            `asset:${asset.id}`
          ],
      )
      .toEqual({ answered: total, total });

    // After: the asset reaches its target; the zone still waits for its own (system) checklist.
    await goto(page, `#/a/${a.id}/overview`);
    await page.getByTestId(`zone-chart-${zone.id}`).waitFor();
    const achieved = async () =>
      ((await assetRow.locator('td').nth(3).textContent()) ?? '').split(' ').map(Number);
    await expect.poll(async () => (await achieved()).every((l) => l >= 2)).toBe(true);
    await expect
      .poll(() => page.getByTestId(`zone-chart-${zone.id}`).getByTestId('sl-achieved').textContent())
      .toBe('0 0 0 0 0 0 0');

    // The zone's 3-3 checklist by keyboard: its SL-A follows.
    await goto(page, `#/a/${a.id}/zones/zone:${zone.id}`);
    await page.locator('.answer-title').waitFor();
    const zoneTotal = Number((await checklistProgress(page)).split('/')[1]);
    for (let i = 0; i < zoneTotal; i++) await page.keyboard.press('1');
    await expect.poll(() => checklistProgress(page)).toBe(`${zoneTotal}/${zoneTotal}`);
    await expect
      .poll(
        async () =>
          (await invoke<AssessmentScore>(app.table, 'score.get', { assessmentId: a.id })).overall.answered,
      )
      .toBeGreaterThanOrEqual(total + zoneTotal);
    await goto(page, `#/a/${a.id}/overview`);
    const zoneSla = page.getByTestId(`zone-chart-${zone.id}`).getByTestId('sl-achieved');
    await expect
      .poll(async () => ((await zoneSla.textContent()) ?? '').split(' ').every((l) => Number(l) >= 2))
      .toBe(true);
    const shownBefore = await zoneSla.textContent();

    // A reload on a fresh handler table over the same files: everything is still there.
    await app.close();
    app = await openApp(browser, dir, { hash: `#/a/${a.id}/overview` });
    await app.page.getByTestId(`zone-chart-${zone.id}`).waitFor();
    expect(await app.page.getByTestId(`zone-chart-${zone.id}`).getByTestId('sl-achieved').textContent()).toBe(
      shownBefore,
    );
    await goto(app.page, `#/a/${a.id}/zones/asset:${asset.id}|${first}`);
    await app.page.locator('.answer-title').waitFor();
    expect(await currentRequirement(app.page)).toBe(first);
    expect(await checklistProgress(app.page)).toBe(`${total}/${total}`);
    expect(await app.page.locator('.answer-fields textarea').first().inputValue()).toBe(
      'Local HMI accounts only; checked with the shift lead.',
    );
    expect(await app.page.getByRole('button', { name: /Flag for review/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('deleting a zone with assets asks where they go, moves them, and takes its conduits along; so it stays after a reopen', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Pump station' });
    const t = app.table;
    const z1 = await invoke<Zone>(t, 'zones.create', { assessmentId: a.id, name: 'Cell A', slTarget: SL2 });
    const z2 = await invoke<Zone>(t, 'zones.create', { assessmentId: a.id, name: 'Cell B', slTarget: SL2 });
    const asset = await invoke<Asset>(t, 'assets.create', {
      assessmentId: a.id,
      name: 'RTU-7',
      zone: z1.id,
      componentType: 'EDR',
    });
    await invoke<Conduit>(t, 'conduits.create', {
      assessmentId: a.id,
      name: 'A to B',
      zones: [z1.id, z2.id],
    });
    await goto(app.page, `#/a/${a.id}/zones/zone:${z1.id}`);
    await app.page.getByRole('button', { name: 'Delete zone' }).click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByText('It holds 1 asset: RTU-7.').waitFor();
    await dialog.getByText('This conduit is deleted too: A to B.').waitFor();
    expect(await dialog.getByLabel('Zone to move the assets to').inputValue()).toBe(z2.id);
    await dialog.getByRole('button', { name: 'Move assets and delete zone' }).click();
    await app.page.getByRole('heading', { name: 'Zones and conduits' }).waitFor();
    expect((await invoke<Zone[]>(t, 'zones.list', { assessmentId: a.id })).map((z) => z.name)).toEqual([
      'Cell B',
    ]);
    expect(await invoke<Asset[]>(t, 'assets.list', { assessmentId: a.id })).toEqual([
      { ...asset, zone: z2.id },
    ]);
    expect(await invoke<Conduit[]>(t, 'conduits.list', { assessmentId: a.id })).toEqual([]);
    await app.page.getByRole('row', { name: /RTU-7/ }).getByText('Cell B').waitFor();
    // Saved: a fresh app over the same folder shows the asset in Cell B and no Cell A, no conduit.
    const again = await reopen(browser, app, dir, { hash: `#/a/${a.id}/zones` });
    await again.page.getByRole('row', { name: /RTU-7/ }).getByText('Cell B').waitFor();
    expect(await again.page.getByText('Cell A').count()).toBe(0);
    expect(await again.page.getByText('A to B').count()).toBe(0);
    await again.close();
  });

  it("edits a zone's SL-T on its page (the checklist follows) and adds a conduit with protocol chips", async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Set-up' });
    const z1 = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'Control',
      slTarget: { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 },
    });
    await invoke<Zone>(app.table, 'zones.create', { assessmentId: a.id, name: 'Safety', slTarget: SL2 });
    const { page } = app;
    await goto(page, `#/a/${a.id}/zones/zone:${z1.id}`);
    await page.locator('.answer-title').waitFor();
    const total = async () => Number((await checklistProgress(page)).split('/')[1]);
    const atSl1 = await total();
    await page.getByRole('button', { name: 'Details and SL-T' }).click();
    await page.getByLabel('FR3 System integrity').selectOption('3');
    await expect.poll(total).toBeGreaterThan(atSl1);
    expect((await invoke<Zone[]>(app.table, 'zones.list', { assessmentId: a.id }))[0].slTarget.FR3).toBe(3);
    await page.getByLabel('One level for all').selectOption('1');
    await expect.poll(total).toBe(atSl1);

    await goto(page, `#/a/${a.id}/zones/new:conduit`);
    const dialog = page.getByRole('dialog', { name: 'Add conduit' });
    await dialog.getByLabel('Name').fill('Control to Safety');
    await dialog.getByLabel('To zone').selectOption({ label: 'Safety' });
    await dialog.getByLabel('Protocols').fill('Modbus/TCP');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('Protocols').fill('OPC UA,');
    await dialog.getByRole('button', { name: 'Remove Modbus/TCP' }).waitFor();
    await dialog.getByRole('button', { name: 'Add conduit' }).click();
    await page.getByRole('heading', { name: /Control to Safety/ }).waitFor();
    const [conduit] = await invoke<Conduit[]>(app.table, 'conduits.list', { assessmentId: a.id });
    expect(conduit.protocols).toEqual(['Modbus/TCP', 'OPC UA']);
    // Default SL-T: the higher of the two zones per FR.
    expect(conduit.slTarget).toEqual(SL2);
    await app.close();
  });

  it('filters the checklist: unanswered, gaps, flagged, search, above target', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Filters' });
    const z = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'DMZ',
      slTarget: { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 },
    });
    const { page } = app;
    await goto(page, `#/a/${a.id}/zones/zone:${z.id}`);
    await page.locator('.answer-title').waitFor();
    // The list is virtualized: count what it shows, not the rows drawn.
    const rows = async () => Number(await page.getByTestId('checklist-list').getAttribute('data-visible'));
    const total = Number((await checklistProgress(page)).split('/')[1]);
    await page.keyboard.press('1'); // met
    await page.keyboard.press('3'); // not met
    await page.keyboard.press('f'); // flag the third
    await page.keyboard.press('2'); // partially met
    await expect.poll(() => checklistProgress(page)).toBe(`3/${total}`);

    await page.getByRole('button', { name: 'Unanswered' }).click();
    await expect.poll(rows).toBe(total - 3);
    await page.getByRole('button', { name: 'Unanswered' }).click();
    await page.getByRole('button', { name: 'Gaps' }).click();
    await expect.poll(rows).toBe(2);
    expect(await page.locator('.vitem .rchip').allInnerTexts()).toEqual(['Not met', 'Partial']);
    await page.getByRole('button', { name: 'Gaps' }).click();
    await page.getByRole('button', { name: 'Flagged' }).click();
    await expect.poll(rows).toBe(1);
    await page.getByRole('button', { name: 'Flagged' }).click();

    await page.keyboard.press('/');
    await page.keyboard.type('SR 7');
    await expect
      .poll(async () =>
        (await page.locator('.vitem .vid').allInnerTexts()).every((t) => t.startsWith('SR 7')),
      )
      .toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox').fill('');

    const atTarget = await rows();
    await page.getByRole('button', { name: 'Above target' }).click();
    await expect.poll(rows).toBeGreaterThan(atTarget);
    expect(await page.locator('.vitem .vtitle.above').count()).toBeGreaterThan(0);

    // e opens the answer's evidence strip; a note captured there is linked to the answer.
    const current = await currentRequirement(page);
    await page.keyboard.press('e');
    await page.getByTestId('evidence-strip').getByRole('button', { name: 'Note' }).click();
    await page
      .getByRole('dialog', { name: 'Add a note' })
      .getByLabel('Note')
      .fill('Operator: no USB policy.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByTestId('evidence-strip').getByRole('heading', { name: 'Evidence (1)' }).waitFor();
    expect(await currentRequirement(page)).toBe(current);
    // Answered, the item shows the count on its evidence button too.
    await page.keyboard.press('1');
    await page.keyboard.press('k');
    await page.getByRole('button', { name: /Evidence \(1\)/ }).waitFor();
    await app.close();
  });

  it('shows the handler sentence and puts the answer back when saving fails', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Rollback' });
    const z = await invoke<Zone>(app.table, 'zones.create', { assessmentId: a.id, name: 'Z', slTarget: SL2 });
    await goto(app.page, `#/a/${a.id}/zones/zone:${z.id}`);
    await app.page.locator('.answer-title').waitFor();
    const first = await currentRequirement(app.page);
    const sentence = 'The workspace is on a disk that is full. Free some space and try again.';
    app.table['responses.set'] = async () => ({ ok: false, error: { code: 'disk-full', message: sentence } });
    await app.page.keyboard.press('1');
    await app.page.getByText(`Your answer to ${first} was not saved: ${sentence}`).waitFor();
    const row = app.page.locator(`.vitem[data-req="${first}"]`);
    await expect.poll(() => row.locator('.rchip').getAttribute('class')).toContain('r-open');
    await app.close();
  });

  it('Ctrl+K jumps to a zone, an asset and a requirement id', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Palette' });
    const z = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'Safety zone',
      slTarget: SL2,
    });
    await invoke<Asset>(app.table, 'assets.create', {
      assessmentId: a.id,
      name: 'SIS controller',
      zone: z.id,
      componentType: 'EDR',
    });
    const { page } = app;
    await goto(page, `#/a/${a.id}/overview`);
    await page.getByRole('heading', { name: 'Overview' }).waitFor();

    await page.keyboard.press('Control+k');
    await page.keyboard.type('sis contr');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /SIS controller/ }).waitFor();

    await page.keyboard.press('Control+k');
    await page.keyboard.type('sr 1.1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Safety zone/ }).waitFor();
    await expect.poll(() => currentRequirement(page)).toBe('SR 1.1');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('add zone');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Add zone' }).waitFor();
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+k');
    await page.keyboard.type('sr 1.1 re 3'); // SL 4 only: above every target, so the palette asks where
    await page.keyboard.press('Enter');
    await page.getByText(/is above the target of every scope/).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => currentRequirement(page)).toBe('SR 1.1 RE 3');
    expect(await page.getByRole('button', { name: 'Above target' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await app.close();
  });

  it('imports assets from a CSV through the mapping step (seen after a reopen), and lists row errors without importing anything', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Import' });
    await invoke<Zone>(app.table, 'zones.create', { assessmentId: a.id, name: 'Control', slTarget: SL2 });
    const { page } = app;
    await goto(page, `#/a/${a.id}/zones/import`);
    const bad = 'Device,Type,Maker\nPLC-1,EDR,Siemens\nHMI-1,TOASTER,Siemens\n';
    await page
      .getByLabel(/A CSV or Excel/)
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByRole('heading', { name: 'Which column holds what?' }).waitFor();
    await page.getByLabel(/^Name/).selectOption('Device');
    await page.getByLabel(/^Component type/).selectOption('Type');
    await page.getByLabel(/^Vendor/).selectOption('Maker');
    await page.getByRole('button', { name: /^Import 2 assets/ }).click();
    await page.getByRole('heading', { name: 'Nothing was imported' }).waitFor();
    await page.getByRole('cell', { name: '2', exact: true }).waitFor();
    expect(await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id })).toEqual([]);

    const good = 'Device,Type,Maker\nPLC-1,EDR,Siemens\nHMI-1,HDR,Siemens\n';
    await page
      .getByLabel(/A CSV or Excel/)
      .setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByLabel(/^Name/).selectOption('Device');
    await page.getByLabel(/^Component type/).selectOption('Type');
    await page.getByRole('button', { name: /^Import 2 assets/ }).click();
    await page.getByRole('heading', { name: 'Imported 2 assets' }).waitFor();
    const assets = await invoke<Asset[]>(app.table, 'assets.list', { assessmentId: a.id });
    expect(assets.map((x) => [x.name, x.componentType]).sort()).toEqual([
      ['HMI-1', 'HDR'],
      ['PLC-1', 'EDR'],
    ]);
    // Saved: a fresh app over the same folder lists both.
    const again = await reopen(browser, app, dir, { hash: `#/a/${a.id}/zones` });
    await again.page.getByRole('row', { name: /PLC-1/ }).waitFor();
    await again.page.getByRole('row', { name: /HMI-1/ }).waitFor();
    await again.close();
  });

  it('writes, filters and deletes a manual finding beside the derived gaps', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Findings' });
    const zone = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'Control',
      slTarget: SL2,
    });
    // A derived gap is an answered item that falls short (unanswered items are open questions).
    app.services.responses.set(a.id, { kind: 'zone', id: zone.id }, 'SR 1.1', { result: 'not-met' });
    const { page } = app;
    await goto(page, `#/a/${a.id}/findings`);
    await page.getByRole('heading', { name: 'Findings', level: 2 }).waitFor();
    await expect.poll(() => page.locator('tr[data-kind="gap"]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'New finding' }).click();
    const drawer = page.getByRole('dialog', { name: 'New finding' });
    await drawer.getByLabel('Title').fill('Shared admin password on HMIs');
    await drawer.getByLabel('Severity').selectOption('critical');
    await drawer.getByLabel('Owner').fill('OT team');
    await drawer.getByLabel('Due date').fill('2027-03-31');
    await drawer.getByLabel('Linked requirement').fill('SR 1.1');
    await drawer.getByRole('button', { name: 'Create finding' }).click();
    const row = page.locator('tr[data-kind="finding"]');
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('img', { name: 'Manual finding' }).waitFor();

    await page.getByLabel('Kind').selectOption('finding');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByLabel('Severity').selectOption('low');
    await page.getByText('Nothing matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Text').fill('admin password');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('dialog', { name: 'Edit finding' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Really delete' }).click();
    await page.getByText('Nothing matches these filters.').waitFor();
    await app.close();
  });
});

describe('accessibility of the field screens (axe-core)', () => {
  it('has no serious or critical violation on any main screen, in both themes', async () => {
    const dir = tempDataDir();
    for (const colorScheme of ['light', 'dark'] as const) {
      const app = await openApp(browser, dir, { colorScheme });
      const t = app.table;
      const list = await invoke<{ id: string }[]>(t, 'assessments.list', {});
      const a = list[0] ?? app.services.assessments.create({ title: 'Axe' });
      let zones = await invoke<Zone[]>(t, 'zones.list', { assessmentId: a.id });
      if (!zones.length) {
        const z1 = await invoke<Zone>(t, 'zones.create', {
          assessmentId: a.id,
          name: 'Control',
          slTarget: SL2,
        });
        const z2 = await invoke<Zone>(t, 'zones.create', { assessmentId: a.id, name: 'DMZ', slTarget: SL2 });
        await invoke<Asset>(t, 'assets.create', {
          assessmentId: a.id,
          name: 'PLC',
          zone: z1.id,
          componentType: 'EDR',
        });
        await invoke<Conduit>(t, 'conduits.create', {
          assessmentId: a.id,
          name: 'Firewall',
          zones: [z1.id, z2.id],
        });
        app.services.responses.set(a.id, { kind: 'zone', id: z1.id }, 'SR 1.1', { result: 'not-met' });
        zones = [z1, z2];
      }
      const { page } = app;
      const screens: [string, string, () => Promise<void>][] = [
        ['overview', `#/a/${a.id}/overview`, () => page.getByTestId('heatmap').waitFor()],
        [
          'zones',
          `#/a/${a.id}/zones`,
          () => page.getByRole('heading', { name: 'Zones and conduits' }).waitFor(),
        ],
        [
          'zone checklist',
          `#/a/${a.id}/zones/zone:${zones[0].id}`,
          () => page.locator('.answer-title').waitFor(),
        ],
        ['organisation', `#/a/${a.id}/organisation`, () => page.locator('.answer-title').waitFor()],
        ['findings', `#/a/${a.id}/findings`, () => page.locator('tr[data-kind="gap"]').first().waitFor()],
        [
          'finding drawer',
          `#/a/${a.id}/findings/new`,
          () => page.getByRole('dialog', { name: 'New finding' }).waitFor(),
        ],
        [
          'import',
          `#/a/${a.id}/zones/import`,
          () => page.getByRole('heading', { name: 'Import assets' }).waitFor(),
        ],
        [
          'add zone',
          `#/a/${a.id}/zones/new:zone`,
          () => page.getByRole('dialog', { name: 'Add zone' }).waitFor(),
        ],
      ];
      // Every screen in the light theme; the dark theme on the screens with the most colour.
      const inTheme =
        colorScheme === 'light' ? screens : screens.filter(([n]) => /overview|checklist|findings/.test(n));
      for (const [name, hash, ready] of inTheme) {
        await goto(page, hash);
        await ready();
        await expectAccessible(page, `${name} (${colorScheme})`);
      }
      await goto(page, `#/a/${a.id}/overview`);
      await page.getByTestId('heatmap').waitFor();
      await page.keyboard.press('Control+k');
      await page.getByRole('combobox').waitFor();
      await expectAccessible(page, `command palette (${colorScheme})`);
      await app.close();
    }
  });
});
