// Electron hardening settings kept free of the electron import so a unit test can assert them.

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://zonewalk`;

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

/** Only the camera, and only for the app's own pages (evidence capture). */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string,
  mediaTypes: readonly string[] = [],
) {
  if (permission !== 'media') return false;
  if (!isAppUrl(requestingUrl)) return false;
  return mediaTypes.every((t) => t === 'video');
}

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
  } catch {
    return false;
  }
}

/** Requests the session lets through: the app's own protocol plus in-page data, blob and devtools URLs. */
export function isAllowedRequestUrl(url: string): boolean {
  return isAppUrl(url) || /^(data|blob|devtools|chrome-extension):/.test(url);
}
