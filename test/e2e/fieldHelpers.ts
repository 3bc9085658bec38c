import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HandlerTable } from '../../src/main/handlers';
import { type AppPage, ORIGIN, openApp } from './harness';

/** Calls a handler the way the window would and returns its value, failing the test on an error. */
export async function invoke<T>(table: HandlerTable, channel: string, input: unknown): Promise<T> {
  const result = await table[channel as keyof HandlerTable](input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

export async function goto(page: Page, hash: string): Promise<void> {
  await page.goto(`${ORIGIN}/index.html${hash}`);
}

/** axe-core over the page as it is now: no serious or critical violation (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad).toEqual([]);
}

/** The answered/total text of the checklist's progress bar. */
export async function checklistProgress(page: Page): Promise<string> {
  return ((await page.locator('.checklist-toolbar .progress-text').textContent()) ?? '')
    .replace(/\s*answered$/, '')
    .trim();
}

/** The current item's requirement id in the answer panel. */
export async function currentRequirement(page: Page): Promise<string> {
  return ((await page.locator('.answer-title .req-id').textContent()) ?? '').trim();
}

/** Closes the window and its handler table, then opens the app on a fresh table over the same folder. */
export async function reopen(
  browser: Browser,
  app: AppPage,
  dataDir: string,
  opts: Parameters<typeof openApp>[2] = {},
): Promise<AppPage> {
  await app.close();
  return openApp(browser, dataDir, opts);
}

/** The hash of the page as it is now (the checklist keeps its open item there). */
export function currentHash(page: Page): string {
  return new URL(page.url()).hash;
}

/** Answers the current checklist item with `act` and waits until the walk has moved to the next one. */
export async function answerAndWait(page: Page, act: () => Promise<void>): Promise<string> {
  const answered = await currentRequirement(page);
  await act();
  await expect.poll(() => currentRequirement(page), SETTLED).not.toBe(answered);
  return answered;
}

/** Which of the answer buttons is pressed: its position (0-based), or -1 when none is. */
export async function pressedAnswer(page: Page): Promise<number> {
  const pressed = await page
    .locator('.answer-buttons .answer-btn')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-pressed')));
  return pressed.indexOf('true');
}

/** The end of a test: nothing was asked of the network, the window is closed, the folders are gone. */
export async function finish(app: AppPage, ...dirs: string[]): Promise<void> {
  expect(app.foreignRequests).toEqual([]);
  await app.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
}

/** For expect.poll on what a save or a reload brings: on a loaded machine it can take longer than the 1 s default. */
export const SETTLED = { timeout: 15_000 };
