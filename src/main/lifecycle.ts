import { app, type BrowserWindow, dialog } from 'electron';

/**
 * One Zonewalk per user: a second launch hands over to the first, which comes to the front.
 * Returns false in the second process, which must then quit without touching the workspace.
 */
export function claimSingleInstance(mainWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = mainWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}

/**
 * Runs `shutdown` once before the process ends, however the user quits (the last window closed,
 * Cmd+Q, the dock menu): quitting waits for it, then goes on.
 */
export function shutdownBeforeQuit(shutdown: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    shutdown()
      .catch((err: unknown) => console.error(err))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

/** Tells the user in a sentence why Zonewalk stops, then stops it: never an invisible process. */
export function exitWithError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
