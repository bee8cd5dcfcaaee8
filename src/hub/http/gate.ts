// The checks every request passes before its handler, in the contract's order: path and method
// (404, 405), token (401), body size (413). Parsing (400) is the handler's.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logLine } from '../log';
import { MAX_BODY_BYTES } from '../../shared/protocol';
import { hashToken } from '../store/secrets';
import { sendError } from './answer';
import { bearerToken } from './auth';
import { drain, readBody } from './body';
import type { HubContext } from './context';
import { matchRoute } from './routes';

export function gate(ctx: HubContext) {
  return async function onRequest(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const raw = request.raw;
    const match = matchRoute(raw.method, raw.url);
    request.logFields.path = match.path ?? '(unknown)';
    if (!match.ok) {
      await drain(raw, ctx.bodyTimeoutMs);
      const message = match.code === 'NOT_FOUND' ? 'no such path' : `${match.path} does not allow ${raw.method}`;
      return sendError(reply, match.code, message, ctx.store.hubEpoch);
    }
    if (match.route.needsToken) {
      const token = bearerToken(raw.headers.authorization);
      const identity = token === null ? null : await ctx.store.stationByTokenHash(hashToken(token));
      if (!identity) {
        await drain(raw, ctx.bodyTimeoutMs);
        const why = token === null ? 'missing or malformed Authorization: Bearer header' : 'unknown or revoked token';
        return sendError(reply, 'UNAUTHORIZED', why, ctx.store.hubEpoch);
      }
      request.identity = identity;
      request.logFields.site = identity.site;
      request.logFields.station = identity.station;
      ctx.contacts.note(identity.stationId);
    }
    if (raw.method === 'POST') {
      const body = await readBody(raw, MAX_BODY_BYTES, ctx.bodyTimeoutMs);
      if (!body.ok && body.why === 'too-large') {
        return sendError(reply, 'BODY_TOO_LARGE', `the body is ${body.size} bytes, over ${MAX_BODY_BYTES}`, ctx.store.hubEpoch);
      }
      if (!body.ok && body.why === 'stalled') {
        // The rest of the body may still come; closing keeps it from being read as a request.
        reply.header('connection', 'close');
        const seconds = ctx.bodyTimeoutMs / 1000;
        return sendError(reply, 'REQUEST_TIMEOUT', `the request body stopped arriving for ${seconds} s; send it again`, ctx.store.hubEpoch);
      }
      if (!body.ok) {
        // The client went away mid-body: there is no one to answer and nothing failed here.
        logLine('request aborted by client', { method: raw.method, ...request.logFields });
        raw.destroy();
        return reply.hijack();
      }
      request.rawBody = body.bytes;
      // The body is consumed; hide its framing from Fastify so it neither parses it again nor
      // refuses a content type it does not know (the contract ignores the content type).
      delete raw.headers['content-type'];
      delete raw.headers['content-length'];
      delete raw.headers['transfer-encoding'];
    }
  };
}
