import { UPDATE_URL_ENV } from './appIdentity';

// The update feed is site configuration, not build configuration: the installer writes
// <userData>/update.json ({"url": "http://hub.example:8080/updates/stable/"}) or the
// environment names it. No feed, no check. electron-updater cannot read file:// (electron.md
// §5.1), so only http(s) is accepted.

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
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { url: null, problem: `${source}: only http and https feeds are supported` };
  if (url.username !== '' || url.password !== '') return { url: null, problem: `${source}: credentials do not belong in the feed URL` };
  if (url.search !== '' || url.hash !== '') return { url: null, problem: `${source}: the feed URL is a folder, without query or fragment` };
  return { url: url.href.endsWith('/') ? url.href : `${url.href}/` };
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
