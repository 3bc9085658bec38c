// Electron hardening settings kept free of the electron import so a unit test can assert them.

export const APP_SCHEME = 'app';
export const APP_HOST = 'zonewalk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click must not open links in new windows.
    disableBlinkFeatures: 'Auxclick',
    devTools: true,
  } as const;
}

/**
 * Where the renderer comes from: the app's own protocol, plus electron-vite's dev server while
 * developing (`npm run dev`, never in a packaged app).
 */
export interface RendererOrigin {
  devServer?: string;
}

/** Only the camera, and only for the app's own pages (evidence capture). */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] = [],
  origin: RendererOrigin = {},
) {
  if (permission !== 'media') return false;
  if (!isAppUrl(requestingUrl, origin)) return false;
  return mediaTypes.every((t) => t === 'video');
}

/**
 * The app's own pages, compared by protocol and host (a permission check passes a bare origin such
 * as `app://zonewalk`, a string prefix would refuse it and accept `app://zonewalk.example`).
 */
export function isAppUrl(url: string, origin: RendererOrigin = {}): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
    return origin.devServer !== undefined && u.origin === new URL(origin.devServer).origin;
  } catch {
    return false;
  }
}

/** Requests the session lets through: the app's own protocol plus in-page data, blob and devtools URLs. */
export function isAllowedRequestUrl(url: string, origin: RendererOrigin = {}): boolean {
  if (isAppUrl(url, origin) || /^(data|blob|devtools|chrome-extension):/.test(url)) return true;
  // The dev server's hot reload talks over a websocket to the same host.
  if (origin.devServer === undefined) return false;
  try {
    return url.startsWith('ws:') && new URL(url).host === new URL(origin.devServer).host;
  } catch {
    return false;
  }
}
