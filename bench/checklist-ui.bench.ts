import fs from 'node:fs';
import { it } from 'vitest';
import type { Zone } from '../src/core/model';
import type { Checklist } from '../src/shared/contract/checklists';
import type { Result } from '../src/shared/errors';
import { launchChromium, ORIGIN, openApp } from '../test/e2e/harness';
import { benchDir, QUICK, quantile, record, timeMs } from './lib';

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
      const first = await page.locator('.answer-title .req-id').textContent();
      await page.keyboard.press('j');
      await page.waitForFunction(
        (before) => document.querySelector('.answer-title .req-id')?.textContent !== before,
        first,
      );
      const listed = await page.getByTestId('checklist-list').getAttribute('data-visible');
      if (listed !== String(ITEMS)) throw new Error(`listed ${listed} items, not ${ITEMS}`);
      const rendered = await page.locator('.vitem').count();
      if (rendered > 60) throw new Error(`rendered ${rendered} rows: the list is not virtualized`);
    },
  );
  // The common case on site: the app is open and the auditor moves on to the next scope. Only the
  // move is timed, not getting to the page it starts from.
  const samples: number[] = [];
  for (let i = 0; i < (QUICK ? 2 : 15) + 1; i++) {
    await page.goto(`${ORIGIN}/index.html#/a/${a.id}/zones`);
    await page.getByRole('heading', { name: 'Zones and conduits' }).waitFor();
    const t0 = process.hrtime.bigint();
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, `#/a/${a.id}/zones/zone:${zone.id}`);
    await page.locator('.vitem.selected').waitFor();
    const first = await page.locator('.answer-title .req-id').textContent();
    await page.keyboard.press('j');
    await page.waitForFunction(
      (before) => document.querySelector('.answer-title .req-id')?.textContent !== before,
      first,
    );
    if (i > 0) samples.push(Number(process.hrtime.bigint() - t0) / 1e6); // the first one warms up
  }
  samples.sort((x, y) => x - y);
  record({
    name: 'checklist page, 1,000 items: in-app navigation to interactive (Chromium)',
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    unit: 'ms',
    target: 1000,
    better: 'lower',
    samples: samples.length,
    note: 'from the zones page by hash; most of it is the e2e bridge carrying 1,000 items as JSON over CDP (about 300 ms), the page itself renders in about 80 ms',
  });
  // "A click answers within one frame": from the key press to the answered row and the next item
  // on screen, measured inside the page on the 1,000-item list (the save runs behind).
  const answers: number[] = await page.evaluate(
    async (n) => {
      const out: number[] = [];
      const current = () => document.querySelector('.answer-title .req-id')?.textContent;
      for (let i = 0; i < n; i++) {
        const before = current();
        const t0 = performance.now();
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key: String((i % 3) + 1), bubbles: true }),
        );
        // React flushes a keydown's update in a microtask; poll those first, then the event loop.
        for (let k = 0; k < 50 && current() === before; k++) await Promise.resolve();
        while (current() === before) await new Promise((r) => setTimeout(r, 0));
        out.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(r));
      }
      return out;
    },
    QUICK ? 5 : 60,
  );
  answers.sort((x, y) => x - y);
  record({
    name: 'answer key to screen, 1,000-item checklist (Chromium)',
    median: quantile(answers, 0.5),
    p95: quantile(answers, 0.95),
    unit: 'ms',
    target: 16.7,
    better: 'lower',
    samples: answers.length,
    note: 'optimistic: the row shows the answer and the next item opens before the handler replies',
  });
  await app.close();
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
