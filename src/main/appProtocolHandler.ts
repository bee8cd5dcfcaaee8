import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import type { Logger } from '../host/logging/logger';
import { APP_SCHEME } from './appIdentity';
import { appResponseHeaders, resolveAppUrl } from './appProtocol';

/**
 * Must run before `ready`. standard + secure give app://dutydesk a real origin, so IndexedDB,
 * fetch and module scripts work (a non-standard scheme is denied IndexedDB). corsEnabled lets
 * Vite's `<script type="module" crossorigin>` load; no answer carries an
 * Access-Control-Allow-Origin header, so no other origin can read from it.
 */
export function registerAppSchemePrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true } },
  ]);
}

/** Serves out/renderer on app://dutydesk with the CSP header; nothing outside it, no writes. */
export function serveRenderer(session: Session, rendererRoot: string, logger: Logger): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...appResponseHeaders(null), Allow: 'GET, HEAD' } });
    }
    const resolved = resolveAppUrl(request.url, rendererRoot);
    if (!resolved.ok) {
      logger.warn('app:// request refused', { url: request.url.slice(0, 200), status: resolved.status });
      return new Response('not found', { status: resolved.status, headers: appResponseHeaders(null) });
    }
    try {
      const body = await readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(resolved.path) });
    } catch {
      return new Response('not found', { status: 404, headers: appResponseHeaders(null) });
    }
  });
}
