import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A stand-in for the `electron` module, written from Electron's documented API, for running the
 * built main process under Node. It records every call in order and throws where real Electron
 * refuses: before `ready` for the APIs that need the app ready (protocol.handle, session,
 * BrowserWindow), after `ready` for those that must come first (registerSchemesAsPrivileged,
 * enableSandbox, setPath('sessionData')), and a second ipcMain handler for one channel.
 */

export type ProtocolHandler = (request: Request) => Promise<Response> | Response;
export type IpcHandler = (event: { senderFrame: { url: string } }, input: unknown) => unknown;

interface FakeWebContents extends EventEmitter {
  url: string;
  windowOpenHandler?: () => { action: string };
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents: FakeWebContents;
  focused = 0;
  minimized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    holder.world.need('ready', 'new BrowserWindow');
    holder.world.record('new BrowserWindow');
    const contents = new EventEmitter() as FakeWebContents;
    contents.url = '';
    this.webContents = Object.assign(contents, {
      setWindowOpenHandler: (h: () => { action: string }) => {
        contents.windowOpenHandler = h;
      },
      getURL: () => contents.url,
    });
    holder.world.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    holder.world.record(`loadURL ${url}`);
    this.webContents.url = url;
    return Promise.resolve();
  }
  show(): void {
    holder.world.record('window.show');
  }
  focus(): void {
    this.focused++;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return false;
  }
}

class World {
  calls: string[] = [];
  isReady = false;
  exitCode: number | undefined;
  errorBoxes: { title: string; message: string }[] = [];
  paths = new Map<string, string>();
  schemes: unknown[] = [];
  protocolHandlers = new Map<string, ProtocolHandler>();
  ipcHandlers = new Map<string, IpcHandler>();
  windows: FakeBrowserWindow[] = [];
  session = {
    permissionRequest: undefined as unknown,
    permissionCheck: undefined as ((wc: unknown, permission: string, origin: string) => boolean) | undefined,
    beforeRequest: undefined as
      | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void)
      | undefined,
  };
  singleInstance = true;
  isPackaged = true;
  readonly app = new EventEmitter();
  private resolveReady: () => void = () => {};
  readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  record(call: string): void {
    this.calls.push(call);
  }

  need(when: 'ready' | 'before-ready', api: string): void {
    if (when === 'ready' && !this.isReady) throw new Error(`${api} cannot be used before the app is ready`);
    if (when === 'before-ready' && this.isReady)
      throw new Error(`${api} can only be used before the app is ready`);
  }

  /** What Electron does when it has started: `ready`, then whenReady() resolves. */
  emitReady(): void {
    this.isReady = true;
    this.record('ready');
    this.app.emit('ready');
    this.resolveReady();
  }
}

// Kept on globalThis: vi.resetModules() gives each import of the main process a new copy of this
// module, and the test, the mock and every copy must see one world.
const HOLDER_KEY = Symbol.for('zonewalk.fakeElectron');
const shared = globalThis as Record<symbol, { world: World } | undefined>;
const holder = shared[HOLDER_KEY] ?? { world: new World() };
shared[HOLDER_KEY] = holder;

/** A fresh world for the next import of the main process. */
export function resetElectron(opts: { appData: string; singleInstance?: boolean }): World {
  const world = new World();
  holder.world = world;
  world.singleInstance = opts.singleInstance ?? true;
  world.paths.set('appData', opts.appData);
  world.paths.set('temp', opts.appData);
  return world;
}

export function currentWorld(): World {
  return holder.world;
}

/** Electron names the app after `productName`, else `name`, of the app's package.json. */
function appName(): string {
  const pkg = JSON.parse(fs.readFileSync(path.resolve('package.json'), 'utf8'));
  return pkg.productName ?? pkg.name;
}

const app = {
  on: (event: string, listener: (...args: unknown[]) => void) => {
    holder.world.record(`app.on ${event}`);
    holder.world.app.on(event, listener);
    return app;
  },
  once: (event: string, listener: (...args: unknown[]) => void) => {
    holder.world.app.once(event, listener);
    return app;
  },
  whenReady: () => holder.world.ready,
  isReady: () => holder.world.isReady,
  get isPackaged() {
    return holder.world.isPackaged;
  },
  getName: () => appName(),
  getPath: (name: string): string => {
    if (name === 'userData' && !holder.world.paths.has('userData')) {
      return path.join(String(holder.world.paths.get('appData')), appName());
    }
    if (name === 'sessionData' && !holder.world.paths.has('sessionData')) return app.getPath('userData');
    const p = holder.world.paths.get(name);
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  },
  setPath: (name: string, value: string) => {
    if (name === 'sessionData') holder.world.need('before-ready', "app.setPath('sessionData')");
    holder.world.record(`app.setPath ${name}`);
    holder.world.paths.set(name, value);
  },
  enableSandbox: () => {
    holder.world.need('before-ready', 'app.enableSandbox()');
    holder.world.record('app.enableSandbox');
  },
  requestSingleInstanceLock: () => {
    holder.world.record('app.requestSingleInstanceLock');
    return holder.world.singleInstance;
  },
  quit: () => {
    holder.world.record('app.quit');
    // Electron emits before-quit and will-quit; a prevented will-quit keeps the app running.
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    holder.world.app.emit('before-quit', event);
    if (event.defaultPrevented) return;
    holder.world.app.emit('will-quit', event);
    if (!event.defaultPrevented) holder.world.record('quit');
  },
  exit: (code = 0) => {
    holder.world.record(`app.exit ${code}`);
    holder.world.exitCode = code;
  },
};

const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => {
    holder.world.need('before-ready', 'protocol.registerSchemesAsPrivileged');
    if (holder.world.schemes.length) throw new Error('registerSchemesAsPrivileged can be called only once');
    holder.world.record('protocol.registerSchemesAsPrivileged');
    holder.world.schemes = schemes;
  },
  handle: (scheme: string, handler: ProtocolHandler) => {
    holder.world.need('ready', 'protocol.handle');
    if (holder.world.protocolHandlers.has(scheme)) throw new Error(`The scheme ${scheme} is already handled`);
    holder.world.record(`protocol.handle ${scheme}`);
    holder.world.protocolHandlers.set(scheme, handler);
  },
};

const session = {
  get defaultSession() {
    holder.world.need('ready', 'session.defaultSession');
    return {
      setPermissionRequestHandler: (h: unknown) => {
        holder.world.record('session.setPermissionRequestHandler');
        holder.world.session.permissionRequest = h;
      },
      setPermissionCheckHandler: (h: (wc: unknown, permission: string, origin: string) => boolean) => {
        holder.world.record('session.setPermissionCheckHandler');
        holder.world.session.permissionCheck = h;
      },
      webRequest: {
        onBeforeRequest: (
          h: (details: { url: string }, callback: (r: { cancel: boolean }) => void) => void,
        ) => {
          holder.world.record('session.webRequest.onBeforeRequest');
          holder.world.session.beforeRequest = h;
        },
      },
    };
  },
};

const ipcMain = {
  handle: (channel: string, handler: IpcHandler) => {
    if (holder.world.ipcHandlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    holder.world.ipcHandlers.set(channel, handler);
  },
};

const dialog = {
  // Documented as safe before ready.
  showErrorBox: (title: string, message: string) => {
    holder.world.record('dialog.showErrorBox');
    holder.world.errorBoxes.push({ title, message });
  },
  showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: () => Promise.resolve({ canceled: true }),
};

const shell = {
  openPath: () => Promise.resolve(''),
};

export const electron = { app, protocol, session, ipcMain, dialog, shell, BrowserWindow: FakeBrowserWindow };
