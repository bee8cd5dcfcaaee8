import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The main process's wiring, run in plain Node against a recording stand-in for Electron (the
// binary is absent here). It checks our order of calls and our answers, not Electron itself:
// the Playwright spec in tests/electron does that where the binary exists.

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener[]>();
  const paths = new Map<string, string>([['appData', '/nonexistent/appData']]);
  const state = { lock: true, userDataEnv: '' };
  const on = (map: Map<string, Listener[]>) => (event: string, listener: Listener) => {
    map.set(event, [...(map.get(event) ?? []), listener]);
  };
  const emit = (map: Map<string, Listener[]>, event: string, ...args: unknown[]) => (map.get(event) ?? []).map((l) => l(...args));

  class FakeContents {
    static nextId = 1;
    id = FakeContents.nextId++;
    listeners = new Map<string, Listener[]>();
    sent: unknown[][] = [];
    windowOpenHandler: Listener | null = null;
    loaded: string[] = [];
    on = on(this.listeners);
    emit = (event: string, ...args: unknown[]) => emit(this.listeners, event, ...args);
    loadURL = async (url: string) => {
      this.loaded.push(url);
    };
    send = (...args: unknown[]) => {
      this.sent.push(args);
    };
    setWindowOpenHandler = (handler: Listener) => {
      this.windowOpenHandler = handler;
    };
    isDestroyed = () => false;
    isCrashed = () => false;
    forcefullyCrashRenderer = () => {};
  }

  class FakeWindow {
    static all: FakeWindow[] = [];
    webContents = new FakeContents();
    listeners = new Map<string, Listener[]>();
    did: string[] = [];
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      FakeWindow.all.push(this);
      calls.push('new BrowserWindow');
    }
    on = on(this.listeners);
    isDestroyed = () => false;
    isMinimized = () => true;
    isVisible = () => false;
    isFocused = () => false;
    restore = () => this.did.push('restore');
    show = () => this.did.push('show');
    moveTop = () => this.did.push('moveTop');
    focus = () => this.did.push('focus');
    flashFrame = (flag: boolean) => this.did.push(`flashFrame(${flag})`);
  }

  const sessionRecord = { protocolHandler: null as Listener | null, permissionRequest: null as Listener | null, permissionCheck: null as Listener | null, devicePermission: null as Listener | null };
  const ipcHandlers = new Map<string, Listener>();
  const blockers = new Set<number>();

  const electron = {
    app: {
      isPackaged: false,
      setName: (name: string) => calls.push(`setName ${name}`),
      getPath: (name: string) => paths.get(name) ?? `/nonexistent/${name}`,
      setPath: (name: string, value: string) => {
        paths.set(name, value);
        calls.push(`setPath ${name}`);
      },
      enableSandbox: () => calls.push('enableSandbox'),
      commandLine: { appendSwitch: (name: string, value: string) => calls.push(`switch ${name}=${value}`) },
      setAppUserModelId: (id: string) => calls.push(`aumid ${id}`),
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return state.lock;
      },
      quit: () => calls.push('quit'),
      exit: (code: number) => calls.push(`exit ${code}`),
      on: on(appListeners),
      whenReady: async () => {
        calls.push('whenReady');
      },
      getVersion: () => '0.1.0-test',
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
    },
    session: {
      defaultSession: {
        protocol: {
          handle: (scheme: string, handler: Listener) => {
            calls.push(`protocol.handle ${scheme}`);
            sessionRecord.protocolHandler = handler;
          },
        },
        setPermissionRequestHandler: (handler: Listener) => (sessionRecord.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (sessionRecord.permissionCheck = handler),
        setDevicePermissionHandler: (handler: Listener) => (sessionRecord.devicePermission = handler),
      },
    },
    BrowserWindow: FakeWindow,
    Menu: { setApplicationMenu: () => calls.push('setApplicationMenu') },
    // The hub token vault (issue 13); its own behaviour is tested in safeStorageVault.test.ts.
    safeStorage: { isEncryptionAvailable: () => true, encryptString: (plain: string) => Buffer.from(plain), decryptString: (data: Buffer) => data.toString() },
    ipcMain: {
      handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler),
      removeHandler: (channel: string) => ipcHandlers.delete(channel),
    },
    powerSaveBlocker: {
      start: (type: string) => {
        calls.push(`powerSaveBlocker.start ${type}`);
        blockers.add(blockers.size + 1);
        return blockers.size;
      },
      isStarted: (id: number) => blockers.has(id),
      stop: (id: number) => blockers.delete(id),
    },
  };
  return { calls, appListeners, emitApp: (event: string, ...args: unknown[]) => emit(appListeners, event, ...args), state, FakeWindow, FakeContents, sessionRecord, ipcHandlers, electron };
});

