import type { DeskEvent } from '../events/envelope';
import { CALL_DISMISSED, CALL_LINKED, CALL_RECEIVED, callLinkedPayload, callReceivedPayload, type CallReceivedPayload } from './callEvents';

export interface CallRecord extends CallReceivedPayload {
  id: string;
  station: string;
  outcome: 'pending' | 'ticket' | 'none';
  ticketId: string | null;
  ticketNumber: string | null;
  lastHlc: string;
}

export function foldCall(call: CallRecord | null, event: DeskEvent): CallRecord | null {
  if (event.type === CALL_RECEIVED) {
    if (call) return call;
    const p = callReceivedPayload.parse(event.payload);
    return { id: event.stream.slice('call:'.length), ...p, station: event.station, outcome: 'pending', ticketId: null, ticketNumber: null, lastHlc: event.hlc };
  }
  if (!call) return null;
  const lastHlc = event.hlc > call.lastHlc ? event.hlc : call.lastHlc;
  if (event.type === CALL_LINKED) {
    const p = callLinkedPayload.parse(event.payload);
    return { ...call, outcome: 'ticket', ticketId: p.ticketId, ticketNumber: p.ticketNumber, lastHlc };
  }
  // A call that became a request stays linked even if a dismissal from elsewhere arrives later.
  if (event.type === CALL_DISMISSED && call.outcome === 'pending') return { ...call, outcome: 'none', lastHlc };
  return call;
}
