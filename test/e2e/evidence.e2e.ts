import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJpeg } from '../helpers/evidence';
import { measureGridFirstPaint } from './evidenceGridPaint';
import { currentRequirement, goto } from './fieldHelpers';
import { launchChromium, openApp } from './harness';
import { seedModelWorkspace } from './seed';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const seed = () => seedModelWorkspace('Waterworks Nord 2026', 'Nordhafen');

const tiles = (page: Page) => page.getByTestId('evidence-tile');

async function openItem(page: Page, name: string) {
  await page.getByTestId('evidence-tile').filter({ hasText: name }).first().getByRole('button').click();
  await page.getByRole('heading', { name }).waitFor();
}

describe('evidence in Chromium', () => {
  it('captures a photo with the (fake) camera, links it to an answer, shows its thumbnail and hash', async () => {
    const { dir, id } = seed();
    const app = await openApp(browser, dir, { hash: `#/a/${id}/evidence` });
    const { page } = app;
    await page.getByRole('heading', { name: 'Evidence' }).waitFor();
    await page.getByText('No evidence yet').waitFor();
    await page.getByRole('button', { name: 'Camera' }).click();
    const video = page.getByLabel('Camera preview');
    await video.waitFor();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Take photo' }).click();
    await page.getByText('1 photo added.').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => tiles(page).count()).toBe(1);
    const img = page.getByTestId('thumbnail-img').first();
    await img.waitFor();
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);

    const [item] = app.services.evidence.list(id);
    expect(item).toMatchObject({ kind: 'photo', mediaType: 'image/jpeg', capturedBy: expect.any(String) });
    expect(item.fileName).toMatch(/^photo-\d{4}-\d{2}-\d{2}T.*\.jpg$/);

    await openItem(page, item.fileName);
    expect(await page.getByTestId('evidence-hash').textContent()).toBe(item.sha256);
    // Link it to SR 1.1 of the control room zone.
    await page.getByLabel('Scope').last().selectOption({ label: 'Zone Control room' });
    await page.getByLabel('Requirement').fill('SR 1.1');
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    await page.getByText('SR 1.1 (zone:z1)').waitFor();
    expect(app.services.evidence.get(id, item.sha256).links).toEqual([
      { kind: 'response', id: 'zone:z1|SR 1.1' },
    ]);
    await page
      .getByTestId('item-history')
      .getByText(/^Linked evidence: SR 1\.1 · Control room$/)
      .waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    // The scope filter finds it, the unlinked filter does not.
    await page.getByLabel('Scope').selectOption({ label: 'Zone Control room' });
    await expect.poll(() => tiles(page).count()).toBe(1);
    await page.getByLabel('Scope').selectOption({ label: 'Zone Field' });
    await page.getByText('Nothing matches these filters.').waitFor();
    expect(app.foreignRequests).toEqual([]);
    expect(app.services.ws.trail.verify(id).ok).toBe(true);
    await app.close();
  });

  it('pastes a screenshot anywhere in the section and drops a file', async () => {
    const { dir, id } = seed();
    const app = await openApp(browser, dir, { hash: `#/a/${id}/evidence` });
    const { page } = app;
    await page.getByText('No evidence yet').waitFor();
    const png = (
      await (
        await import('sharp')
      )
        .default({ create: { width: 40, height: 30, channels: 3, background: '#0a7' } })
        .png()
        .toBuffer()
    ).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
      );
    }, png);
    await expect.poll(() => tiles(page).count()).toBe(1);
    const [pasted] = app.services.evidence.list(id);
    expect(pasted).toMatchObject({ kind: 'screenshot', mediaType: 'image/png' });
    expect(pasted.fileName).toMatch(/^screenshot-.*\.png$/);

    const jpeg = (await makeJpeg({ gps: true, serial: 'SN-9' })).toString('base64');
    await page.getByTestId('evidence-drop-zone').evaluate((zone, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(
        new File([bytes], 'cabinet-3.jpg', { type: 'image/jpeg', lastModified: Date.UTC(2026, 10, 23) }),
      );
      dt.items.add(new File(['switch config\n'], 'switch.cfg', { type: 'text/plain' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, jpeg);
    await expect.poll(() => tiles(page).count()).toBe(3);
    await page.getByTestId('capture-result').getByText('2 added.').waitFor();
    await expect.poll(() => page.getByTestId('thumbnail-img').count()).toBe(2);

    await openItem(page, 'cabinet-3.jpg');
    const dropped = app.services.evidence.list(id).find((i) => i.fileName === 'cabinet-3.jpg')!;
    expect(await page.getByTestId('evidence-hash').textContent()).toBe(dropped.sha256);
    await page.getByText('Private photo data.').waitFor();
    await page.getByText(/SerialNumber SN-9/).waitFor();
    await page.getByRole('button', { name: 'Close' }).click();

    // List view: hash, size, links.
    await page.getByRole('button', { name: 'List' }).click();
    await expect.poll(() => page.getByTestId('evidence-row').count()).toBe(3);
    await page.getByText(`${dropped.sha256.slice(0, 16)}…`).waitFor();
    await page.getByRole('button', { name: `Copy SHA-256 ${dropped.sha256.slice(0, 12)}` }).click();
    await page.getByText('Copied', { exact: true }).waitFor();
    expect(app.foreignRequests).toEqual([]);
    await app.close();
  });

  it('removes with a reason, opens the original only after confirming, and the History tells it in words', async () => {
    const { dir, id } = seed();
    const opened: string[] = [];
    const app = await openApp(browser, dir, {
      hash: `#/a/${id}/evidence`,
      platform: { openPath: async (p) => void opened.push(p) },
    });
    const { page } = app;
    const { item } = await app.services.evidence.addBytes(id, {
      fileName: 'hmi.jpg',
      bytes: await makeJpeg(),
    });
    await page.reload();
    await openItem(page, 'hmi.jpg');
    await page.getByRole('button', { name: 'Open original…' }).click();
    await page.getByRole('heading', { name: 'Open the original?' }).waitFor();
    expect(opened).toEqual([]);
    await page.getByRole('button', { name: 'Open copy' }).click();
    await page.getByText('Opened a read-only copy').waitFor();
    expect(opened).toHaveLength(1);
    expect(fs.readFileSync(opened[0]).length).toBe(item.size);

    await page.getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('button', { name: 'Remove', exact: true });
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel('Why is it removed?').fill('Photo of the wrong panel');
    await remove.click();
    await page
      .getByText(/Photo of the wrong panel/)
      .first()
      .waitFor();
    expect(app.services.evidence.get(id, item.sha256).removed).toMatchObject({
      reason: 'Photo of the wrong panel',
    });
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('No evidence yet').waitFor();

    // An answer on the control room's checklist, first not met, then met.
    await goto(page, `#/a/${id}/zones/zone:z1`);
    await page.locator('.answer-title').waitFor();
    const requirement = await currentRequirement(page);
    await page.keyboard.press('3');
    await expect.poll(() => currentRequirement(page)).not.toBe(requirement);
    await page.keyboard.press('k');
    await expect.poll(() => currentRequirement(page)).toBe(requirement);
    await page.keyboard.press('1');
    const answers = () => app.services.ws.trail.list(id).filter((e) => e.action === 'response.set');
    await expect.poll(() => answers().length).toBe(2);

    // The History says all of it in words: names, verbs, the checklist's result labels.
    await page.getByRole('button', { name: 'History', exact: true }).first().click();
    await page.getByText('Audit trail intact').waitFor();
    const rows = page.getByTestId('history-row');
    const changed = rows.filter({ hasText: 'Changed answer' });
    await changed.waitFor();
    expect(await changed.textContent()).toContain(`${requirement} · Control room`);
    expect(await changed.textContent()).toContain('Not met → Met');
    expect(await rows.filter({ hasText: 'Answered' }).textContent()).toContain('Not met');
    const removed = rows.filter({ hasText: 'Removed evidence' });
    expect(await removed.textContent()).toContain('hmi.jpg');
    expect(await removed.textContent()).toContain('Reason: Photo of the wrong panel');
    expect(await rows.filter({ hasText: 'Added evidence' }).textContent()).toMatch(/File, [\d.]+ (B|KiB)/);
    expect(await page.getByText('evidence.removed').count()).toBe(0);

    // The filter matches the words shown: names and verbs.
    const filter = page.getByLabel('Filter');
    await filter.fill('control room');
    await expect.poll(() => rows.count()).toBe(2);
    await filter.fill('changed answer');
    await expect.poll(() => rows.count()).toBe(1);
    await filter.fill('hmi.jpg');
    await expect.poll(() => rows.count()).toBe(2);
    await filter.fill('nothing like this');
    await page.getByText('Nothing in the history matches this filter.').waitFor();
    await filter.fill('');

    // Each item's own history is one click away, in the same words.
    await page
      .getByRole('button', { name: `History of ${requirement} · Control room` })
      .first()
      .click();
    const own = page.getByTestId('item-history');
    await own.getByText('Changed answer').waitFor();
    await own.getByText('Not met → Met').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'History of hmi.jpg' }).first().click();
    await own.getByText('Added evidence').waitFor();
    await own.getByText('Reason: Photo of the wrong panel').waitFor();
    await app.close();
  });

  // How fast is a benchmark (bench/evidence.bench.ts, "evidence grid first paint"), not an assertion here.
  it('paints a grid of 2,000 items, rendering only what is in view', async () => {
    const r = await measureGridFirstPaint(browser, 2000);
    expect(r.countText).toBe('2000 items');
    expect(r.tiles).toBeGreaterThan(10);
    expect(r.tiles).toBeLessThan(200);
    console.log(
      `evidence grid first paint with 2,000 items: ${r.ms.toFixed(0)} ms, ${r.tiles} tiles in the DOM`,
    );
    // Scrolling to the end brings the oldest items in.
    await r.page.getByTestId('evidence-grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await r.page.getByText('note-0.txt', { exact: true }).waitFor();
    await r.close();
  });
});
