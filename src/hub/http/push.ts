// POST /v1/events: per-event results in request order, in the contract's check order:
// INVALID_EVENT and TOO_LARGE (shared checks), WRONG_STATION (here), ID_CONFLICT (the store).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUtf8 } from 'node:buffer';
import {
  checkBatch, checkWireEvent, isJsonObject, parseJsonText, type BodyDecode, type PushResult, type WireEvent,
} from '../../shared/protocol';
import type { IncomingEvent, PushOutcome, StationIdentity } from '../store/types';
import { sendError, sendObject } from './answer';
import type { HubContext } from './context';
import { PUSH_SLICE, PushLanes } from './pushLanes';

const YIELD_EVERY = 100;

export function push(ctx: HubContext) {
  const lanes = new PushLanes();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const who = request.identity;
    if (!who || !request.rawBody) throw new Error('push reached without an identity or a body');
    const decoded = decodeBody(request.rawBody);
    // The parsed batch is all that is needed from here: the 5 MiB of bytes need not wait for
    // the store's answer (S4).
    request.rawBody = null;
    if (!decoded.ok) return sendError(reply, decoded.code, decoded.message, ctx.store.hubEpoch);
    const batch = checkBatch(decoded.value);
    if (!batch.ok) return sendError(reply, batch.code, batch.message, ctx.store.hubEpoch);

    const results: PushResult[] = [];
    const accepted: { index: number; event: IncomingEvent }[] = [];
    const isPeer = peerCheck(ctx, who);
    for (const [index, raw] of batch.events.entries()) {
      // Let other requests in between slices of a big batch, so a small push is not kept
      // waiting behind a thousand-event one.
      if (index > 0 && index % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const id = isJsonObject(raw) && Object.prototype.hasOwnProperty.call(raw, 'id') && typeof raw.id === 'string' ? raw.id : null;
      const check = checkWireEvent(raw);
      if (!check.ok) {
        results.push({ id, status: 'rejected', code: check.code, message: check.message });
      } else if (check.event.station !== who.station && !(batch.relay && (await isPeer(check.event.station)))) {
        const message = batch.relay
          ? `station "${check.event.station}" is not a station of this site`
          : `station "${check.event.station}" is not this token's station; only a relay may carry other stations' events`;
        results.push({ id, status: 'rejected', code: 'WRONG_STATION', message });
      } else {
        results.push({ id, status: 'stored' });
        accepted.push({ index, event: incoming(check.event, check.payloadJson) });
      }
    }
    const outcomes: PushOutcome[] = [];
    for (let start = 0; start < accepted.length; start += PUSH_SLICE) {
      const slice = accepted.slice(start, start + PUSH_SLICE).map((a) => a.event);
      outcomes.push(...(await lanes.turn(ctx.store.pushLane(who.siteId), slice.length, () => ctx.store.push(who.siteId, slice))));
    }
    outcomes.forEach((outcome, i) => {
      const index = (accepted[i] as { index: number }).index;
      const id = (results[index] as PushResult).id;
      results[index] = outcome === 'conflict'
        ? { id, status: 'rejected', code: 'ID_CONFLICT', message: 'an event with this id and other content is already stored' }
        : { id, status: outcome };
    });

    const count = (status: PushResult['status']) => results.filter((r) => r.status === status).length;
    const summary = { stored: count('stored'), duplicates: count('duplicate'), rejected: count('rejected') };
    Object.assign(request.logFields, { events: results.length, ...summary });
    ctx.contacts.note(who.stationId, { lastPushAt: new Date().toISOString() });
    return sendObject(reply, 200, JSON.stringify({ results, ...summary }), ctx.store.hubEpoch);
  };
}

/** Whether another station of the token's site exists; asked once per name per request. */
function peerCheck(ctx: HubContext, who: StationIdentity) {
  const known = new Map<string, Promise<boolean>>();
  return (station: string): Promise<boolean> => {
    let answer = known.get(station);
    if (!answer) known.set(station, (answer = ctx.store.stationExists(who.siteId, station)));
    return answer;
  };
}

/** Node's validator is several times faster than a fatal TextDecoder on large bodies. */
function decodeBody(bytes: Buffer): BodyDecode {
  if (!isUtf8(bytes)) return { ok: false, code: 'NOT_JSON', message: 'the body is not valid UTF-8' };
  return parseJsonText(bytes.toString('utf8'));
}

function incoming(e: WireEvent, payloadJson: string): IncomingEvent {
  const seven = { id: e.id, stream: e.stream, type: e.type, hlc: e.hlc, station: e.station, actor: e.actor, payload: e.payload };
  return { ...seven, payload: payloadJson };
}
