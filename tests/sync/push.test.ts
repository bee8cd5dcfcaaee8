import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { streams, type EventDraft } from '@shared/events/envelope';
import { uuidv7 } from '@shared/ids';
import { CALL_RECEIVED } from '@shared/calls/callEvents';
import { TICKET_NOTED } from '@shared/tickets/ticketEvents';
import type { EventStore } from '../../src/renderer/db/eventStore';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { joinedEstate, useSyncHub } from './support/estate';
import { NO_FAULTS } from './support/network';
import { loggedEvent, updateLogged } from '../../src/renderer/testing/testStation';

// Station-side push failures of sync-research.md §3.1 against the real hub: F9 (lost
// acknowledgements), F10 (a poison event), F11 (a batch over the hub's 5 MiB).

const calls = (n: number): EventDraft[] => Array.from({ length: n }, (): EventDraft => {
  const at = Date.now();
  return { stream: streams.call(uuidv7(at)), type: CALL_RECEIVED, payload: { number: '13800138000', e164: '+8613800138000', name: null, withheld: false, numberStatus: 'present' as const, at, unitKeys: [] } };
});

const ticket = (store: EventStore, db: Parameters<typeof createTicket>[0], actor: string) => createTicket(db, store, 'Asia/Shanghai', {
  channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: Date.now(),
}, actor);

