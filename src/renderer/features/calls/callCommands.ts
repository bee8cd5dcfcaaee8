import { uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
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

const stream = streams.call;

// S17: the host's call id (a UUIDv7) names the call's stream, so a call delivered again after a
// reconnect or a reload is recognised and logged once. `receiving` covers two deliveries of one
// call that overlap before the first is written.
const HOST_CALL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const receiving = new Set<string>();

/**
 * A call from the caller-ID box: look the number up (never a withheld one) and log the call.
 * The panel can show as soon as the lookup is done; `logged` settles when the event is durable
 * (Dexie runs read-write transactions on these tables in order, so a later link or dismissal
 * of this call is always written after it). Null when this call is already logged (S17).
 */
export async function receiveCall(
  db: DeskDatabase, store: EventStore, context: PhoneContext, call: CallerIdCall, actor: string | null,
): Promise<{ incoming: IncomingCall; logged: Promise<unknown> } | null> {
  const callId = HOST_CALL_ID.test(call.id) ? call.id : uuidv7(call.at);
  if (receiving.has(callId)) return null;
  receiving.add(callId);
  try {
    if (await db.calls.get(callId)) {
      receiving.delete(callId);
      return null;
    }
    const received = await logCall(db, store, context, call, callId, actor);
    void received.logged.then(() => receiving.delete(callId), () => receiving.delete(callId));
    return received;
  } catch (error) {
    receiving.delete(callId);
    throw error;
  }
}

async function logCall(db: DeskDatabase, store: EventStore, context: PhoneContext, call: CallerIdCall, callId: string, actor: string | null) {
  const parsed = call.number && !call.withheld ? normalisePhone(call.number, context) : null;
  const e164 = parsed?.ok ? parsed.phone.e164 : null;
  // Units in building-room order, so the pick-list reads the same on every call.
  const matches = (e164 ? await findUnitsByPhone(db, e164) : []).sort((a, b) => a.unit.key.localeCompare(b.unit.key, 'zh-CN', { numeric: true }));
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
