import type { Browser, Page } from 'playwright-core';
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
  finish,
  goto,
  invoke,
  pressedAnswer,
  reopen,
  SETTLED,
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
const justificationField = '.answer-fields textarea >> nth=1';

/** N/A asks for its reason in place: type it and press Enter (rules, edition 2). */
async function giveReason(page: Page, reason: string): Promise<void> {
  const field = page.locator('.na-prompt input');
  await field.waitFor();
  expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
  await field.fill(reason);
  await field.press('Enter');
}

interface Answered {
  /** The address of the item, to come back to it. */
  hash: string;
  requirement: string;
  /** Which answer button it got (0-based). */
  position: number;
}

/** Answers one item per answer button, in turn, with `act`; keeps where each item lives. */
async function answerInTurn(
  page: Page,
  buttons: number,
  act: (position: number) => Promise<void>,
): Promise<Answered[]> {
  const answered: Answered[] = [];
  for (let position = 0; position < buttons; position++) {
    const hash = currentHash(page);
    const requirement = await answerAndWait(page, () => act(position));
    answered.push({ hash, requirement, position });
  }
  return answered;
}

/** Opens each answered item by its address and sees its button pressed, then whatever `also` checks. */
async function expectAnswers(
  page: Page,
  answered: Answered[],
  also: (item: Answered) => Promise<void> = async () => {},
): Promise<void> {
  for (const item of answered) {
    const { hash, requirement, position } = item;
    await goto(page, hash);
    await expect.poll(() => currentRequirement(page), SETTLED).toBe(requirement);
    expect({ requirement, pressed: await pressedAnswer(page) }).toEqual({ requirement, pressed: position });
    await also(item);
  }
}

describe('checklist save paths survive a reload', () => {
  it('the five results by click and by key (N/A with its reason asked in place), comment, flag and a cleared answer', async () => {
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

    // Each result once by its button, then once by its key.
    const buttons = page.locator('.answer-buttons .answer-btn');
    const na = RESULT_KEYS.findIndex((k) => k.result === 'not-applicable');
    // N/A without a reason saves nothing: Escape leaves the item unanswered and where it was.
    const asked = await currentRequirement(page);
    await page.keyboard.press(RESULT_KEYS[na].key);
    await page.locator('.na-prompt input').press('Escape');
    expect(await currentRequirement(page)).toBe(asked);
    expect(await pressedAnswer(page)).toBe(-1);
    const reasonOf = (how: string) => `No wireless in this zone (${how})`;
    const answered = [
      ...(await answerInTurn(page, RESULT_KEYS.length, async (i) => {
        await buttons.nth(i).click();
        if (i === na) await giveReason(page, reasonOf('button'));
      })),
      ...(await answerInTurn(page, RESULT_KEYS.length, async (i) => {
        await page.keyboard.press(RESULT_KEYS[i].key);
        if (i === na) await giveReason(page, reasonOf('key'));
      })),
    ];

    // An eleventh answer, then cleared again.
    const clearedHash = currentHash(page);
    const cleared = await answerAndWait(page, () => page.keyboard.press('3'));
    await goto(page, clearedHash);
    await expect.poll(() => currentRequirement(page), SETTLED).toBe(cleared);
    await page.getByRole('button', { name: 'Clear answer' }).click();
    await expect.poll(() => pressedAnswer(page), SETTLED).toBe(-1);

    // The first (met) item: comment and the flag by click.
    const met = answered[0];
    await goto(page, met.hash);
    await expect.poll(() => currentRequirement(page), SETTLED).toBe(met.requirement);
    await page.locator(commentField).fill('Checked the local accounts with the shift lead.');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Flag for review/ }).click();
    // The second key-answered item (partially met): the flag by key.
    const flaggedByKey = answered[6];
    await goto(page, flaggedByKey.hash);
    await expect.poll(() => currentRequirement(page), SETTLED).toBe(flaggedByKey.requirement);
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
          first?.flagged,
          s.get(flaggedByKey.requirement)?.flagged,
        ];
      })
      .toEqual([10, false, 'Checked the local accounts with the shift lead.', true, true]);

    app = await reopen(browser, app, dir, { hash: met.hash });
    page = app.page;
    await page.locator('.answer-title').waitFor();
    // "Not assessed" (twice) is stored but does not count as answered.
    expect(await checklistProgress(page)).toBe(`8/${total}`);
    expect(await currentRequirement(page)).toBe(met.requirement);
    expect(await page.locator(commentField).inputValue()).toBe(
      'Checked the local accounts with the shift lead.',
    );
    await expectAnswers(page, answered, async (item) => {
      const { requirement } = item;
      if (item.position === na) {
        const how = answered.indexOf(item) < RESULT_KEYS.length ? 'button' : 'key';
        expect(await page.locator(justificationField).inputValue()).toBe(reasonOf(how));
      }
      const flag = await page.getByRole('button', { name: /Flag for review/ }).getAttribute('aria-pressed');
      expect({ requirement, flag }).toEqual({
        requirement,
        flag: String(requirement === met.requirement || requirement === flaggedByKey.requirement),
      });
    });
    await goto(page, clearedHash);
    await expect.poll(() => currentRequirement(page), SETTLED).toBe(cleared);
    expect(await pressedAnswer(page)).toBe(-1);
    expect(await page.getByRole('button', { name: 'Clear answer' }).count()).toBe(0);
    await finish(app, dir);
  });

  it('2-1 maturity: ML0-ML4 and N/A by click and by key, and a comment', async () => {
    const dir = tempDataDir();
    let app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Organisation save paths' });
    let page = app.page;
    await goto(page, `#/a/${a.id}/organisation`);
    await page.locator('.answer-title').waitFor();
    const total = Number((await checklistProgress(page)).split('/')[1]);

    const buttons = page.locator('.answer-buttons .answer-btn');
    // By key: 0-4, and n for not applicable.
    const byKey = (i: number) => (MATURITY_KEYS[i].maturity === null ? 'n' : MATURITY_KEYS[i].key);
    const answered = [
      ...(await answerInTurn(page, MATURITY_KEYS.length, async (i) => {
        await buttons.nth(i).click();
        if (MATURITY_KEYS[i].maturity === null) await giveReason(page, 'No own control system (button)');
      })),
      ...(await answerInTurn(page, MATURITY_KEYS.length, async (i) => {
        await page.keyboard.press(byKey(i));
        if (MATURITY_KEYS[i].maturity === null) await giveReason(page, 'No own control system (key)');
      })),
    ];
    const commented = answered[3];
    await goto(page, commented.hash);
    await expect.poll(() => currentRequirement(page), SETTLED).toBe(commented.requirement);
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
    await expectAnswers(page, answered);
    // The per-SPE maturity strip is computed from what was stored.
    await page.getByRole('list', { name: 'Maturity per security program element' }).waitFor();
    await finish(app, dir);
  });
});
