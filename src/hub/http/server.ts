// The Fastify app. Fastify's own answers (404s, 415s, its error bodies, HEAD routes) differ
// from the contract, so every path into a reply goes through gate() or the handlers below.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import type { TlsFiles } from '../config';
import { logLine, type LogFields } from '../log';
import { StoreUnavailableError } from '../store/errors';
import { errorJson, sendError } from './answer';
import type { HubContext } from './context';
import { gate } from './gate';
import { matchRoute, ROUTES } from './routes';

/** What the hub answers for a failing store: no address, database name or file path (S11). */
export const STORE_UNAVAILABLE_MESSAGE = "the hub's data store is unavailable; retry later";

export function buildServer(ctx: HubContext, tls: TlsFiles | null = null): FastifyInstance {
  const epoch = () => ctx.store.hubEpoch;
  // Fastify types an HTTPS instance apart; the hub uses nothing that differs between the two.
  const app = Fastify({
    https: tls ? { cert: tls.cert, key: tls.key } : null,
    logger: false,
    exposeHeadRoutes: false,
    // gate() enforces the 5 MiB limit itself; this only keeps Fastify out of the way.
    bodyLimit: 64 * 1024 * 1024,
    return503OnClosing: false,
    // Bounds how long one request may take to arrive, including an oversized body being drained.
    requestTimeout: 120_000,
    frameworkErrors: (_error, request, reply) => notRouted(ctx, request, reply),
    clientErrorHandler: (error, socket) => answerBrokenRequest(error, socket, epoch()),
  }) as unknown as FastifyInstance;
  app.decorateRequest('identity', null);
  app.decorateRequest('rawBody', null);
  // A getter/setter pair so each request starts with its own object, never a shared one.
  app.decorateRequest('logFields', { getter() { return (this as unknown as { _log?: LogFields })._log ??= {}; }, setter(v: LogFields) { (this as unknown as { _log?: LogFields })._log = v; } });

  app.addHook('onRequest', gate(ctx));
  app.addHook('onResponse', async (request, reply) => {
    logLine('request', { method: request.raw.method, ...request.logFields, status: reply.statusCode, ms: Math.round(reply.elapsedTime) });
  });

  for (const [url, route] of Object.entries(ROUTES)) {
    for (const [method, handler] of Object.entries(route.handlers)) app.route({ method, url, handler: handler(ctx) });
  }

  app.setNotFoundHandler((request, reply) => notRouted(ctx, request, reply));
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof StoreUnavailableError) {
      // The detail (a database address, a file path) goes to the log only (S11).
      request.logFields.detail = error.message;
      return sendError(reply, 'STORE_UNAVAILABLE', STORE_UNAVAILABLE_MESSAGE, epoch());
    }
    if (request.raw.destroyed || (error as { code?: string }).code === 'ECONNRESET') {
      // S16: the client went away; nothing in the hub failed.
      logLine('request aborted by client', { method: request.raw.method, ...request.logFields });
      return reply.hijack();
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) return sendError(reply, 'BODY_TOO_LARGE', 'the body is over 5 MiB', epoch());
    if (status >= 400 && status < 500) return sendError(reply, 'NOT_JSON', 'the request could not be read', epoch());
    logLine('internal error', { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    return sendError(reply, 'INTERNAL_ERROR', 'the hub failed to handle this request', epoch());
  });
  return app;
}

/** A request Fastify's router did not match: the same 404/405 answer gate() gives. */
function notRouted(ctx: HubContext, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const match = matchRoute(request.raw.method, request.raw.url);
  const code = match.ok ? 'NOT_FOUND' : match.code;
  return sendError(reply, code, code === 'NOT_FOUND' ? 'no such path' : 'method not allowed on this path', ctx.store.hubEpoch);
}

/** Malformed HTTP never reaches Fastify; still answer in the contract's shape where we can. */
function answerBrokenRequest(error: Error & { code?: string }, socket: Socket, hubEpoch: string): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, text] = error.code === 'HPE_HEADER_OVERFLOW'
    ? [431, 'HEADERS_TOO_LARGE', 'Request Header Fields Too Large'] as const
    : [400, 'BAD_REQUEST', 'Bad Request'] as const;
  const body = errorJson(code, 'the request is not valid HTTP/1.1', hubEpoch);
  socket.end(`HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
