// The hub's paths, their methods and handlers: the one list gate() matches against and
// server.ts registers (P5). Matching is on the raw request target, exactly (case, no trailing
// slash, no percent-decoding), so whatever the router normalises cannot widen it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HubContext } from './context';
import { health, whoami } from './identity';
import { pull } from './pull';
import { push } from './push';
import { rawPath } from './target';

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;
type Method = 'GET' | 'POST';

export interface Route {
  needsToken: boolean;
  handlers: Partial<Record<Method, (ctx: HubContext) => Handler>>;
}

export const ROUTES: Readonly<Record<string, Route>> = {
  '/v1/health': { needsToken: false, handlers: { GET: health } },
  '/v1/whoami': { needsToken: true, handlers: { GET: whoami } },
  '/v1/events': { needsToken: true, handlers: { GET: pull, POST: push } },
};

export type Match =
  | { ok: true; path: string; route: Route }
  | { ok: false; code: 'NOT_FOUND' | 'METHOD_NOT_ALLOWED'; path: string | null };

export function matchRoute(method: string | undefined, url: string | undefined): Match {
  const path = rawPath(url);
  const route = Object.prototype.hasOwnProperty.call(ROUTES, path) ? ROUTES[path] : undefined;
  if (!route) return { ok: false, code: 'NOT_FOUND', path: null };
  if (!Object.prototype.hasOwnProperty.call(route.handlers, method ?? '')) return { ok: false, code: 'METHOD_NOT_ALLOWED', path };
  return { ok: true, path, route };
}
