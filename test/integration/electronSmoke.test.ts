import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { platformSessionDir, platformUserDataDir } from '../../src/main/dataDir';
import { CONTENT_SECURITY_POLICY } from '../../src/main/security';
import { CHANNEL_NAMES } from '../../src/shared/contract';
import { currentWorld, resetElectron } from '../helpers/fakeElectron';
import { tempDir } from '../helpers/workspace';

// The built main process (`npm test` builds before the suite), under a stand-in electron module.
vi.mock('electron', async () => (await import('../helpers/fakeElectron')).electron);

const MAIN = path.resolve('out/main/index.js');
const PRELOAD = path.resolve('out/preload/index.cjs');
const RENDERER = path.resolve('out/renderer');

async function startMain(opts: { singleInstance?: boolean } = {}) {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first.`);
  const appData = tempDir('zonewalk-appdata-');
  const world = resetElectron({ appData, singleInstance: opts.singleInstance });
  vi.resetModules();
  await import(/* @vite-ignore */ MAIN);
  return { world, appData };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

describe('the built main process under a stand-in Electron', () => {
  const savedEnv = { ...process.env };
  beforeAll(() => {
    // The default workspace, as a user starts the app: no --data-dir, no ZONEWALK_DATA_DIR.
    delete process.env.ZONEWALK_DATA_DIR;
    delete process.env.ELECTRON_RENDERER_URL;
  });
  afterAll(() => {
    process.env = savedEnv;
  });

  it('the stand-in refuses what Electron refuses', async () => {
    const { electron } = await import('../helpers/fakeElectron');
    resetElectron({ appData: tempDir() });
    expect(() => electron.protocol.handle('app', () => new Response(''))).toThrow(/before the app is ready/);
    expect(() => electron.session.defaultSession).toThrow(/before the app is ready/);
    expect(() => new electron.BrowserWindow({})).toThrow(/before the app is ready/);
    currentWorld().emitReady();
    expect(() => electron.app.enableSandbox()).toThrow(/only be used before/);
    expect(() => electron.protocol.registerSchemesAsPrivileged([])).toThrow(/only be used before/);
    expect(() => electron.app.setPath('sessionData', '/tmp/x')).toThrow(/only be used before/);
  });

  it('starts in Electron order, in the CLI workspace, with Chromium profile files elsewhere', async () => {
    const { world, appData } = await startMain();
    expect(world.calls).toEqual([
      'app.requestSingleInstanceLock',
      'app.on second-instance',
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.setPath sessionData',
    ]);
    world.emitReady();
    await settle();
    expect(world.errorBoxes).toEqual([]);
    expect(world.calls.slice(world.calls.indexOf('ready'))).toEqual([
      'ready',
      'app.on will-quit',
      'app.on window-all-closed',
      'protocol.handle app',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'session.webRequest.onBeforeRequest',
      'new BrowserWindow',
      'loadURL app://zonewalk/index.html',
    ]);
    // The app and the CLI agree on the default workspace (Electron names it after productName).
    const userData = path.join(appData, 'Zonewalk');
    expect(userData).toBe(platformUserDataDir('linux', { XDG_CONFIG_HOME: appData }, '/home/x'));
    expect(fs.existsSync(path.join(userData, 'zonewalk.db'))).toBe(true);
    // The running app holds the workspace lock, so no other app process can write the same folder.
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'zonewalk.lock'), 'utf8')).pid).toBe(process.pid);
    expect(world.paths.get('sessionData')).toBe(platformSessionDir());
    expect(world.paths.get('sessionData')?.startsWith(userData)).toBe(false);
    expect([...world.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(world.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);

    // IPC answers the app's own page only.
    const invoke = world.ipcHandlers.get('assessments.list');
    expect(await invoke?.({ senderFrame: { url: 'app://zonewalk/index.html' } }, {})).toMatchObject({
      ok: true,
    });
    expect(await invoke?.({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    // The camera check compares protocol and host: a bare origin passes, a look-alike host does not.
    const check = world.session.permissionCheck;
    expect(check?.(null, 'media', 'app://zonewalk')).toBe(true);
    expect(check?.(null, 'media', 'app://zonewalk.example')).toBe(false);
    expect(check?.(null, 'geolocation', 'app://zonewalk')).toBe(false);

    // A second launch brings this window to the front.
    const win = world.windows[0];
    win.minimized = true;
    world.app.emit('second-instance');
    expect(win.focused).toBe(1);
    expect(win.minimized).toBe(false);

    // Quitting (also Cmd+Q, which closes no window first) closes the database before the process ends.
    world.calls.length = 0;
    (await import('../helpers/fakeElectron')).electron.app.quit();
    await settle();
    expect(world.calls).toEqual(['app.quit', 'app.quit', 'quit']);
    expect(fs.existsSync(path.join(userData, 'zonewalk.db-wal'))).toBe(false);
    expect(fs.existsSync(path.join(userData, 'zonewalk.lock'))).toBe(false);
  });

  it('makes a thumbnail through IPC with no native module but SQLite in the main process', async () => {
    const loaded: string[] = [];
    const dlopen = process.dlopen;
    process.dlopen = ((module: { exports: unknown }, filename: string, flags?: number) => {
      loaded.push(filename);
      return flags === undefined ? dlopen(module, filename) : dlopen(module, filename, flags);
    }) as typeof process.dlopen;
    try {
      const { world } = await startMain();
      world.emitReady();
      await settle();
      const app = { senderFrame: { url: 'app://zonewalk/index.html' } };
      const call = async <T>(channel: string, input: unknown): Promise<T> => {
        const r = (await world.ipcHandlers.get(channel)?.(app, input)) as { ok: boolean; value: T };
        expect(r.ok, channel).toBe(true);
        return r.value;
      };
      const { id } = await call<{ id: string }>('assessments.create', { title: 'Smoke' });
      // Made with jpeg-js's encoder: this test process must never load sharp itself.
      const pixels = Buffer.alloc(600 * 400 * 4, 0x80);
      const photo = jpeg.encode({ data: pixels, width: 600, height: 400 }, 80).data;
      const loadedBefore = loaded.length;
      const added = await call<{ item: { sha256: string } }>('evidence.addBytes', {
        assessmentId: id,
        fileName: 'cabinet.jpg',
        base64: photo.toString('base64'),
      });
      const thumb = await call<{ dataUrl: string | null }>('evidence.thumbnail', {
        sha256: added.item.sha256,
      });
      expect(thumb.dataUrl).toMatch(/^data:image\/png;base64,/);
      // Nothing native was loaded to make the thumbnail (better-sqlite3 may load on first start).
      expect(loaded.length).toBe(loadedBefore);
      expect(loaded.filter((f) => !f.includes('better-sqlite3'))).toEqual([]);
    } finally {
      process.dlopen = dlopen;
    }
  });

  it('serves the built page and its assets with their types and the CSP, and nothing outside', async () => {
    const { world } = await startMain();
    world.emitReady();
    await settle();
    const handler = world.protocolHandlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    const get = (url: string) => handler(new Request(url));
    const index = await get('app://zonewalk/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const r = await get(`app://zonewalk/${asset}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe(
        asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
      expect(Buffer.from(await r.arrayBuffer()).equals(fs.readFileSync(path.join(RENDERER, asset)))).toBe(
        true,
      );
    }
    for (const url of [
      'app://zonewalk/../main/index.js',
      'app://zonewalk/%2e%2e/main/index.js',
      'app://zonewalk/assets/..%2f..%2fmain%2findex.js',
      'app://zonewalk/..%5cmain%5cindex.js',
      `app://zonewalk/${encodeURIComponent(MAIN)}`,
      'app://zonewalk/index.html%00.js',
    ]) {
      const r = await get(url);
      expect(r.status, url).not.toBe(200);
    }
    // Offline: the session lets through the app's own files only.
    const allowed = (url: string) =>
      new Promise<boolean>((resolve) => world.session.beforeRequest?.({ url }, (r) => resolve(!r.cancel)));
    expect(await allowed('app://zonewalk/index.html')).toBe(true);
    expect(await allowed('https://example.com/')).toBe(false);
  });

  it('a window that cannot load or a renderer that dies ends with a sentence, not an invisible process', async () => {
    const { world } = await startMain();
    world.emitReady();
    await settle();
    const contents = world.windows[0].webContents;
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://zonewalk/index.html', true);
    expect(world.exitCode).toBeUndefined();
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://zonewalk/index.html', true);
    expect(world.errorBoxes[0].title).toBe('Zonewalk could not show its window');
    expect(world.errorBoxes[0].message).toMatch(/did not load: ERR_FILE_NOT_FOUND\. Your data is untouched/);
    expect(world.exitCode).toBe(1);

    const second = await startMain();
    second.world.emitReady();
    await settle();
    second.world.windows[0].webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(second.world.errorBoxes).toEqual([
      {
        title: 'The Zonewalk window stopped',
        message:
          'The window stopped unexpectedly (crashed). Every answer you saved is kept; start Zonewalk again.',
      },
    ]);
    expect(second.world.exitCode).toBe(1);
  });

  it('a second launch hands over and quits without opening the workspace', async () => {
    const { world, appData } = await startMain({ singleInstance: false });
    expect(world.calls).toEqual(['app.requestSingleInstanceLock', 'app.quit', 'quit']);
    world.emitReady();
    await settle();
    expect(world.windows).toEqual([]);
    expect(fs.existsSync(path.join(appData, 'Zonewalk'))).toBe(false);
  });

  it('loads the dev server only when not packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    try {
      const packaged = await startMain();
      packaged.world.emitReady();
      await settle();
      expect(packaged.world.calls).toContain('loadURL app://zonewalk/index.html');

      const appData = tempDir('zonewalk-appdata-');
      const dev = resetElectron({ appData });
      dev.isPackaged = false;
      vi.resetModules();
      await import(/* @vite-ignore */ MAIN);
      dev.emitReady();
      await settle();
      expect(dev.calls).toContain('loadURL http://localhost:5173');
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
    }
  });
});

describe('the built preload, as Electron runs it in a sandboxed renderer', () => {
  it('exposes exactly api.invoke and needs nothing but electron', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => {
          exposed[key] = value;
        },
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: 'from main' });
        },
      },
    };
    const module = { exports: {} };
    const sandbox = {
      module,
      exports: module.exports,
      require: (id: string) => {
        required.push(id);
        if (id !== 'electron') throw new Error(`Cannot find module '${id}' in a sandboxed preload`);
        return electron;
      },
    };
    // A classic script: no import, no Node globals beyond the sandboxed preload's require.
    vm.runInNewContext(
      `(function (exports, require, module) {${fs.readFileSync(PRELOAD, 'utf8')}\n})(exports, require, module)`,
      sandbox,
      { filename: PRELOAD },
    );
    expect(required).toEqual(['electron']);
    expect(Object.keys(exposed)).toEqual(['api']);
    const api = exposed.api as { invoke: (channel: string, input: unknown) => Promise<unknown> };
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(await api.invoke('assessments.list', {})).toEqual({ ok: true, value: 'from main' });
    expect(invoked).toEqual([['assessments.list', {}]]);
    expect(await api.invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(invoked).toHaveLength(1);
  });
});
