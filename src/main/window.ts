import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, type IpcMainInvokeEvent, ipcMain, protocol, session } from 'electron';
import { CHANNEL_NAMES } from '../shared/contract';
import { mimeType, resolveAppPath } from './appProtocol';
import type { HandlerTable } from './handlers';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  isAppUrl,
  isPermissionAllowed,
  secureWebPreferences,
} from './security';

export const WINDOW_OPTIONS = {
  width: 1280,
  height: 800,
  minWidth: 960,
  minHeight: 600,
  title: 'Zonewalk',
  backgroundColor: '#f6f7f9',
  show: false,
} as const;

/** Must run before `app.ready`: app:// behaves like https for the renderer (secure context, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(permission, wc.getURL(), media));
  });
  ses.setPermissionCheckHandler((_wc, permission, origin) =>
    isPermissionAllowed(permission, origin, ['video']),
  );
  // Offline always: nothing but the app's own files leaves or enters the renderer.
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url) }),
  );
}

function mountHandlers(table: HandlerTable): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Request refused: unknown sender.' } };
      }
      return table[channel](input);
    });
  }
}

export function createMainWindow(
  table: HandlerTable,
  rendererDir: string,
  preloadPath: string,
): BrowserWindow {
  serveRenderer(rendererDir);
  hardenSession();
  mountHandlers(table);

  const win = new BrowserWindow({ ...WINDOW_OPTIONS, webPreferences: secureWebPreferences(preloadPath) });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

export function rendererDirFor(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}

export { app };