describe('push failures', () => {
  const hub = useSyncHub();

  it('F9: the hub commits every push but the answers are lost, and the station retries: the hub holds each event once with its first seq; the outbox empties and the journal is acknowledged', async () => {
    const estate = await joinedEstate(hub, 9);
    const [fd] = estate.stations;
    try {
      for (let i = 0; i < 10; i++) await ticket(fd!.store!, fd!.db, estate.manager);
      const saved = (await fd!.db.outbox.toArray()).map((r) => r.id);
      expect(fd!.host.journal.map((e) => e.id)).toEqual(expect.arrayContaining(saved));

      fd!.net.faults = { ...NO_FAULTS, dropAnswer: 1, duplicatePush: 1 };
      for (let i = 0; i < 5; i++) {
        const run = await fd!.sync();
        expect(run !== 'cut' && run.record.failure).toBe('unreachable');
      }
      // Never acknowledged: still waiting, still journalled.
      expect((await fd!.db.outbox.toCollection().primaryKeys()).sort()).toEqual([...saved].sort());
      const first = await estate.raw[0]!.pullAll();
      const seqOf = new Map(first.map((e) => [e.id as string, e.seq as number]));
      for (const id of saved) expect(seqOf.has(id)).toBe(true);

      await fd!.syncUntilQuiet();
      const after = await estate.raw[0]!.pullAll();
      const ids = after.map((e) => e.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      expect(after.length).toBe(first.length);
      for (const e of after) expect(e.seq).toBe(seqOf.get(e.id as string));
      expect(await fd!.db.outbox.count()).toBe(0);
      expect(fd!.host.journal.filter((e) => saved.includes(e.id))).toEqual([]);
      // The other station receives each once.
      await estate.stations[1]!.syncUntilQuiet();
      for (const id of saved) expect(await loggedEvent(estate.stations[1]!.db, id)).toBeDefined();
    } finally {
      estate.close();
    }
  });

  it('F10: one poison event (station tampered into another station) among 499 valid: the 499 are stored, the poison is quarantined WRONG_STATION with its message, kept in the log, and blocks nothing after it', async () => {
    const estate = await joinedEstate(hub, 10);
    const [fd, cr] = estate.stations;
    try {
      const events = await fd!.store!.append(calls(500), null);
      const poison = events[137]!;
      // Tampered where it is kept and where the push reads it (the outbox row carries the event).
      await updateLogged(fd!.db, poison!.id, { station: cr!.name });
      await fd!.db.outbox.update(poison.id, { 'event.station': cr!.name });
      const run = await fd!.sync();
      expect(run !== 'cut' && run.ok).toBe(true);
      expect(run !== 'cut' && run.record.quarantined).toBe(1);
      const quarantined = await fd!.db.quarantine.toArray();
      expect(quarantined).toHaveLength(1);
      expect(quarantined[0]).toMatchObject({ id: poison.id, code: 'WRONG_STATION', stream: poison.stream, type: poison.type, payload: poison.payload });
      expect(quarantined[0]!.message.length).toBeGreaterThan(0);
      expect(await fd!.db.outbox.count()).toBe(0);
      expect(await loggedEvent(fd!.db, poison.id)).toBeDefined();
      const onHub = new Set((await estate.raw[0]!.pullAll()).map((e) => e.id as string));
      expect(events.filter((e) => e.id !== poison.id).every((e) => onHub.has(e.id))).toBe(true);
      expect(onHub.has(poison.id)).toBe(false);
      // A payload over the hub's 64 KiB is quarantined TOO_LARGE the same way; later saves still go.
      const [big] = await fd!.store!.append(calls(1), null);
      await updateLogged(fd!.db, big!.id, { payload: { ...big!.payload, name: '水'.repeat(30_000) } });
      await fd!.db.outbox.update(big!.id, { 'event.payload': { ...big!.payload, name: '水'.repeat(30_000) } });
      const [after] = await fd!.store!.append(calls(1), null);
      await fd!.syncUntilQuiet();
      expect((await fd!.db.quarantine.get(big!.id))?.code).toBe('TOO_LARGE');
      const onHubLater = new Set((await estate.raw[0]!.pullAll()).map((e) => e.id as string));
      expect(onHubLater.has(after!.id)).toBe(true);
      expect(onHubLater.has(big!.id)).toBe(false);
    } finally {
      estate.close();
    }
  });

  it('F11: a batch over the hub\'s 5 MiB is answered 413 and halved until it fits: every event stored, none quarantined', { timeout: 120_000 }, async () => {
    // No byte cap of our own, so the first request is 1000 events of ~12 KB: about 12 MB.
    const estate = await joinedEstate(hub, 11, { pushBytes: 64 * 1024 * 1024 });
    const [fd] = estate.stations;
    try {
      const { id } = await ticket(fd!.store!, fd!.db, estate.manager);
      const note = '住户反映'.repeat(1000);
      const notes = await fd!.store!.append(Array.from({ length: 1000 }, () => ({ stream: streams.ticket(id), type: TICKET_NOTED, payload: { text: note } })), estate.manager);
      await fd!.syncUntilQuiet();
      const tooLarge = fd!.net.pushLog.filter((p) => p.failure === 'tooLarge');
      expect(tooLarge.length).toBeGreaterThan(0);
      expect(tooLarge.every((p) => p.bytes > 5 * 1024 * 1024)).toBe(true);
      expect(fd!.net.pushLog.filter((p) => p.failure === null).every((p) => p.bytes <= 5 * 1024 * 1024)).toBe(true);
      expect(await fd!.db.quarantine.count()).toBe(0);
      const onHub = new Set((await estate.raw[0]!.pullAll(0, 200)).map((e) => e.id as string));
      expect(notes.every((e) => onHub.has(e.id))).toBe(true);
    } finally {
      estate.close();
    }
  });

  it('F11: with the default byte cap no request exceeds 512 KiB (the web bridge carries 1 MiB), and a large outbox drains', { timeout: 120_000 }, async () => {
    const estate = await joinedEstate(hub, 12);
    const [fd] = estate.stations;
    try {
      const { id } = await ticket(fd!.store!, fd!.db, estate.manager);
      await fd!.store!.append(Array.from({ length: 600 }, () => ({ stream: streams.ticket(id), type: TICKET_NOTED, payload: { text: '夜间噪音'.repeat(500) } })), estate.manager);
      await fd!.syncUntilQuiet();
      expect(fd!.net.pushLog.length).toBeGreaterThan(1);
      expect(fd!.net.pushLog.every((p) => p.bytes <= 512 * 1024 && p.failure === null)).toBe(true);
      expect(await fd!.db.outbox.count()).toBe(0);
    } finally {
      estate.close();
    }
  });
});
