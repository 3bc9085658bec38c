import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { buildDemo } from '../../src/main/services/demo';
import { formatRoute } from '../../src/renderer/navigation';
import { RESULT_KEYS } from '../../src/renderer/screens/assessment/checklist/answerKeys';
import { scopeRoute } from '../../src/renderer/screens/assessment/scopeRoutes';
import { flipByte, rezip, unzipInto, writeTestPackage } from '../helpers/packages';
import { addEvidence, jonasPackage, twoAuditors } from '../helpers/twoAuditors';
import { currentRequirement, pressedAnswer, reopen, SETTLED } from './fieldHelpers';
import { launchChromium, openApp, tempDataDir } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('signing keys and package verification in Chromium', () => {
  it('creates a key, verifies a package green, then red with the tampered file named', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const { page } = app;
    await page.getByRole('button', { name: 'Signing keys' }).click();
    await page.getByText('No signing key yet.').waitFor();
    await page.getByRole('button', { name: 'Create key' }).first().click();
    await page.getByLabel('Name').fill('Ana Kovač');
    await page.getByLabel('Passphrase', { exact: true }).fill('short');
    await page.getByText('Use a passphrase of at least 8 characters.').waitFor();
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Repeat passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create key' }).last().click();
    await expect.poll(() => page.getByTestId('key-row').count()).toBe(1);
    const key = app.services.signing.list()[0];
    await page.getByText(key.fingerprint).first().waitFor();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    const pkgDir = tempDataDir('zonewalk-e2e-pkg-');
    const pkg = await writeTestPackage(pkgDir);
    await page.getByRole('button', { name: /Home/ }).click();
    await page.getByRole('button', { name: 'Verify a package' }).click();
    await page.getByLabel('Path of the .audit.zip file').fill(pkg.path);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').textContent()).toMatch(
      /^Valid, but the signer is not in your trust list/,
    );
    expect(await page.locator('.check-fail').count()).toBe(0);
    expect(await page.getByTestId('file-row').count()).toBe(9);

    const work = path.join(pkgDir, 'w');
    unzipInto(pkg.path, work);
    const sha = fs.readdirSync(path.join(work, pkg.bagName, 'data/evidence'))[0];
    const rel = `data/evidence/${sha}/cabinet photo.jpg`;
    flipByte(path.join(work, pkg.bagName, rel), 500);
    const tampered = path.join(pkgDir, 'tampered.audit.zip');
    rezip(work, tampered);
    await page.getByLabel('Path of the .audit.zip file').fill(tampered);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.getByText(`Invalid: ${rel} was changed`).waitFor();
    expect(await page.getByTestId('check-payload').getAttribute('class')).toContain('check-fail');
    const bad = page.locator('tr.file-bad');
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toContain(rel);
    const axe2 = await new AxeBuilder({ page }).analyze();
    expect(axe2.violations.map((v) => v.id)).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(pkgDir, { recursive: true, force: true });
  });
});

