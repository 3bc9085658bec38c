import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_NAME } from '../../src/main/dataDir';
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
    expect(src).toContain('isAppUrl(frameUrl, origin)');
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
    // Chromium's permission check passes a bare origin; host and protocol decide, not a prefix.
    expect(isPermissionAllowed('media', 'app://zonewalk', ['video'])).toBe(true);
    expect(isPermissionAllowed('media', 'app://zonewalk.example/', ['video'])).toBe(false);
    expect(isPermissionAllowed('media', 'app://zonewalkx/index.html', ['video'])).toBe(false);
    expect(isPermissionAllowed('media', 'https://zonewalk/index.html', ['video'])).toBe(false);
    // The dev server counts only when it is the one given.
    const dev = { devServer: 'http://localhost:5173' };
    expect(isPermissionAllowed('media', 'http://localhost:5173/', ['video'], dev)).toBe(true);
    expect(isPermissionAllowed('media', 'http://localhost:5173/', ['video'])).toBe(false);
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

  it('targets Windows NSIS + portable, macOS dmg, Linux deb first (it installs the AppArmor profile), then AppImage', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
  });

  it('names the app as the CLI names its folder, so both use one default workspace', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(pkg.productName).toBe(APP_NAME);
    expect(config.productName).toBe(APP_NAME);
    expect(pkg.author).toBeTruthy();
    expect(pkg.bin.zonewalk).toBe('out/main/zonewalk.js');
    expect(fs.readFileSync('src/cli/zonewalk.ts', 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('gives macOS the camera under the hardened runtime', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/photos/);
    const plist = fs.readFileSync(config.mac.entitlements, 'utf8');
    expect(plist).toMatch(/<key>com\.apple\.security\.device\.camera<\/key>\s*<true\/>/);
    expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
  });

  it('has an icon for every platform in resources/build', () => {
    const dir = config.directories.buildResources;
    expect(fs.readFileSync(`${dir}/icon.icns`).subarray(0, 4).toString('latin1')).toBe('icns');
    expect([...fs.readFileSync(`${dir}/icon.ico`).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = fs.readFileSync(`${dir}/icons/${size}x${size}.png`);
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  it("unpacks only this platform's better-sqlite3 prebuild from the asar", () => {
    // electron-builder's own macros, not template strings.
    const thisPlatform = ['$', '{platform}-$', '{arch}'].join('');
    expect(config.asarUnpack).toEqual([`node_modules/better-sqlite3/prebuilds/${thisPlatform}.node`]);
    expect(config.files).toContain(`!node_modules/better-sqlite3/prebuilds/!(${thisPlatform}).node`);
  });
});
