import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import { resolveDataDir } from './dataDir';
import { createHandlerTable } from './handlers';
import { electronPlatform } from './platform.electron';
import { createServices } from './services';
import { createMainWindow, registerAppScheme, rendererDirFor } from './window';

// See src/cli/zonewalk.ts: evidence batches keep more fs operations in flight than 4 threads allow.
process.env.UV_THREADPOOL_SIZE ??= '16';

registerAppScheme();
app.enableSandbox();

app.whenReady().then(() => {
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  let services: ReturnType<typeof createServices>;
  try {
    services = createServices(dataDir);
  } catch (err) {
    dialog.showErrorBox('Zonewalk cannot open its data', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  const mainDir = path.dirname(fileURLToPath(import.meta.url));
  createMainWindow(
    createHandlerTable(services, undefined, electronPlatform),
    rendererDirFor(mainDir),
    path.join(mainDir, '../preload/index.cjs'),
  );
  app.on('window-all-closed', () => {
    services.ws.close();
    app.quit();
  });
});
