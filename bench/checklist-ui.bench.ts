import fs from 'node:fs';
import { it } from 'vitest';
import type { Zone } from '../src/core/model';
import type { Checklist } from '../src/shared/contract/checklists';
import type { Result } from '../src/shared/errors';
import { launchChromium, ORIGIN, openApp } from '../test/e2e/harness';
import { benchDir, QUICK, timeMs } from './lib';

const ITEMS = 1_000;

/** The real UI in Chromium: from navigation to a 1,000-item checklist answering the keyboard. */
it('checklist page with 1,000 items interactive in Chromium', async () => {
  const dir = benchDir('checklist-ui');
  const browser = await launchChromium();
  const app = await openApp(browser, dir);
  const a = app.services.assessments.create({ title: 'Bench' });
  const sl4 = { FR1: 4, FR2: 4, FR3: 4, FR4: 4, FR5: 4, FR6: 4, FR7: 4 };
  const created = await app.table['zones.create']({ assessmentId: a.id, name: 'Big zone', slTarget: sl4 });
  if (!created.ok) throw new Error(created.error.message);
  const zone = created.value as Zone;

  // The catalogs hold about 100 items per scope: the real list, repeated with distinct ids to 1,000.
  const real = app.table['checklists.get'];
  app.table['checklists.get'] = async (input): Promise<Result<unknown>> => {
    const r = await real(input);
    if (!r.ok) return r;
    const c = r.value as Checklist;
    const items = Array.from({ length: ITEMS }, (_, i) => {
      const base = c.items[i % c.items.length];
      const copy = Math.floor(i / c.items.length);
      const id = copy ? `${base.requirement.id} #${copy}` : base.requirement.id;
      return { ...base, requirement: { ...base.requirement, id } };
    });
    return { ok: true, value: { ...c, items, progress: { answered: 0, total: ITEMS } } };
  };

  const url = `${ORIGIN}/index.html#/a/${a.id}/zones/zone:${zone.id}`;
  const { page } = app;
  await timeMs(
    'checklist page, 1,000 items: navigation to interactive (Chromium)',
    {
      n: QUICK ? 2 : 15,
      warmup: 1,
      target: 1000,
      note: 'full page load of the app, list rendered, j moves the selection',
    },
    async () => {
      await page.goto('about:blank');
      await page.goto(url);
      await page.locator('.vitem.selected').waitFor();
      const first = await page.locator('.answer-title .req-id').innerText();
      await page.keyboard.press('j');
      await page.waitForFunction(
        (before) => document.querySelector('.answer-title .req-id')?.textContent !== before,
        first,
      );
      const rendered = await page.locator('.vitem').count();
      if (rendered > 60) throw new Error(`rendered ${rendered} rows: the list is not virtualized`);
    },
  );
  await app.close();
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
