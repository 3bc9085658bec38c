import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedRequestUrl,
  isPermissionAllowed,
  secureWebPreferences,
} from '../../src/main/security';

describe('window hardening', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs.preload.endsWith('.cjs')).toBe(true);
  });

  it('window.ts wires the preferences, denies navigation and window.open, and serves app://', () => {
    const src = fs.readFileSync('src/main/window.ts', 'utf8');
    expect(src).toContain('webPreferences: secureWebPreferences(preloadPath)');
    expect(src).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(src).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
    expect(src).toContain('protocol.handle(APP_SCHEME');
    expect(src).toContain('isAppUrl(frameUrl)');
    expect(src).not.toContain('file://');
  });

  it('has a strict CSP: self only, no inline script, no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    const html = fs.readFileSync('src/renderer/index.html', 'utf8');
    expect(html).toContain("default-src 'self'; script-src 'self'");
  });

  it('grants only the camera, only to the app', () => {
    expect(isPermissionAllowed('media', 'app://zonewalk/index.html', ['video'])).toBe(true);
    expect(isPermissionAllowed('media', 'app://zonewalk/index.html', ['audio'])).toBe(false);
    expect(isPermissionAllowed('media', 'https://evil.example/', ['video'])).toBe(false);
    for (const p of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(isPermissionAllowed(p, 'app://zonewalk/index.html')).toBe(false);
    }
  });

  it('blocks every request outside the app', () => {
    expect(isAllowedRequestUrl('app://zonewalk/assets/x.js')).toBe(true);
    expect(isAllowedRequestUrl('https://fonts.googleapis.com/css')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
  });
});

describe('electron-builder config', () => {
  const config = parse(fs.readFileSync('electron-builder.yml', 'utf8'));

  it('packs into asar without rebuilding native modules', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('targets Windows NSIS + portable, macOS dmg, Linux AppImage + deb', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
});
