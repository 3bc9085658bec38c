import type { Browser } from 'playwright-core';
import { goto } from './fieldHelpers';
import { type AppPage, openApp } from './harness';

/**
 * Closes the window and its handler table, then opens the app again on a fresh handler table over
 * the same data folder at `hash`: what shows then was saved to disk, not kept in memory.
 */
export async function reopenApp(
  browser: Browser,
  app: AppPage,
  dataDir: string,
  hash: string,
): Promise<AppPage> {
  await app.close();
  const again = await openApp(browser, dataDir);
  await goto(again.page, hash);
  return again;
}
