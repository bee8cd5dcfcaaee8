import { APP_ORIGIN, APP_SCHEME } from './appIdentity';

// Origins are compared after parsing, never with startsWith, which a look-alike host such as
// app://dutydesk.evil fools (Electron's security checklist, item 13): the app's
// pages may move between its own URLs and nowhere else.

/**
 * scheme://host[:port] of an app:, http: or https: URL, or null. Node's URL gives custom
 * schemes an opaque "null" origin, so it is built from the parts; URLs with credentials
 * (app://dutydesk@evil.example/) are refused outright.
 */
export function originOf(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '' || url.host === '') return null;
  if (url.protocol !== `${APP_SCHEME}:` && url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return `${url.protocol}//${url.host}`;
}

/** will-navigate / will-redirect / will-frame-navigate: only within the renderer's own origin. */
export function isAllowedNavigation(url: unknown, trustedOrigin: string = APP_ORIGIN): boolean {
  return originOf(url) === trustedOrigin;
}

export interface SenderFacts {
  /** The sending frame's URL; null when the frame navigated away or was destroyed. */
  frameUrl: string | null | undefined;
  /** True when the sender is the top frame, not an iframe. */
  isTopFrame: boolean;
  webContentsId: number;
}

/**
 * An IPC message is trusted only from the top frame of our own main window, showing our own
 * origin (GHSA-mq8j-3h7h-p8g7: a frame other than ours could reach ipcRenderer).
 */
export function isTrustedSender(sender: SenderFacts, expected: { origin: string; webContentsId: number | null }): boolean {
  if (expected.webContentsId === null || sender.webContentsId !== expected.webContentsId) return false;
  if (!sender.isTopFrame) return false;
  return originOf(sender.frameUrl) === expected.origin;
}

/**
 * The development renderer served by `electron-vite dev`: accepted only in an unpackaged
 * build and only from plain http on loopback, so a stray environment variable can never
 * point a packaged desk at another server.
 */
export function devRendererUrl(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return null;
  try {
    const url = new URL(raw);
    const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
    return url.protocol === 'http:' && loopback && url.username === '' && url.password === '' ? url.href : null;
  } catch {
    return null;
  }
}
