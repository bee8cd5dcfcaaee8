// GET /v1/events?after=&limit=: a page of the token's site's events in seq order, cut at about
// 4 MiB (store/pullPage.ts), with at most two pulls per station and four in all at a time
// (pullTurns.ts, S4). A page is sent as it is read: the first MiB is read before answering (a
// store failing there is still a 503, and a small page goes out whole with its length); the rest
// of a bigger page follows slice by slice as the client takes it, so a page is never held whole.
// `last` and `more` are known only once the page is read, which is why they follow the events.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { parsePullQuery } from '../../shared/protocol';
import { logLine } from '../log';
import { CHUNK_BYTES, type PageReader } from '../store/pullPage';
import { sendError, stampJson } from './answer';
import type { HubContext } from './context';
import { PullTurns } from './pullTurns';
import { rawQuery } from './target';

const OPEN = Buffer.from('{"events":[');

export function pull(ctx: HubContext) {
  const turns = new PullTurns();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const who = request.identity;
    if (!who) throw new Error('pull reached without an identity');
    const query = parsePullQuery(new URLSearchParams(rawQuery(request.raw.url)));
    if (!query.ok) return sendError(reply, query.code, query.message, ctx.store.hubEpoch);
    const turn = await turns.take(who.stationId);
    Object.assign(request.logFields, { pullsAhead: turn.ahead, pullsHubAhead: turn.hubAhead, pullsRunning: turn.running });
    reply.raw.once('close', turn.release);
    try {
      const page = ctx.store.pull(who.siteId, query.after, query.limit);
      const head: Buffer[] = [OPEN];
      for (let size = 0; size < CHUNK_BYTES && !page.finished;) {
        const slice = await page.next();
        if (slice && slice.length > 0) {
          head.push(slice);
          size += slice.length;
        }
      }
      reply.code(200).header('content-type', 'application/json; charset=utf-8');
      if (page.finished) {
        head.push(close(ctx, request, page, who.stationId, query.after));
        return reply.send(Buffer.concat(head));
      }
      return reply.send(Readable.from(rest(ctx, request, page, head, who.stationId, query.after), { objectMode: false }));
    } catch (error) {
      turn.release();
      throw error;
    }
  };
}

/** What is read of the page, then its other slices as the client takes them, then its end. */
async function* rest(ctx: HubContext, request: FastifyRequest, page: PageReader, head: Buffer[], stationId: number, after: number) {
  // Handed over one by one, so each is let go once sent.
  for (let slice = head.shift(); slice; slice = head.shift()) yield slice;
  try {
    for (let slice = await page.next(); slice; slice = await page.next()) if (slice.length > 0) yield slice;
  } catch (error) {
    // The answer has begun, so it can only be cut short: the client sees a broken page and
    // pulls again. The store's failure goes to the log like any other.
    logLine('pull failed mid-page', { ...request.logFields, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    throw error;
  }
  yield close(ctx, request, page, stationId, after);
}

/** The end of the page's JSON (`last`, `more` and the stamp), once it is read whole. */
function close(ctx: HubContext, request: FastifyRequest, page: PageReader, stationId: number, after: number): Buffer {
  const last = page.lastSeq ?? after;
  ctx.contacts.note(stationId, { lastPullAt: new Date().toISOString(), lastPulledSeq: last });
  request.logFields.pulled = page.count;
  return Buffer.from(`],"last":${last},"more":${page.more},${stampJson(ctx.store.hubEpoch)}}`);
}
