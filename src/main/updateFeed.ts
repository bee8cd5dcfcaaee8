import { UPDATE_URL_ENV } from './appIdentity';

// The update feed is site configuration, not build configuration: the installer writes
// <userData>/update.json ({"url": "https://hub.example/updates/stable/"}) or the environment
// names it. No feed, no check. electron-updater cannot read file:// (its HTTP client is
// Electron's net). S15: https only, except plain http to this machine's loopback (a LAN or USB bundle served by a
// local helper); every download must also carry our signature (updateSignature.ts).

export const UPDATE_FILE_NAME = 'update.json';

export type UpdateFeed = { url: string } | { url: null; problem: string | null };

export function parseUpdateFeed(env: Record<string, string | undefined>, fileText: string | null): UpdateFeed {
  const fromEnv = env[UPDATE_URL_ENV];
  if (fromEnv) return checkUrl(fromEnv, UPDATE_URL_ENV);
  if (fileText === null) return { url: null, problem: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(fileText);
  } catch {
    return { url: null, problem: `${UPDATE_FILE_NAME} is not valid JSON` };
  }
  const url = typeof parsed === 'object' && parsed !== null ? (parsed as { url?: unknown }).url : undefined;
  if (typeof url !== 'string' || url === '') return { url: null, problem: `${UPDATE_FILE_NAME} has no "url"` };
  return checkUrl(url, UPDATE_FILE_NAME);
}

function checkUrl(raw: string, source: string): UpdateFeed {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { url: null, problem: `${source}: not a URL` };
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { url: null, problem: `${source}: a feed on another machine must use https (plain http only on 127.0.0.1, ::1 or localhost)` };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: null, problem: `${source}: only https feeds (or http on loopback) are supported` };
  if (url.username !== '' || url.password !== '') return { url: null, problem: `${source}: credentials do not belong in the feed URL` };
  if (url.search !== '' || url.hash !== '') return { url: null, problem: `${source}: the feed URL is a folder, without query or fragment` };
  return { url: url.href.endsWith('/') ? url.href : `${url.href}/` };
}

/** Loopback by address or name: nothing else on the network can answer these. */
export function isLoopbackHost(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === '[::1]') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * What electron-updater may do on its own: nothing beyond checking and downloading. Installing
 * happens only when staff ask, never on quit (electron-builder#7807: an install during
 * shutdown can leave the desk uninstalled), and never to an older version (IndexedDB loss).
 */
export const UPDATER_POLICY = {
  autoDownload: false,
  autoInstallOnAppQuit: false,
  allowDowngrade: false,
  allowPrerelease: false,
  disableWebInstaller: true,
  forceDevUpdateConfig: false,
} as const;

/** First check a minute after start (the desk comes up first), then every six hours. */
export const UPDATE_CHECK = { firstAfterMs: 60_000, everyMs: 6 * 60 * 60_000 } as const;
