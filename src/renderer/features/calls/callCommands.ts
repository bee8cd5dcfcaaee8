import { uuidv7 } from '@shared/ids';
import type { CallerIdCall } from '@shared/bridge/contract';
import { CALL_DISMISSED, CALL_LINKED, CALL_RECEIVED, callReceivedPayload } from '@shared/calls/callEvents';
import { normalisePhone } from '@shared/directory/phone/normalisePhone';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { findUnitsByPhone, type UnitMatch } from '../directory/directoryQueries';

export interface IncomingCall {
  callId: string;
  call: CallerIdCall;
  e164: string | null;
  matches: UnitMatch[];
}

const stream = (callId: string) => `call:${callId}`;

/**
 * A call from the caller-ID box: look the number up (never a withheld one) and log the call.
 * The panel can show as soon as the lookup is done; `logged` settles when the event is durable
 * (Dexie runs read-write transactions on these tables in order, so a later link or dismissal
 * of this call is always written after it).
 */
export async function receiveCall(
  db: DeskDatabase, store: EventStore, context: PhoneContext, call: CallerIdCall, actor: string | null,
): Promise<{ incoming: IncomingCall; logged: Promise<unknown> }> {
  const parsed = call.number && !call.withheld ? normalisePhone(call.number, context) : null;
  const e164 = parsed?.ok ? parsed.phone.e164 : null;
  // Units in building-room order, so the pick-list reads the same on every call.
  const matches = (e164 ? await findUnitsByPhone(db, e164) : []).sort((a, b) => a.unit.key.localeCompare(b.unit.key, 'zh-CN', { numeric: true }));
  const callId = uuidv7(call.at);
  const payload = callReceivedPayload.parse({
    number: call.number, e164, name: call.name, withheld: call.withheld, numberStatus: call.numberStatus, at: call.at,
    unitKeys: matches.map((m) => m.unit.key).slice(0, 20),
  });
  const logged = store.append([{ stream: stream(callId), type: CALL_RECEIVED, payload }], actor);
  return { incoming: { callId, call, e164, matches }, logged };
}

export async function linkCall(store: EventStore, callId: string, ticketId: string, ticketNumber: string, actor: string) {
  await store.append([{ stream: stream(callId), type: CALL_LINKED, payload: { ticketId, ticketNumber } }], actor);
}

export async function dismissCall(store: EventStore, callId: string, actor: string) {
  await store.append([{ stream: stream(callId), type: CALL_DISMISSED, payload: {} }], actor);
}

/** The unit's open requests and its last five, newest first, through [unitKey+createdAt]. */
export async function unitRequests(db: DeskDatabase, unitKey: string) {
  const range = () => db.tickets.where('[unitKey+createdAt]').between([unitKey, -Infinity], [unitKey, Infinity]).reverse();
  const [open, lastFive] = await Promise.all([range().filter((t) => t.active === 1).limit(20).toArray(), range().limit(5).toArray()]);
  return { open, lastFive };
}

/** Calls since a time (the shift's start), newest first. */
export function callsSince(db: DeskDatabase, since: number, limit = 300) {
  return db.calls.where('at').aboveOrEqual(since).reverse().limit(limit).toArray();
}