vi.mock('electron', () => fake.electron);

const userData = mkdtempSync(join(tmpdir(), 'dutydesk-main-'));
const processListeners = () => [...process.listeners('uncaughtException'), ...process.listeners('unhandledRejection')];
let before: unknown[] = [];

function mainWindow() {
  const win = fake.FakeWindow.all[0];
  if (!win) throw new Error('no window');
  return win;
}

beforeAll(async () => {
  before = processListeners();
  process.env.DUTYDESK_USER_DATA = userData;
  await import('./index');
  await vi.waitFor(() => expect(fake.calls).toContain('powerSaveBlocker.start prevent-display-sleep'));
});

afterAll(() => {
  delete process.env.DUTYDESK_USER_DATA;
  // The shell's own process handlers stay out of the rest of the test run.
  for (const listener of process.listeners('uncaughtException')) if (!before.includes(listener)) process.removeListener('uncaughtException', listener);
  for (const listener of process.listeners('unhandledRejection')) if (!before.includes(listener)) process.removeListener('unhandledRejection', listener);
});

describe('main process wiring', () => {
  it('registers the scheme, pins userData and sandboxes before the lock, and the lock before ready', () => {
    const at = (prefix: string) => fake.calls.findIndex((c) => c.startsWith(prefix));
    expect(at('registerSchemesAsPrivileged')).toBeGreaterThanOrEqual(0);
    expect(fake.calls.find((c) => c.startsWith('registerSchemesAsPrivileged'))).toContain('"standard":true,"secure":true');
    expect(at('setName DutyDesk')).toBeLessThan(at('requestSingleInstanceLock'));
    expect(at('setPath userData')).toBeLessThan(at('requestSingleInstanceLock'));
    expect(at('enableSandbox')).toBeLessThan(at('whenReady'));
    expect(at('requestSingleInstanceLock')).toBeLessThan(at('whenReady'));
    expect(at('whenReady')).toBeLessThan(at('protocol.handle app'));
    expect(at('protocol.handle app')).toBeLessThan(at('new BrowserWindow'));
    expect(fake.electron.app.getPath('userData')).toBe(userData);
  });

  it('opens one window from the secure factory on app://dutydesk', () => {
    expect(fake.FakeWindow.all).toHaveLength(1);
    expect(mainWindow().options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, backgroundThrottling: false });
    expect(String(mainWindow().options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(mainWindow().webContents.loaded).toEqual(['app://dutydesk/index.html']);
  });

  it('serves the renderer with the CSP header and refuses traversal', async () => {
    const handler = fake.sessionRecord.protocolHandler!;
    const ok = (await handler({ url: 'app://dutydesk/index.html', method: 'GET' })) as Response;
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await ok.text()).toContain('<div id="root">');
    const traversal = (await handler({ url: 'app://dutydesk/..%2f..%2fpackage.json', method: 'GET' })) as Response;
    expect(traversal.status).toBe(404);
    expect(((await handler({ url: 'app://dutydesk/index.html', method: 'POST' })) as Response).status).toBe(405);
  });

  it('answers bridge calls only from the main window and forwards host events to it', async () => {
    const invoke = fake.ipcHandlers.get('desk:invoke')!;
    const contents = mainWindow().webContents;
    const ours = { sender: { id: contents.id }, senderFrame: { url: 'app://dutydesk/index.html', parent: null } };
    expect(await invoke(ours, 'app:info', [])).toMatchObject({ ok: true, value: { shell: 'desktop', version: '0.1.0-test' } });
    expect(await invoke({ ...ours, senderFrame: { url: 'https://evil.example/', parent: null } }, 'app:info', [])).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await invoke({ ...ours, sender: { id: 999 } }, 'app:info', [])).toMatchObject({ ok: false, error: 'forbidden' });

    const settings = { callerId: { enabled: false, path: '', baudRate: 9600, family: 'auto' }, alarms: { ringsHere: true, volume: 80 } };
    expect(await invoke(ours, 'settings:update', [settings])).toMatchObject({ ok: true });
    expect(contents.sent.map((message) => message.slice(0, 2))).toContainEqual(['desk:event', 'settings:changed']);
  });

  it('requestAttention and a second launch restore, raise, focus and flash the window', async () => {
    const invoke = fake.ipcHandlers.get('desk:invoke')!;
    const win = mainWindow();
    const ours = { sender: { id: win.webContents.id }, senderFrame: { url: 'app://dutydesk/index.html', parent: null } };
    await invoke(ours, 'window:attention', ['alarm']);
    expect(win.did).toEqual(['restore', 'show', 'moveTop', 'focus', 'flashFrame(true)']);
    win.did.length = 0;
    fake.emitApp('second-instance');
    expect(win.did).toContain('focus');
    win.did.length = 0;
    for (const l of win.listeners.get('focus') ?? []) l();
    expect(win.did).toEqual(['flashFrame(false)']);
  });

  it('keeps the display awake and lets the renderer switch it off', async () => {
    const invoke = fake.ipcHandlers.get('desk:invoke')!;
    const ours = { sender: { id: mainWindow().webContents.id }, senderFrame: { url: 'app://dutydesk/index.html', parent: null } };
    expect(await invoke(ours, 'power:keepAwake', [false])).toEqual({ ok: true, value: false });
    expect(await invoke(ours, 'power:keepAwake', [true])).toEqual({ ok: true, value: true });
  });

  it('hardens every webContents: navigation, redirects, webviews and windows refused', () => {
    const contents = new fake.FakeContents();
    fake.emitApp('web-contents-created', {}, contents);
    const attempt = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true), url }, url);
      return prevented;
    };
    expect(attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(attempt('will-redirect', 'https://example.com/')).toBe(true);
    expect(attempt('will-frame-navigate', 'file:///etc/passwd')).toBe(true);
    expect(attempt('will-navigate', 'app://dutydesk/index.html')).toBe(false);
    expect(attempt('will-attach-webview', 'app://dutydesk/index.html')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const answers: boolean[] = [];
    fake.sessionRecord.permissionRequest?.({}, 'media', (granted: boolean) => answers.push(granted));
    fake.sessionRecord.permissionRequest?.({}, 'notifications', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false]);
    expect(fake.sessionRecord.permissionCheck?.({}, 'media')).toBe(false);
    expect(fake.sessionRecord.devicePermission?.({ deviceType: 'serial' })).toBe(false);
  });

  it('reloads a crashed renderer and logs it, with no dialog', async () => {
    const contents = mainWindow().webContents;
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(contents.loaded).toHaveLength(2));
    expect(contents.loaded[1]).toBe('app://dutydesk/index.html');
    const log = readFileSync(join(userData, 'host', 'logs', 'host.log'), 'utf8');
    expect(log).toContain('renderer process gone');
    expect(log).toContain('no update feed configured');
  });
});

describe('a packaged build started with a debugging switch', () => {
  it('S8: exits with code 1 before registering anything, pinning userData or taking the lock', async () => {
    vi.resetModules();
    fake.calls.length = 0;
    fake.FakeWindow.all.length = 0;
    const argv = process.argv;
    fake.electron.app.isPackaged = true;
    process.argv = [argv[0]!, '--remote-debugging-port=9222'];
    try {
      await import('./index');
    } finally {
      process.argv = argv;
      fake.electron.app.isPackaged = false;
    }
    expect(fake.calls).toEqual(['exit 1']);
  });
});

describe('a second instance', () => {
  it('quits before touching storage or opening a window', async () => {
    vi.resetModules();
    fake.calls.length = 0;
    fake.FakeWindow.all.length = 0;
    fake.state.lock = false;
    await import('./index');
    expect(fake.calls).toContain('quit');
    expect(fake.calls).not.toContain('whenReady');
    expect(fake.calls).not.toContain('new BrowserWindow');
  });
});
