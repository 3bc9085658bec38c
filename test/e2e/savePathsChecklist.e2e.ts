import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/core/domain';
import type { ChecklistResponse, Zone } from '../../src/core/model';
import type { HandlerTable } from '../../src/main/handlers';
import { MATURITY_KEYS, RESULT_KEYS } from '../../src/renderer/screens/assessment/checklist/answerKeys';
import type { Checklist } from '../../src/shared/contract/checklists';
import {
  answerAndWait,
  checklistProgress,
  currentHash,
  currentRequirement,
  goto,
  invoke,
  pressedAnswer,
  reopen,
} from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';

// Every save path of the checklist's answer panel: change, save, reopen on a fresh handler table
// over the same folder, and see the value in the window.

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const SL2 = { FR1: 2, FR2: 2, FR3: 2, FR4: 2, FR5: 2, FR6: 2, FR7: 2 };

/** What the handler has stored for a scope, by requirement: to wait for saves made behind the screen. */
async function stored(table: HandlerTable, assessmentId: string, scope: Scope) {
  const c = await invoke<Checklist>(table, 'checklists.get', { assessmentId, scope });
  return new Map(
    c.items.filter((i) => i.response).map((i) => [i.requirement.id, i.response as ChecklistResponse]),
  );
}

const commentField = '.answer-fields textarea >> nth=0';
const compensatingField = '.answer-fields textarea >> nth=1';

