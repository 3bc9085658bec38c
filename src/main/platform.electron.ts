import { BrowserWindow, dialog, shell } from 'electron';
import { AppError } from '../shared/errors';
import type { DesktopPlatform } from './platform';

const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

export const electronPlatform: DesktopPlatform = {
  async pickFiles() {
    const r = await dialog.showOpenDialog(parent(), {
      title: 'Add evidence files',
      properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
    });
    return r.canceled ? null : r.filePaths;
  },
  async pickFolder() {
    const r = await dialog.showOpenDialog(parent(), {
      title: 'Add every file in a folder',
      properties: ['openDirectory', 'dontAddToRecent'],
    });
    return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
  },
  async openPath(file) {
    const error = await shell.openPath(file);
    if (error) throw new AppError('invalid-file', `The system could not open the copy: ${error}`);
  },
};
