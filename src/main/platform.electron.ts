import { BrowserWindow, dialog, shell } from 'electron';
import type { FileFilter } from '../shared/contract/desktop';
import { AppError } from '../shared/errors';
import type { DesktopPlatform } from './platform';

const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

/** The window's filters, then "All files": a package renamed by a mail gateway must still be choosable. */
const withAllFiles = (filters: FileFilter[] | undefined) =>
  filters?.length ? [...filters, { name: 'All files', extensions: ['*'] }] : undefined;

export const electronPlatform: DesktopPlatform = {
  async pickFiles() {
    const r = await dialog.showOpenDialog(parent(), {
      title: 'Add evidence files',
      properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
    });
    return r.canceled ? null : r.filePaths;
  },
  async pickFolder(opts) {
    const r = await dialog.showOpenDialog(parent(), {
      title: opts?.title ?? 'Choose a folder',
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    });
    return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
  },
  async pickFile({ title, filters }) {
    const r = await dialog.showOpenDialog(parent(), {
      title: title ?? 'Choose a file',
      filters: withAllFiles(filters),
      properties: ['openFile', 'dontAddToRecent'],
    });
    return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
  },
  async pickSavePath({ title, defaultName, filters }) {
    const r = await dialog.showSaveDialog(parent(), {
      title: title ?? 'Save as',
      defaultPath: defaultName,
      filters: withAllFiles(filters),
      properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
    });
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async openPath(file) {
    const error = await shell.openPath(file);
    if (error) throw new AppError('invalid-file', `The system could not open the copy: ${error}`);
  },
};
