import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flipByte, rezip, unzipInto, writeTestPackage } from '../helpers/packages';
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
