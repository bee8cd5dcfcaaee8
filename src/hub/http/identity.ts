// GET /v1/health (no token) and GET /v1/whoami.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendObject } from './answer';
import type { HubContext } from './context';

/** Asks the store, so a deleted file or a dropped database shows as 503, not ok (S5, S10). */
export function health(ctx: HubContext) {
  return async (_request: FastifyRequest, reply: FastifyReply) => {
    await ctx.store.check();
    return sendObject(reply, 200, '{"ok":true}', ctx.store.hubEpoch);
  };
}

export function whoami(ctx: HubContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const who = request.identity;
    if (!who) throw new Error('whoami reached without an identity');
    return sendObject(reply, 200, JSON.stringify({ site: who.site, station: who.station }), ctx.store.hubEpoch);
  };
}
