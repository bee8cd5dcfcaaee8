// Events made as another station's program would push them (through tests/hub/support/client),
// for the failure tests that need exact stamps: a page's last event, a frozen millisecond.
import { formatHlc } from '@shared/hlc';
import { randomNodeId, uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { TICKET_OPENED, ticketOpenedPayload } from '@shared/tickets/ticketEvents';
import type { SyncEvent } from '@shared/sync/syncContract';

export const NODE = randomNodeId();

export function stampAt(millis: number, counter: number, node = NODE): string {
  return formatHlc({ millis, counter, node });
}

/** A `ticket.opened` of `station` by `actor`, stamped `hlc`. */
export function rawTicket(station: string, actor: string, hlc: string, number = 'FD-20261122-001'): SyncEvent {
  const id = uuidv7();
  return {
    id, stream: streams.ticket(id), type: TICKET_OPENED, hlc, station, actor,
    payload: ticketOpenedPayload.parse({
      number, channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', unitKey: '3-1502',
      callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: 1_780_000_000_000,
    }),
  };
}

/** Pushes through the protocol peer and checks every event was stored. */
export async function pushRaw(peer: { push(events: unknown[]): Promise<{ status: number; body: Record<string, unknown> }> }, events: SyncEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    const answer = await peer.push(events.slice(i, i + 1000));
    const results = answer.body.results as { status: string }[] | undefined;
    if (answer.status !== 200 || !results?.every((r) => r.status === 'stored')) throw new Error(`raw push failed: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
}
