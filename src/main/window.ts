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
  type RendererOrigin,
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

function hardenSession(origin: RendererOrigin): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const media = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(isPermissionAllowed(permission, wc.getURL(), media, origin));
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, ['video'], origin),
  );
  // Offline always: nothing but the app's own files leaves or enters the renderer.
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequestUrl(details.url, origin) }),
  );
}

function mountHandlers(table: HandlerTable, origin: RendererOrigin): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, origin)) {
        return { ok: false, error: { code: 'unauthorized', message: 'Request refused: unknown sender.' } };
      }
      return table[channel](input);
    });
  }
}

/** What ends the app when the window cannot be shown: a sentence for the user, then exit. */
export type FatalWindowError = (title: string, message: string) => void;

export function createMainWindow(
  table: HandlerTable,
  rendererDir: string,
  preloadPath: string,
  opts: { origin?: RendererOrigin; onFatal: FatalWindowError },
): BrowserWindow {
  const origin = opts.origin ?? {};
  serveRenderer(rendererDir);
  hardenSession(origin);
  mountHandlers(table, origin);

  const win = new BrowserWindow({ ...WINDOW_OPTIONS, webPreferences: secureWebPreferences(preloadPath) });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.once('ready-to-show', () => win.show());
  watchForFailure(win, opts.onFatal);
  void win.loadURL(origin.devServer ?? `${APP_ORIGIN}/index.html`).catch(() => {
    // did-fail-load reports it; the rejected promise needs no second report.
  });
  return win;
}

/** A page that never loads or a renderer that dies must not leave an invisible process behind. */
function watchForFailure(win: BrowserWindow, onFatal: FatalWindowError): void {
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation Zonewalk itself stopped, not a failure.
    if (!isMainFrame || code === -3) return;
    onFatal(
      'Zonewalk could not show its window',
      `The window's page (${url}) did not load: ${description}. Your data is untouched; reinstall Zonewalk if this happens again.`,
    );
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    onFatal(
      'The Zonewalk window stopped',
      `The window stopped unexpectedly (${details.reason}). Every answer you saved is kept; start Zonewalk again.`,
    );
  });
}

export function rendererDirFor(mainDir: string): string {
  return path.join(mainDir, '..', 'renderer');
}

export { app };
