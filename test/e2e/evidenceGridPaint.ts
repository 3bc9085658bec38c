import type { Browser } from 'playwright-core';
import { createServices } from '../../src/main/services';
import { openApp, tempDataDir } from './harness';

/**
 * Seeds `count` evidence rows (metadata only: the grid never reads files) and measures, in the
 * page, the time from switching to the Evidence section until the first tiles are painted.
 */
export async function measureGridFirstPaint(
  browser: Browser,
  count: number,
): Promise<{
  ms: number;
  tiles: number;
  countText: string | null;
  close: () => Promise<void>;
  page: import('playwright-core').Page;
}> {
  const dir = tempDataDir();
  const s = createServices(dir);
  const id = s.assessments.create({ title: 'Grid' }).id;
  const insert = s.ws.db.prepare(
    `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, kind, captured_at, captured_by, added_at)
     VALUES (?, ?, ?, 'text/plain', 10, 'note', '2026-11-23T10:00:00Z', 'Ana', ?)`,
  );
  s.ws.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = new Date(Date.UTC(2026, 10, 23, 10) + i * 1000).toISOString();
      insert.run(id, i.toString(16).padStart(64, '0'), `note-${i}.txt`, at);
    }
  })();
  s.ws.close();
  const app = await openApp(browser, dir, { hash: `#/a/${id}/details` });
  await app.page.getByRole('heading', { name: 'Assessment details' }).waitFor();
  const ms = await app.page.evaluate(async () => {
    const t0 = performance.now();
    location.hash = location.hash.replace('/details', '/evidence');
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('[data-testid="evidence-tile"]') ? resolve() : requestAnimationFrame(check);
      check();
    });
    // The frame after the tiles exist is the one that shows them.
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - t0;
  });
  return {
    ms,
    tiles: await app.page.getByTestId('evidence-tile').count(),
    countText: await app.page.getByTestId('evidence-count').textContent(),
    page: app.page,
    close: app.close,
  };
}
