import nodePath, { type PlatformPath } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../web/security';
import { APP_HOST, APP_SCHEME } from './appIdentity';

// The app:// scheme serves the built renderer (out/renderer) with the same CSP header as the
// web shell, instead of file:// (security checklist item 18). Pure: the Electron handler in
// appProtocolHandler.ts only reads the file this resolves.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
};

export type AppFile = { ok: true; path: string } | { ok: false; status: 400 | 404 };

/**
 * Maps app://dutydesk/<path> to a file under root. Anything else — another host, a path that
 * decodes outside root (%2e%2e%2f, %5c, an absolute or drive path), a NUL byte — is refused.
 */
export function resolveAppUrl(requestUrl: string, root: string, path: PlatformPath = nodePath): AppFile {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return { ok: false, status: 404 };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0')) return { ok: false, status: 400 };
  if (relative === '') relative = 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const inside = path.relative(base, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return { ok: false, status: 404 };
  return { ok: true, path: file };
}

/** The headers of every answer; the CSP is the web shell's, so both shells run one policy. */
export function appResponseHeaders(filePath: string | null): Record<string, string> {
  const ext = filePath === null ? '' : nodePath.extname(filePath).toLowerCase();
  return {
    'Content-Type': filePath === null ? 'text/plain; charset=utf-8' : (CONTENT_TYPES[ext] ?? 'application/octet-stream'),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': ext === '.html' ? 'no-store' : 'no-cache',
  };
}
