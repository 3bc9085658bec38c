import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DESKTOP_LOOK, launchChromium, openApp, tempDataDir } from './harness';
import { seedScreenshotWorkspace } from './seed';

const OUT = path.resolve('docs/screenshots');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  fs.mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

/** Writes a PNG of every main screen to docs/screenshots for the README. */
it('captures every main screen', async () => {
  const dir = tempDataDir();
  const { assessmentId, screens } = await seedScreenshotWorkspace(dir);
  // The README shows the desktop app, so its Browse… buttons and desktop-only actions are there.
  const app = await openApp(browser, dir, { platform: DESKTOP_LOOK });
  for (const screen of screens) {
    const theme = screen.theme ?? 'light';
    await app.page.evaluate((t) => localStorage.setItem('zonewalk.theme', t), theme);
    await app.page.goto(`http://zonewalk.localhost/index.html${screen.hash.replace('{id}', assessmentId)}`);
    // A hash change keeps the page; reload so each screen starts fresh in its theme.
    await app.page.reload();
    await app.page.getByText(screen.waitFor).first().waitFor();
    await screen.prepare?.(app.page);
    if (screen.waitForSelector) await app.page.locator(screen.waitForSelector).waitFor();
    const file = path.join(OUT, `${screen.name}.png`);
    await app.page.screenshot({ path: file, fullPage: false });
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
  }
  expect(app.foreignRequests).toEqual([]);
  await app.close();
});