describe('checklist save paths survive a reload', () => {
  it('the five results by click and by key, comment, compensating control, flag and a cleared answer', async () => {
    const dir = tempDataDir();
    let app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Save paths' });
    const zone = await invoke<Zone>(app.table, 'zones.create', {
      assessmentId: a.id,
      name: 'Control room',
      slTarget: SL2,
    });
    const scope: Scope = { kind: 'zone', id: zone.id };
    let page = app.page;
    await goto(page, `#/a/${a.id}/zones/zone:${zone.id}`);
    await page.locator('.answer-title').waitFor();
    const total = Number((await checklistProgress(page)).split('/')[1]);

    // Each result once by its button, then once by its key; the address of each item is kept.
    const answered: { hash: string; requirement: string; position: number }[] = [];
    const buttons = page.locator('.answer-buttons .answer-btn');
    for (const position of RESULT_KEYS.keys()) {
      const hash = currentHash(page);
      const requirement = await answerAndWait(page, () => buttons.nth(position).click());
      answered.push({ hash, requirement, position });
    }
    for (const [position, k] of RESULT_KEYS.entries()) {
      const hash = currentHash(page);
      const requirement = await answerAndWait(page, () => page.keyboard.press(k.key));
      answered.push({ hash, requirement, position });
    }

    // An eleventh answer, then cleared again.
    const clearedHash = currentHash(page);
    const cleared = await answerAndWait(page, () => page.keyboard.press('3'));
    await goto(page, clearedHash);
    await expect.poll(() => currentRequirement(page)).toBe(cleared);
    await page.getByRole('button', { name: 'Clear answer' }).click();
    await expect.poll(() => pressedAnswer(page)).toBe(-1);

    // The first (met) item: comment, compensating control and the flag by click.
    const met = answered[0];
    await goto(page, met.hash);
    await expect.poll(() => currentRequirement(page)).toBe(met.requirement);
    await page.locator(commentField).fill('Checked the local accounts with the shift lead.');
    await page.locator(compensatingField).fill('Isolated by the cell firewall FW-2.');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Flag for review/ }).click();
    // The second key-answered item (partially met): the flag by key.
    const flaggedByKey = answered[6];
    await goto(page, flaggedByKey.hash);
    await expect.poll(() => currentRequirement(page)).toBe(flaggedByKey.requirement);
    await page.keyboard.press('f');

    // The last saves go out behind the screen: wait until the handler has them.
    await expect
      .poll(async () => {
        const s = await stored(app.table, a.id, scope);
        const first = s.get(met.requirement);
        return [
          s.size,
          s.has(cleared),
          first?.comment,
          first?.compensatingControl,
          first?.flagged,
          s.get(flaggedByKey.requirement)?.flagged,
        ];
      })
      .toEqual([
        10,
        false,
        'Checked the local accounts with the shift lead.',
        'Isolated by the cell firewall FW-2.',
        true,
        true,
      ]);

    app = await reopen(browser, app, dir, { hash: met.hash });
    page = app.page;
    await page.locator('.answer-title').waitFor();
    // "Not assessed" (twice) is stored but does not count as answered.
    expect(await checklistProgress(page)).toBe(`8/${total}`);
    expect(await currentRequirement(page)).toBe(met.requirement);
    expect(await page.locator(commentField).inputValue()).toBe(
      'Checked the local accounts with the shift lead.',
    );
    expect(await page.locator(compensatingField).inputValue()).toBe('Isolated by the cell firewall FW-2.');
    for (const { hash, requirement, position } of answered) {
      await goto(page, hash);
      await expect.poll(() => currentRequirement(page)).toBe(requirement);
      expect({ requirement, pressed: await pressedAnswer(page) }).toEqual({ requirement, pressed: position });
      const flag = await page.getByRole('button', { name: /Flag for review/ }).getAttribute('aria-pressed');
      expect({ requirement, flag }).toEqual({
        requirement,
        flag: String(requirement === met.requirement || requirement === flaggedByKey.requirement),
      });
    }
    await goto(page, clearedHash);
    await expect.poll(() => currentRequirement(page)).toBe(cleared);
    expect(await pressedAnswer(page)).toBe(-1);
    expect(await page.getByRole('button', { name: 'Clear answer' }).count()).toBe(0);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('2-1 maturity: ML0-ML4 and N/A by click and by key, and a comment', async () => {
    const dir = tempDataDir();
    let app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Organisation save paths' });
    let page = app.page;
    await goto(page, `#/a/${a.id}/organisation`);
    await page.locator('.answer-title').waitFor();
    const total = Number((await checklistProgress(page)).split('/')[1]);

    const answered: { hash: string; requirement: string; position: number }[] = [];
    const buttons = page.locator('.answer-buttons .answer-btn');
    for (const position of MATURITY_KEYS.keys()) {
      const hash = currentHash(page);
      const requirement = await answerAndWait(page, () => buttons.nth(position).click());
      answered.push({ hash, requirement, position });
    }
    // By key: 0-4, and n for not applicable.
    for (const [position, k] of MATURITY_KEYS.entries()) {
      const hash = currentHash(page);
      const key = k.maturity === null ? 'n' : k.key;
      const requirement = await answerAndWait(page, () => page.keyboard.press(key));
      answered.push({ hash, requirement, position });
    }
    const commented = answered[3];
    await goto(page, commented.hash);
    await expect.poll(() => currentRequirement(page)).toBe(commented.requirement);
    await page.locator(commentField).fill('Policy approved 2025; no review since.');
    await page.keyboard.press('Escape');
    await expect
      .poll(
        async () =>
          (await stored(app.table, a.id, { kind: 'organisation' })).get(commented.requirement)?.comment,
      )
      .toBe('Policy approved 2025; no review since.');

    app = await reopen(browser, app, dir, { hash: commented.hash });
    page = app.page;
    await page.locator('.answer-title').waitFor();
    expect(await checklistProgress(page)).toBe(`${answered.length}/${total}`);
    expect(await page.locator(commentField).inputValue()).toBe('Policy approved 2025; no review since.');
    for (const { hash, requirement, position } of answered) {
      await goto(page, hash);
      await expect.poll(() => currentRequirement(page)).toBe(requirement);
      expect({ requirement, pressed: await pressedAnswer(page) }).toEqual({ requirement, pressed: position });
    }
    // The per-SPE maturity strip is computed from what was stored.
    await page.getByRole('list', { name: 'Maturity per security program element' }).waitFor();
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
