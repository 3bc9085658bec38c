import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, tempDataDir } from './harness';
import { overlayFile } from './seed';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const tree = (page: Page) => page.getByRole('navigation', { name: 'Requirements' });
const row = (page: Page, id: string) => tree(page).locator(`button[data-id="${id}"]`);
const detail = (page: Page) => page.getByTestId('requirement-detail');

describe('catalog browser in Chromium', () => {
  it('shows SR 1.1 with its three REs and their levels, reached from the Home header', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const { page } = app;
    await page.getByRole('button', { name: 'Catalogs' }).click();
    await page.getByRole('heading', { name: 'Catalogs', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: '3-3 System' }).getAttribute('aria-pressed')).toBe('true');

    // The tree: SR 1.1 and its REs, each with the level it is required from.
    const levelFrom = (id: string) => row(page, id).locator('.sl-from').textContent();
    await expect.poll(() => levelFrom('SR 1.1')).toBe('SL 1+');
    expect(await row(page, 'SR 1.1').locator('.tree-title').textContent()).toBe(
      'Human user identification and authentication',
    );
    expect(await row(page, 'SR 1.1 RE 1').locator('.tree-title').textContent()).toBe(
      'Unique identification and authentication',
    );
    expect([
      await levelFrom('SR 1.1 RE 1'),
      await levelFrom('SR 1.1 RE 2'),
      await levelFrom('SR 1.1 RE 3'),
    ]).toEqual(['SL 2+', 'SL 3+', 'SL 4']);

    // The detail of SR 1.1: its levels as badges, our guidance, questions, evidence and its three REs.
    await detail(page)
      .getByRole('heading', { name: /SR 1\.1 Human user identification/ })
      .waitFor();
    await expect.poll(() => detail(page).getByRole('img', { name: 'Required at SL 1-4' }).count()).toBe(1);
    await detail(page).getByRole('heading', { name: 'Questions to ask' }).waitFor();
    await detail(page).getByRole('heading', { name: 'Evidence to capture' }).waitFor();
    const res = detail(page).getByTestId('related-requirement');
    expect(await res.count()).toBe(3);
    expect(await res.nth(0).getByRole('img').getAttribute('aria-label')).toBe('Required at SL 2-4');
    expect(await res.nth(1).getByRole('img').getAttribute('aria-label')).toBe('Required at SL 3-4');
    expect(await res.nth(2).getByRole('img').getAttribute('aria-label')).toBe('Required at SL 4');

    // Search by id and by words; arrow keys walk the matches.
    await page.getByLabel('Search requirements').fill('SR 1.1');
    await expect.poll(() => tree(page).locator('button[data-id]').count()).toBe(4);
    await row(page, 'SR 1.1').focus();
    await page.keyboard.press('ArrowDown');
    await detail(page)
      .getByRole('heading', { name: /SR 1\.1 RE 1 Unique identification/ })
      .waitFor();
    await page.getByLabel('Search requirements').fill('wireless');
    await expect.poll(() => row(page, 'SR 1.6').count()).toBe(1);
    await page.getByLabel('Search requirements').fill('');

    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('filters 4-2 by network device and SL 2: NDR 1.6 and NDR 5.2 RE 1, not NDR 5.2 RE 2', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir, { hash: '#/catalogs' });
    const { page } = app;
    await page.getByRole('button', { name: '4-2 Component' }).click();
    await row(page, 'CR 1.1').waitFor();
    await page.getByLabel('Component type').selectOption('NDR');
    await page.getByLabel('Required at security level').selectOption('2');
    await expect.poll(() => row(page, 'NDR 5.2 RE 2').count()).toBe(0);
    expect(await row(page, 'NDR 1.6').count()).toBe(1);
    expect(await row(page, 'NDR 5.2 RE 1').count()).toBe(1);
    expect(await row(page, 'EDR 3.10').count()).toBe(0);
    // The placeholder stays as a heading above its network device requirement.
    expect(await row(page, 'CR 5.2').getAttribute('class')).toContain('context');
    await page.getByLabel('Required at security level').selectOption('3');
    await expect.poll(() => row(page, 'NDR 5.2 RE 2').count()).toBe(1);
    await row(page, 'NDR 5.2 RE 2').click();
    await detail(page).getByText('Network device (NDR)').waitFor();
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a licensed overlay and shows its text beside our guidance; a bad file gets one sentence', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir, { hash: '#/catalogs/4-2/NDR%205.2%20RE%201' });
    const { page } = app;
    await detail(page)
      .getByRole('heading', { name: /NDR 5\.2 RE 1/ })
      .waitFor();
    const input = page.getByLabel('Licensed overlay file');

    await input.setInputFiles(
      overlayFile('iec-62443-4-2:2019', [
        { id: 'NDR 5.2 RE 1', text: 'Stand-in for the licensed wording of NDR 5.2 RE 1.' },
        { id: 'SR 9.9', text: 'x' },
      ]),
    );
    await page
      .getByRole('alert')
      .getByText(
        'licensed-overlay.json names 1 requirement that IEC 62443-4-2 does not have: SR 9.9. Nothing was imported.',
      )
      .waitFor();
    expect(await page.getByTestId('licensed-text').count()).toBe(0);

    await input.setInputFiles(
      overlayFile('iec-62443-4-2:2019', [
        { id: 'NDR 5.2 RE 1', text: 'Stand-in for the licensed wording of NDR 5.2 RE 1.' },
        { id: 'CR 1.1', text: 'Stand-in for the licensed wording of CR 1.1.' },
      ]),
    );
    await page
      .getByRole('status')
      .getByText(/Imported Plant licence 2026\.1 for IEC 62443-4-2: 2 entries/)
      .waitFor();
    await page
      .getByTestId('overlay-state')
      .getByText(/Licensed overlay:/)
      .waitFor();
    const licensed = page.getByTestId('licensed-text');
    await licensed.getByText('Stand-in for the licensed wording of NDR 5.2 RE 1.').waitFor();
    await licensed.getByRole('heading', { name: /Official text from Plant licence 2026\.1/ }).waitFor();
    // Beside our guidance, not instead of it.
    const guidanceBox = await detail(page).getByRole('heading', { name: 'What to look at' }).boundingBox();
    const licensedBox = await licensed.boundingBox();
    expect(guidanceBox && licensedBox && licensedBox.x > guidanceBox.x + 100).toBe(true);
    expect(Math.abs((guidanceBox?.y ?? 0) - (licensedBox?.y ?? 999))).toBeLessThan(40);

    // Stored in the workspace: a fresh window over the same folder still shows it.
    await app.close();
    const again = await openApp(browser, dir, { hash: '#/catalogs/4-2/CR%201.1' });
    await again.page
      .getByTestId('licensed-text')
      .getByText('Stand-in for the licensed wording of CR 1.1.')
      .waitFor();
    await again.page.getByRole('button', { name: 'Remove overlay' }).click();
    await again.page.getByRole('button', { name: 'Remove', exact: true }).click();
    await again.page.getByText(/Removed Plant licence 2026\.1/).waitFor();
    // The message comes with the reply; the entry redraws when the catalog has been reloaded.
    await again.page.getByTestId('licensed-text').waitFor({ state: 'detached' });
    expect(await again.page.getByTestId('licensed-text').count()).toBe(0);
    expect(again.services.catalogs.history().map((e) => e.action)).toEqual(['imported', 'removed']);
    expect(again.foreignRequests).toEqual([]);
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is a section of the assessment workspace and fits a narrow tablet', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir, { viewport: { width: 768, height: 1024 } });
    const a = app.services.assessments.create({ title: 'Pump station 4' });
    await app.page.goto(`http://zonewalk.localhost/index.html#/a/${a.id}/details`);
    await app.page.getByRole('button', { name: 'Catalogs' }).click();
    await row(app.page, 'SR 1.1').waitFor();
    await app.page.getByRole('button', { name: '2-1 Security program' }).click();
    await row(app.page, 'ORG 1.1').waitFor();
    expect(await app.page.getByLabel('Required at security level').count()).toBe(0);
    await row(app.page, 'ORG 1.1').click();
    await detail(app.page)
      .getByText(/maturity levels 1-4/)
      .waitFor();
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
