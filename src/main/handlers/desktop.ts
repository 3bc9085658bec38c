import type { DesktopCapabilities } from '../../shared/contract/desktop';
import { type DesktopPlatform, desktopOnly } from '../platform';
import type { HandlerImpls } from './types';

type DesktopChannels =
  | 'desktop.capabilities'
  | 'desktop.pickFile'
  | 'desktop.pickSavePath'
  | 'desktop.pickFolder';

export function desktopCapabilities(platform: DesktopPlatform): DesktopCapabilities {
  return {
    pickFiles: !!platform.pickFiles,
    pickFolder: !!platform.pickFolder,
    pickFile: !!platform.pickFile,
    pickSavePath: !!platform.pickSavePath,
    openPath: !!platform.openPath,
  };
}

/**
 * The bare dialogs, for the window's path fields: they only tell the window what the user chose,
 * and the action that then uses the path validates it like a typed one.
 */
export function desktopHandlers(platform: DesktopPlatform): HandlerImpls<DesktopChannels> {
  return {
    'desktop.capabilities': () => desktopCapabilities(platform),
    'desktop.pickFile': async (opts) => {
      if (!platform.pickFile) throw desktopOnly('Choosing a file with the system dialog');
      return { path: await platform.pickFile(opts) };
    },
    'desktop.pickSavePath': async (opts) => {
      if (!platform.pickSavePath) throw desktopOnly('Choosing where to save with the system dialog');
      return { path: await platform.pickSavePath(opts) };
    },
    'desktop.pickFolder': async (opts) => {
      if (!platform.pickFolder) throw desktopOnly('Choosing a folder with the system dialog');
      return { path: await platform.pickFolder(opts) };
    },
  };
}