describe('export a signed package of the demo assessment in Chromium', () => {
  it('creates a key, exports with a progress bar, verifies green, then red naming a tampered evidence file', async () => {
    const dir = tempDataDir();
    const seed = createServices(dir);
    const demo = buildDemo(seed);
    for (let i = 0; i < 60; i++) {
      await addEvidence(seed, demo.id, `cabinet-${i}.jpg`, Buffer.alloc(2 * 1024 * 1024, i + 1));
    }
    seed.ws.close();
    const out = tempDataDir('zonewalk-e2e-out-');
    const app = await openApp(browser, dir, { hash: '#/keys' });
    const { page } = app;
    await page.getByRole('button', { name: 'Create key' }).first().click();
    await page.getByLabel('Name').fill('Ana Kovač');
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery');
    await page.getByLabel('Repeat passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create key' }).last().click();
    await expect.poll(() => page.getByTestId('key-row').count()).toBe(1);
    const key = app.services.signing.list()[0];

    await page.goto(`http://zonewalk.localhost/index.html#/a/${demo.id}/export`);
    await page.getByRole('heading', { name: 'Signed audit package' }).waitFor();
    await page.getByLabel('Passphrase').fill('wrong passphrase');
    await page.getByLabel('Export folder').fill(out);
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByText('The passphrase for signing key "Ana Kovač" is wrong.').waitFor();
    expect(fs.readdirSync(out)).toEqual([]);

    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Start export' }).click();
    await page.getByRole('progressbar', { name: 'Export progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 });
    const resultText = (await page.getByTestId('export-result').textContent()) ?? '';
    expect(resultText).toContain(`Signed by Ana Kovač: ${key.fingerprint}`);
    const pkg = path.join(out, fs.readdirSync(out).find((n) => n.endsWith('.audit.zip'))!);
    expect(resultText).toContain(pkg);
    const written = fs.readdirSync(out).sort();
    expect(written).toHaveLength(3);
    expect(written).toContain(path.basename(pkg));
    expect(written.filter((n) => /_gap-register\.xlsx$|_findings-report\.pdf$/.test(n))).toHaveLength(2);

    await page.getByRole('button', { name: 'Verify this package' }).click();
    await page.getByText('Valid: nothing changed since Ana Kovač signed it.').waitFor();
    expect(await page.locator('.check-fail').count()).toBe(0);
    expect(await page.getByTestId('file-row').count()).toBe(4 + 4 + 60);

    const work = path.join(out, 'w');
    unzipInto(pkg, work);
    const bag = path.join(work, path.basename(pkg, '.zip'));
    const shas = fs.readdirSync(path.join(bag, 'data/evidence'));
    const victim = `data/evidence/${shas[7]}/${fs.readdirSync(path.join(bag, 'data/evidence', shas[7]))[0]}`;
    flipByte(path.join(bag, victim), 1234);
    const tampered = path.join(out, 'tampered.audit.zip');
    rezip(work, tampered);
    await page.getByLabel('Path of the .audit.zip file').fill(tampered);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page
      .getByText(`Invalid: ${victim} was changed (its SHA-256 is not the one in the manifest).`)
      .waitFor();
    const bad = page.locator('tr.file-bad');
    expect(await bad.count()).toBe(1);
    expect(await bad.textContent()).toContain(victim);
    expect(app.foreignRequests).toEqual([]);
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  });
});

describe('opening and merging a colleague package in Chromium', () => {
  it('previews a merge, decides the conflict side by side, merges (seen after a reopen), and opens a read-only review copy', async () => {
    const t = twoAuditors();
    const pkg = await jonasPackage(t.jonas, t.assessmentId, tempDataDir('zonewalk-e2e-jonas-'));
    const app = await openApp(browser, t.ana.dir, { hash: `#/verify/${encodeURIComponent(pkg)}` });
    const { page } = app;
    await page.getByTestId('verdict').waitFor();
    await page.getByLabel('Merge into').selectOption(t.assessmentId);
    await page.getByRole('button', { name: 'Preview merge' }).click();
    await page.getByTestId('merge-preview').waitFor();
    expect(await page.getByTestId('conflict').count()).toBe(1);
    const conflict = page.getByTestId('conflict');
    expect(await conflict.textContent()).toContain('SR 1.1 for zone Intake');
    expect(await conflict.getByRole('row', { name: /result/ }).textContent()).toMatch(/met.*not-met/);
    const merge = page.getByRole('button', { name: 'Decide 1 more to merge' });
    expect(await merge.isDisabled()).toBe(true);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await conflict.getByLabel('Take theirs').check();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.getByText(/^Merged: 2 items joined, 1 taken from the package, 0 kept\./).waitFor();
    expect(app.services.ws.trail.list(t.assessmentId).at(-1)?.action).toBe('package.merged');

    await page.getByRole('button', { name: 'Open for review (read-only)' }).click();
    await page
      .getByText(/^Read-only review copy of .*\.audit\.zip, signed by a key not in your trust list/)
      .waitFor();
    expect(app.foreignRequests).toEqual([]);

    // Saved: a fresh app over the same folder shows the answer taken from the package (Not met).
    const intake = app.services.zones.list(t.assessmentId).find((z) => z.name === 'Intake');
    const hash = formatRoute(scopeRoute(t.assessmentId, { kind: 'zone', id: intake?.id ?? '' }, 'SR 1.1'));
    const again = await reopen(browser, app, t.ana.dir, { hash });
    await expect.poll(() => currentRequirement(again.page), SETTLED).toBe('SR 1.1');
    const notMet = RESULT_KEYS.findIndex((k) => k.result === 'not-met');
    await expect.poll(() => pressedAnswer(again.page), SETTLED).toBe(notMet);
    await again.close();
  });
});
