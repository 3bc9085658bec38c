import type { DesktopCapabilities, FileFilter } from '../shared/contract/desktop';
import { call } from './api';
import { useAsync } from './useAsync';

let asked: Promise<DesktopCapabilities> | undefined;

/** What the desktop shell offers; asked once per window, since it cannot change while the window lives. */
function desktopCapabilities(): Promise<DesktopCapabilities> {
  asked ??= call('desktop.capabilities', {}).catch((e: unknown) => {
    asked = undefined;
    throw e;
  });
  return asked;
}

/** Undefined until known; every flag false in a plain browser, so desktop-only buttons stay hidden. */
export function useDesktop(): DesktopCapabilities | undefined {
  return useAsync(desktopCapabilities, []).data;
}

/** One native dialog the window can ask for, with what it shows. */
export type PathDialog =
  | { kind: 'folder'; title: string }
  | { kind: 'file'; title: string; filters?: FileFilter[] }
  | { kind: 'save'; title: string; defaultName?: string; filters?: FileFilter[] };

const CAPABILITY = { folder: 'pickFolder', file: 'pickFile', save: 'pickSavePath' } as const;

export function canPick(desktop: DesktopCapabilities | undefined, kind: PathDialog['kind']): boolean {
  return !!desktop?.[CAPABILITY[kind]];
}

/** Opens the dialog; null when the user cancelled. */
export async function pickPath(dialog: PathDialog): Promise<string | null> {
  switch (dialog.kind) {
    case 'folder':
      return (await call('desktop.pickFolder', { title: dialog.title })).path;
    case 'file':
      return (await call('desktop.pickFile', { title: dialog.title, filters: dialog.filters })).path;
    case 'save':
      return (
        await call('desktop.pickSavePath', {
          title: dialog.title,
          defaultName: dialog.defaultName,
          filters: dialog.filters,
        })
      ).path;
  }
}
