import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PushAnswer, SyncEvent } from '@shared/sync/syncContract';
import { TICKET_NOTED } from '@shared/tickets/ticketEvents';
import { FakeHub } from './fakeHub';
import { foundingStation } from './syncTestKit';
import { pushContext, pushOutbox } from './pushOutbox';
import type { SyncTransport } from './transport';

// Step 1's settling (F10, F11): the rows the hub answered leave the outbox, whichever way they
// are deleted (one key-range request when the batch is all of its range, else row by row); a row
// the answer left out stays, even inside that range, and goes with a later push.

async function station(notes: number) {
  const a = await foundingStation(new FakeHub());
  const ticket = await a.openTicket();
  await a.store.append(Array.from({ length: notes }, (_, i) => ({ stream: `ticket:${ticket}`, type: TICKET_NOTED, payload: { text: `回访 ${i}` } })), a.managerId);
  return { ...a, ticket };
}

/** A hub answering `stored` for every event but those `skip` names (answered with no id: not a match, F10). */
function answering(base: SyncTransport, skip: (event: SyncEvent, index: number) => boolean, seen: SyncEvent[][]): SyncTransport {
  return {
    ...base,
    push: async (events): Promise<PushAnswer> => {
      seen.push(events);
      const results = events.map((e, i) => ({ id: skip(e, i) ? null : e.id, status: 'stored' as const }));
      return { ok: true, hubTime: new Date().toISOString(), hubEpoch: 'epoch-1', offsetMs: 0, results };
    },
    journalAck: async () => undefined,
  };
}

const context = (a: { db: Awaited<ReturnType<typeof station>>['db'] }, transport: SyncTransport) =>
  pushContext({ db: a.db, transport, pushBytes: 512 * 1024, now: Date.now, answered: () => undefined, counts: { pushed: 0, quarantined: 0 } });

describe('pushing the outbox', () => {
  it('F10: every row the hub stored leaves the outbox, the whole batch at once', async () => {
    const a = await station(300);
    const total = await a.db.outbox.count();
    const seen: SyncEvent[][] = [];
    const ctx = context(a, answering(a.transport, () => false, seen));
    expect(await pushOutbox(ctx)).toBeNull();
    expect(seen.flat()).toHaveLength(total);
    expect(ctx.counts.pushed).toBe(total);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('F10: an event the answer left out stays in the outbox, though its neighbours in the batch are removed', async () => {
    const a = await station(50);
    const ids = (await a.db.outbox.toCollection().primaryKeys()).sort();
    const kept = ids[Math.floor(ids.length / 2)]!;
    const seen: SyncEvent[][] = [];
    const ctx = context(a, answering(a.transport, (e) => e.id === kept, seen));
    // One result does not match its event: the run ends there (badAnswer), the rest settled.
    expect(await pushOutbox(ctx)).toMatchObject({ failure: 'badAnswer' });
    expect(await a.db.outbox.toCollection().primaryKeys()).toEqual([kept]);
    // The next push sends it alone.
    const again = context(a, answering(a.transport, () => false, seen));
    expect(await pushOutbox(again)).toBeNull();
    expect(seen.at(-1)!.map((e) => e.id)).toEqual([kept]);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('F10: rows saved while a batch was out are not removed with it', async () => {
    const a = await station(20);
    const seen: SyncEvent[][] = [];
    let late: string[] = [];
    const base = answering(a.transport, () => false, seen);
    const ctx = context(a, {
      ...base,
      push: async (events, relay) => {
        // A save lands while the hub answers (its ids and stamps come after the batch's).
        if (!late.length) late = (await a.store.append([{ stream: `ticket:${a.ticket}`, type: TICKET_NOTED, payload: { text: '推送中保存' } }], a.managerId)).map((e) => e.id);
        return base.push(events, relay);
      },
    });
    expect(await pushOutbox(ctx)).toBeNull();
    // The batch was the whole outbox when read: the run ends with it, the late row kept.
    expect(seen).toHaveLength(1);
    expect(seen[0]!.map((e) => e.id)).not.toContain(late[0]);
    expect(await a.db.outbox.toCollection().primaryKeys()).toEqual(late);
    // The run its save asked for pushes it.
    expect(await pushOutbox(ctx)).toBeNull();
    expect(seen).toHaveLength(2);
    expect(seen[1]!.map((e) => e.id)).toEqual(late);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('a full batch is followed by the next one in the same run; a short one ends it', async () => {
    const a = await station(25);
    const seen: SyncEvent[][] = [];
    const ctx = context(a, answering(a.transport, () => false, seen));
    ctx.maxEvents = 10;
    const held = await a.db.outbox.count();
    expect(await pushOutbox(ctx)).toBeNull();
    expect(seen.map((batch) => batch.length)).toEqual([...Array(Math.floor(held / 10)).fill(10), ...(held % 10 ? [held % 10] : [])]);
    expect(await a.db.outbox.count()).toBe(0);
  });
});
