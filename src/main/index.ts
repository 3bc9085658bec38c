import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow } from 'electron';
import { platformSessionDir, resolveDataDir } from './dataDir';
import { createHandlerTable } from './handlers';
import { claimSingleInstance, errorMessage, exitWithError, shutdownBeforeQuit } from './lifecycle';
import { electronPlatform } from './platform.electron';
import type { RendererOrigin } from './security';
import { createServices } from './services';
import { createMainWindow, registerAppScheme, rendererDirFor } from './window';
import { acquireWorkspaceLock } from './workspaceLock';

// See src/cli/zonewalk.ts: evidence batches keep more fs operations in flight than 4 threads allow.
process.env.UV_THREADPOOL_SIZE ??= '16';

let mainWindow: BrowserWindow | undefined;

if (!claimSingleInstance(() => mainWindow)) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();
  // Chromium's own profile stays out of the workspace (userData is the default workspace).
  app.setPath('sessionData', platformSessionDir());
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => exitWithError('Zonewalk could not start', errorMessage(err)));
}

function start(): void {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  let services: ReturnType<typeof createServices>;
  let lock: ReturnType<typeof acquireWorkspaceLock>;
  try {
    // Another app (a second profile, another user session) must not write the same workspace.
    lock = acquireWorkspaceLock(dataDir);
  } catch (err) {
    exitWithError('Zonewalk is already using this workspace', errorMessage(err));
    return;
  }
  try {
    services = createServices(dataDir);
  } catch (err) {
    lock.release();
    exitWithError('Zonewalk cannot open its data', errorMessage(err));
    return;
  }
  shutdownBeforeQuit(async () => {
    // A cancelled export removes its partial file; only then may the database close.
    await services.exports.jobs.cancelAll();
    services.ws.close();
    lock.release();
  });
  app.on('window-all-closed', () => app.quit());
  const mainDir = path.dirname(fileURLToPath(import.meta.url));
  // electron-vite's dev server, for `npm run dev` only: a packaged app always serves its own files.
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const origin: RendererOrigin = devServer ? { devServer } : {};
  mainWindow = createMainWindow(
    createHandlerTable(services, undefined, electronPlatform),
    rendererDirFor(mainDir),
    path.join(mainDir, '../preload/index.cjs'),
    { origin, onFatal: exitWithError },
  );
}
