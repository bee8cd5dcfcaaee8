// The hub's paths and their methods. Matching is on the raw request target, exactly (case, no
// trailing slash, no percent-decoding), so whatever the router normalises cannot widen it.
export interface Route {
  methods: readonly string[];
  needsToken: boolean;
}

export const ROUTES: Readonly<Record<string, Route>> = {
  '/v1/health': { methods: ['GET'], needsToken: false },
  '/v1/whoami': { methods: ['GET'], needsToken: true },
  '/v1/events': { methods: ['GET', 'POST'], needsToken: true },
};

export type Match =
  | { ok: true; path: string; route: Route }
  | { ok: false; code: 'NOT_FOUND' | 'METHOD_NOT_ALLOWED'; path: string | null };

export function matchRoute(method: string | undefined, url: string | undefined): Match {
  const path = rawPath(url);
  const route = Object.prototype.hasOwnProperty.call(ROUTES, path) ? ROUTES[path] : undefined;
  if (!route) return { ok: false, code: 'NOT_FOUND', path: null };
  if (!route.methods.includes(method ?? '')) return { ok: false, code: 'METHOD_NOT_ALLOWED', path };
  return { ok: true, path, route };
}

export function rawPath(url: string | undefined): string {
  const target = url ?? '';
  const q = target.indexOf('?');
  return q === -1 ? target : target.slice(0, q);
}

export function rawQuery(url: string | undefined): string {
  const target = url ?? '';
  const q = target.indexOf('?');
  return q === -1 ? '' : target.slice(q + 1);
}
