// GET /v1/events?after=&limit=: a page of the token's site's events in seq order, cut at about
// 4 MiB (store/pullPage.ts), with at most two pulls per station at a time (pullTurns.ts, S4).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parsePullQuery } from '../../shared/protocol';
import { sendError, stampJson } from './answer';
import type { HubContext } from './context';
import { PullTurns } from './pullTurns';
import { rawQuery } from './target';

export function pull(ctx: HubContext) {
  const turns = new PullTurns();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const who = request.identity;
    if (!who) throw new Error('pull reached without an identity');
    const query = parsePullQuery(new URLSearchParams(rawQuery(request.raw.url)));
    if (!query.ok) return sendError(reply, query.code, query.message, ctx.store.hubEpoch);
    const turn = await turns.take(who.stationId);
    request.logFields.pullsAhead = turn.ahead;
    reply.raw.once('close', turn.release);
    try {
      const page = await ctx.store.pull(who.siteId, query.after, query.limit);
      const last = page.lastSeq ?? query.after;
      ctx.contacts.note(who.stationId, { lastPullAt: new Date().toISOString(), lastPulledSeq: last });
      request.logFields.pulled = page.json.length;
      // Stored payloads are already compact JSON: spliced in rather than parsed and re-serialized.
      const body = `{"events":[${page.json.join(',')}],"last":${last},"more":${page.more},${stampJson(ctx.store.hubEpoch)}}`;
      return reply.code(200).header('content-type', 'application/json; charset=utf-8').send(body);
    } catch (error) {
      turn.release();
      throw error;
    }
  };
}
