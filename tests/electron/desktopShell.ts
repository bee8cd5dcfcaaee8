import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinaryStatus } from '../../scripts/electronBinary.mjs';
import type { WebShell } from '../e2e/support/webShell';

// Launching the real desktop shell for a test. Nothing here requires the electron module:
// the binary is found from files on disk and passed to Playwright as executablePath
// (requiring electron ≥ 42 downloads a missing binary), so a machine without it skips instead of
// attempting a download.

export const root = resolve(import.meta.dirname, '../..');
export const APP_ORIGIN = 'app://dutydesk';

const binary = electronBinaryStatus(root);

/** Why the Electron specs cannot run here, or null when they can. */
export function electronSkipReason(): string | null {
  if (!binary.present) return `Electron binary not installed (${binary.reason}); the desktop shell e2e runs where npm could download Electron, the web shell e2e covers the renderer here`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return 'no display for Electron: run the suite under `xvfb-run -a`';
  return null;
}

export interface Desktop {
  app: ElectronApplication;
  page: Page;
  userData: string;
  /** The host's log, where refusals (navigation, windows, permissions, IPC) are recorded. */
  hostLog(): string;
  /** A WebShell-shaped handle so the web e2e page objects work unchanged. */
  shellHandle: WebShell;
}

function launchEnv(userData: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Always the built renderer on app://, never a dev server; each test its own profile.
  delete env.ELECTRON_RENDERER_URL;
  delete env.ELECTRON_RUN_AS_NODE;
  env.DUTYDESK_USER_DATA = userData;
  return env;
}

export function desktopCommand(userData: string): { executablePath: string; args: string[]; env: Record<string, string> } {
  if (!binary.present) throw new Error('Electron binary not installed');
  const args = [root];
  // Chromium refuses to start sandboxed as root (CI containers); Playwright adds this itself.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  return { executablePath: binary.executablePath, args, env: launchEnv(userData) };
}

export async function launchDesktop(userData?: string): Promise<Desktop> {
  if (!binary.present) throw new Error('Electron binary not installed');
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) throw new Error('The app is not built: run `npm run build` (npm run test:e2e builds first).');
  const dir = userData ?? (await mkdtemp(join(tmpdir(), 'dutydesk-electron-')));
  const app = await _electron.launch({ executablePath: binary.executablePath, args: [root], cwd: root, env: launchEnv(dir), timeout: 30_000 });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  const logPath = join(dir, 'host', 'logs', 'host.log');
  return {
    app,
    page,
    userData: dir,
    hostLog: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    shellHandle: { url: `${APP_ORIGIN}/index.html`, origin: APP_ORIGIN, dataDir: join(dir, 'host'), output: () => '', stop: async () => {} },
  };
}
