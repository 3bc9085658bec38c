import type { DesktopCapabilities } from '../shared/contract/desktop';
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
