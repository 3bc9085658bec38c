import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { mimeType, resolveAppPath } from '../../src/main/appProtocol';
import { createHandlerTable, type HandlerTable } from '../../src/main/handlers';
import type { DesktopPlatform } from '../../src/main/platform';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';
import { createServices, type Services } from '../../src/main/services';

/** Every desktop dialog present, each answering Cancel: the window looks as in the desktop app. */
export const DESKTOP_LOOK: DesktopPlatform = {
  pickFiles: async () => null,
  pickFolder: async () => null,
  pickFile: async () => null,
  pickSavePath: async () => null,
  openPath: async () => {},
};

export const CHROMIUM = process.env.ZONEWALK_CHROMIUM ?? '/usr/bin/chromium';
export const RENDERER_DIR = path.resolve('out/renderer');
/** Stands in for app://zonewalk: Playwright serves the built renderer under this origin, nothing else. */
export const ORIGIN = 'http://zonewalk.localhost';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The e2e tests drive Debian's Chromium: install it with 'sudo apt-get install -y chromium' (or set ZONEWALK_CHROMIUM to its path).`,
    );
  }
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR} missing). Run 'npm run build' first.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

export interface AppPage {
  page: Page;
  services: Services;
  table: HandlerTable;
  /** Every URL the page asked for outside the app's origin. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/** Opens the real UI in a fresh context with window.api bridged to a fresh handler table over `dataDir`. */
export async function openApp(
  browser: Browser,
  dataDir: string,
  opts: {
    viewport?: { width: number; height: number };
    hash?: string;
    colorScheme?: 'light' | 'dark';
    /** Stands in for Electron's dialogs and shell (none by default, like a browser). */
    platform?: DesktopPlatform;
  } = {},
): Promise<AppPage> {
  const services = createServices(dataDir);
  const table = createHandlerTable(services, () => {}, opts.platform);
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    colorScheme: opts.colorScheme ?? 'light',
    permissions: ['camera'],
  });
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(`${ORIGIN}/`)) {
      foreignRequests.push(url);
      return route.abort('blockedbyclient');
    }
    const file = resolveAppPath(RENDERER_DIR, url);
    if (!file || !fs.existsSync(file)) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      status: 200,
      body: fs.readFileSync(file),
      headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
  await context.exposeBinding('__zonewalkInvoke', async (_source, channel: string, input: unknown) => {
    const handler = table[channel as keyof HandlerTable];
    if (!handler)
      return { ok: false, error: { code: 'invalid-input', message: `Unknown channel ${channel}` } };
    // JSON round trip: the same structured data IPC would carry, nothing more.
    return JSON.parse(
      JSON.stringify(await handler(input === undefined ? undefined : JSON.parse(JSON.stringify(input)))),
    );
  });
  await context.addInitScript(() => {
    const invoke = (window as unknown as { __zonewalkInvoke: (c: string, i: unknown) => Promise<unknown> })
      .__zonewalkInvoke;
    Object.defineProperty(window, 'api', {
      value: Object.freeze({ invoke: (channel: string, input: unknown) => invoke(channel, input) }),
      writable: false,
    });
  });
  const page = await context.newPage();
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(`${ORIGIN}/`) && !/^(data|blob):/.test(url)) foreignRequests.push(url);
  });
  await page.goto(`${ORIGIN}/index.html${opts.hash ?? ''}`);
  return {
    page,
    services,
    table,
    foreignRequests,
    async close() {
      await context.close();
      services.ws.close();
    },
  };
}

export function tempDataDir(prefix = 'zonewalk-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
