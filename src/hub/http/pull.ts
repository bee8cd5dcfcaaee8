// GET /v1/events?after=&limit=: a page of the token's site's events in seq order.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parsePullQuery } from '../../shared/protocol';
import type { StoredEventRow } from '../store/types';
import { sendError, stampJson } from './answer';
import type { HubContext } from './context';
import { rawQuery } from './routes';

export function pull(ctx: HubContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const who = request.identity;
    if (!who) throw new Error('pull reached without an identity');
    const query = parsePullQuery(new URLSearchParams(rawQuery(request.raw.url)));
    if (!query.ok) return sendError(reply, query.code, query.message, ctx.store.hubEpoch);
    const page = await ctx.store.pull(who.siteId, query.after, query.limit);
    const last = page.rows.at(-1)?.seq ?? query.after;
    ctx.contacts.note(who.stationId, { lastPullAt: new Date().toISOString(), lastPulledSeq: last });
    request.logFields.pulled = page.rows.length;
    // Stored payloads are already compact JSON: splice them in rather than parse and re-serialize.
    const events = page.rows.map(eventJson).join(',');
    const body = `{"events":[${events}],"last":${last},"more":${page.more},${stampJson(ctx.store.hubEpoch)}}`;
    return reply.code(200).header('content-type', 'application/json; charset=utf-8').send(body);
  };
}

function eventJson(r: StoredEventRow): string {
  const s = JSON.stringify;
  return `{"seq":${r.seq},"id":${s(r.id)},"stream":${s(r.stream)},"type":${s(r.type)},"hlc":${s(r.hlc)},` +
    `"station":${s(r.station)},"actor":${s(r.actor)},"payload":${r.payload}}`;
}
