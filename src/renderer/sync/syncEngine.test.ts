import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { checkEvent } from '@shared/events/registry';
import { TICKET_NOTED, TICKET_STATUS_CHANGED } from '@shared/tickets/ticketEvents';
import { addNote, changeStatus } from '../features/ticket/ticketCommands';
import { addStaff } from '../features/staff/staffCommands';
import { readMeta } from '../db/meta';
import { projections } from '../db/projections';
import { FakeHub } from './fakeHub';
import { emptyStation, foundingStation, leak, rows, type TestStation } from './syncTestKit';
import { EventStore } from '../db/eventStore';
import { saveBegun } from '../db/saveGate';
import { createTicket } from '../features/intake/createTicket';
import { META } from './syncMeta';
import { loggedEvents, loggedCount, loggedEvent, TEST_STATION } from '../testing/testStation';

/**
 * An estate whose founding station opened `n` requests, each with a note (and `more` done to each),
 * and pushed them to the hub; `page` is the hub's log as one pulled page.
 */
async function estateWithRequests(n: number, more?: (founder: TestStation, ticket: string) => Promise<unknown>) {
  const hub = new FakeHub();
  const founder = await foundingStation(hub);
  for (let i = 0; i < n; i++) {
    const ticket = await founder.openTicket({ description: `第${i}号请求` });
    await addNote(founder.store, ticket, `记录${i}`, founder.managerId);
    await more?.(founder, ticket);
  }
  await founder.engine.runOnce();
  return { hub, founder, page: hub.events.map(({ seq: _seq, ...event }) => event) };
}

describe('sync engine: push and pull', () => {
  it('a ticket opened on one station arrives, folded the same, on another; the outbox empties and the journal is acknowledged', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    await addNote(a.store, ticket, '已派维修工', a.managerId);
    a.transport.journal.push(...(await loggedEvents(a.db)));
    const pushed = await a.engine.runOnce();
    expect(pushed.record).toMatchObject({ failure: null, pushed: 6 });
    expect(await a.db.outbox.count()).toBe(0);
    expect(a.transport.journal).toEqual([]);
    const b = emptyStation(hub, 'control-room');
    const pulled = await b.engine.runOnce();
    expect(pulled.record).toMatchObject({ failure: null, pulled: 6, notUnderstood: 0 });
    expect(await rows(b.db, 'tickets')).toEqual(await rows(a.db, 'tickets'));
    expect(await rows(b.db, 'staff')).toEqual(await rows(a.db, 'staff'));
    expect(await readMeta(b.db, META.cursor)).toBe(6);
    expect(b.engine.status()).toMatchObject({ lastGoodAt: expect.any(Number), hubEpoch: hub.epoch, progress: { pulled: 6, caughtUp: true } });
  });

  it('events already held are skipped: a pull from 0 again adds nothing and changes no row', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    await a.openTicket();
    await a.engine.runOnce();
    const before = await rows(a.db, 'tickets');
    await a.db.meta.put({ key: META.cursor, value: 0 });
    const again = await a.engine.runOnce();
    expect(again.record).toMatchObject({ failure: null, pulled: 0 });
    expect(await loggedCount(a.db)).toBe(hub.events.length);
    expect(await rows(a.db, 'tickets')).toEqual(before);
  });

  it('F5: remote events arriving in another order than written (one per page) fold to the same ticket', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    await addNote(a.store, ticket, '第一次回访', a.managerId);
    await changeStatus(a.store, ticket, 'inProgress', a.managerId);
    await addNote(a.store, ticket, '第二次回访', a.managerId);
    await a.engine.runOnce();
    // The staff's events first (they give the actor standing), the ticket's newest first.
    const staff = hub.events.filter((e) => !e.stream.startsWith('ticket:'));
    const tickets = hub.events.filter((e) => e.stream.startsWith('ticket:')).reverse();
    hub.events = [...staff, ...tickets].map((e, i) => ({ ...e, seq: i + 1 }));
    const b = emptyStation(hub, 'control-room', { pageLimit: 1 });
    expect((await b.engine.runOnce()).record.failure).toBeNull();
    expect(await rows(b.db, 'tickets')).toEqual(await rows(a.db, 'tickets'));
  });

  it('F3, F7: a fold failing mid-page leaves events, projections and cursor as they were; the next run applies the page', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    await a.openTicket();
    await a.engine.runOnce();
    const b = emptyStation(hub, 'control-room');
    const fold = projections.ticket!.fold;
    projections.ticket!.fold = () => {
      throw new Error('a fold that fails');
    };
    const failed = await b.engine.runOnce().finally(() => {
      projections.ticket!.fold = fold;
    });
    expect(failed.record).toMatchObject({ failure: 'local', pulled: 0 });
    expect(await loggedCount(b.db)).toBe(0);
    expect(await b.db.staff.count()).toBe(0);
    expect(await readMeta(b.db, META.cursor)).toBeUndefined();
    expect((await b.engine.runOnce()).record).toMatchObject({ failure: null, pulled: hub.events.length });
    expect(await rows(b.db, 'tickets')).toEqual(await rows(a.db, 'tickets'));
  });

  it('F3, F7: a page of several staff members and a failing fold leaves no staff row behind (every write in the page\'s transaction)', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    for (const name of ['王保安', '赵保洁', '钱客服']) await addStaff(a.db, a.store, { name, role: 'clerk', language: 'zh-CN', pin: '1357' }, a.managerId);
    await a.openTicket();
    await a.engine.runOnce();
    const b = emptyStation(hub, 'control-room');
    const fold = projections.ticket!.fold;
    projections.ticket!.fold = () => {
      throw new Error('a fold that fails');
    };
    const failed = await b.engine.runOnce().finally(() => {
      projections.ticket!.fold = fold;
    });
    expect(failed.record.failure).toBe('local');
    expect(await b.db.staff.count()).toBe(0);
    expect(await loggedCount(b.db)).toBe(0);
    expect((await b.engine.runOnce()).record.failure).toBeNull();
    expect(await rows(b.db, 'staff')).toEqual(await rows(a.db, 'staff'));
  });

  it('F15: a quota error ends the run as a local failure; outbox and cursor untouched, nothing lost', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    await a.engine.runOnce();
    const cursor = await readMeta(a.db, META.cursor);
    await a.openTicket();
    hub.push('control-room', [{ ...hub.events[0]!, id: 'from-control-room', station: 'control-room' }], false);
    const waiting = await a.db.outbox.toArray();
    const add = a.db.log.add.bind(a.db.log);
    a.db.log.add = () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) as never;
    // The push's settling removes rows by key range or row by row (pushOutbox.ts): both fail.
    const bulkDelete = a.db.outbox.bulkDelete.bind(a.db.outbox);
    const where = a.db.outbox.where.bind(a.db.outbox);
    a.db.outbox.bulkDelete = () => Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' })) as never;
    a.db.outbox.where = () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    const failed = await a.engine.runOnce();
    expect(failed.record.failure).toBe('local');
    expect(failed.record.message).toContain('quota');
    expect(await a.db.outbox.toArray()).toEqual(waiting);
    expect(await readMeta(a.db, META.cursor)).toBe(cursor);
    a.db.log.add = add;
    a.db.outbox.bulkDelete = bulkDelete;
    a.db.outbox.where = where;
    expect((await a.engine.runOnce()).record.failure).toBeNull();
    expect(await a.db.outbox.count()).toBe(0);
    expect(await loggedEvent(a.db, 'from-control-room')).toBeDefined();
  });

  it('a hub that does not answer ends the run without throwing; the outbox waits', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    a.transport.down = true;
    const result = await a.engine.runOnce();
    expect(result).toMatchObject({ ok: false, record: { failure: 'unreachable' } });
    expect(await a.db.outbox.count()).toBe(4);
    expect(a.engine.status().lastGoodAt).toBeNull();
  });
});

describe('sync engine: what the hub refuses', () => {
  it('F11: a 413 halves the batch until it goes; nothing is dropped', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    for (let i = 0; i < 7; i++) await a.store.append(Array.from({ length: 100 }, (_, j) => ({ stream: `ticket:${ticket}`, type: TICKET_NOTED, payload: { text: `回访 ${i}-${j}` } })), a.managerId);
    a.transport.tooLargeOver = 180;
    const result = await a.engine.runOnce();
    expect(result.record).toMatchObject({ failure: null, pushed: 705 });
    expect(a.transport.pushes.every((p) => p.count <= 180)).toBe(true);
    expect(hub.events).toHaveLength(705);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('F10: a rejected event goes to quarantine with its code and message, and the rest of its batch goes', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    const [note] = await a.store.append([{ stream: `ticket:${ticket}`, type: TICKET_NOTED, payload: { text: '冲突' } }], a.managerId);
    // The hub already holds that id with other content: ID_CONFLICT.
    hub.push('front-desk', [{ ...note!, payload: { text: '另一个内容' } }], false);
    const result = await a.engine.runOnce();
    expect(result.record).toMatchObject({ failure: null, pushed: 5, quarantined: 1 });
    expect(await a.db.quarantine.toArray()).toEqual([expect.objectContaining({ id: note!.id, code: 'ID_CONFLICT', message: 'other content', payload: { text: '冲突' } })]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await loggedEvent(a.db, note!.id)).toBeDefined();
  });
});

describe('sync engine: versions and epochs', () => {
  it('F12: an event this version cannot check is kept, counted, not folded; after an "upgrade" it is folded at start', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    await changeStatus(a.store, ticket, 'inProgress', a.managerId);
    await a.engine.runOnce();
    const b = emptyStation(hub, 'control-room', { check: (e) => (e.type === TICKET_STATUS_CHANGED ? { ok: false, reason: 'unknownType', detail: e.type } : checkEvent(e)) });
    const older = await b.engine.runOnce();
    expect(older.record).toMatchObject({ failure: null, notUnderstood: 1 });
    expect(await b.db.unknownEvents.toArray()).toEqual([expect.objectContaining({ type: TICKET_STATUS_CHANGED, reason: `unknownType: ${TICKET_STATUS_CHANGED}` })]);
    expect(await rows(b.db, 'tickets')).not.toEqual(await rows(a.db, 'tickets'));
    const { createSyncEngine } = await import('./syncEngine');
    const upgraded = createSyncEngine({ db: b.db, transport: b.transport });
    expect((await upgraded.runOnce()).record).toMatchObject({ failure: null, notUnderstood: 0 });
    expect(await b.db.unknownEvents.count()).toBe(0);
    expect(await rows(b.db, 'tickets')).toEqual(await rows(a.db, 'tickets'));
  });

  it('F19: a new hub epoch re-pushes everything held with relay, pulls from 0, and duplicates nothing locally', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    await a.openTicket();
    await a.engine.runOnce();
    const b = emptyStation(hub, 'control-room');
    await b.engine.runOnce();
    const held = await loggedCount(a.db);
    hub.restore(2);
    const epoch = hub.epoch;
    expect((await b.engine.runOnce()).record.failure).toBeNull();
    expect(b.transport.pushes.filter((p) => p.relay).reduce((n, p) => n + p.count, 0)).toBe(held);
    expect(hub.events).toHaveLength(held);
    const again = await a.engine.runOnce();
    expect(again.record.failure).toBeNull();
    expect(await loggedCount(a.db)).toBe(held);
    expect(await loggedCount(b.db)).toBe(held);
    expect(await readMeta(a.db, META.hubEpoch)).toBe(epoch);
    expect(await readMeta(a.db, META.cursor)).toBe(held);
    expect(await readMeta(b.db, META.relay)).toBeUndefined();
  });

  it('F19: an interrupted re-push resumes where it stopped, not from the start', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub, { pushBytes: 1000 });
    const ticket = await a.openTicket();
    for (let i = 0; i < 5; i++) await addNote(a.store, ticket, `回访 ${i}`, a.managerId);
    await a.engine.runOnce();
    hub.restore(0);
    let calls = 0;
    const push = a.transport.push;
    a.transport.push = async (events, relay) => (++calls === 2 ? { ok: false, failure: 'unreachable', status: null, message: 'cut' } : push(events, relay));
    expect((await a.engine.runOnce()).record.failure).toBe('unreachable');
    const sentBefore = a.transport.pushes.reduce((n, p) => n + p.count, 0);
    a.transport.push = push;
    expect((await a.engine.runOnce()).record.failure).toBeNull();
    const relayed = a.transport.pushes.filter((p) => p.relay).reduce((n, p) => n + p.count, 0);
    expect(relayed).toBe(await loggedCount(a.db));
    expect(sentBefore).toBeGreaterThan(0);
    expect(hub.events).toHaveLength(await loggedCount(a.db));
  });
});

describe('sync engine: a page applied in slices', () => {
  it('F7: slices of any size give the same rows as one transaction; a failure between slices leaves the cursor before the page, whole streams applied, and the page pulled again fills the rest', async () => {
    const { hub, founder, page } = await estateWithRequests(6, (a, ticket) => changeStatus(a.store, ticket, 'inProgress', a.managerId));
    const expected = await rows(founder.db, 'tickets');

    // One event per slice (the smallest budget), then one slice for the whole page.
    const { applyPageInSlices } = await import('./applyPage');
    const tiny = emptyStation(hub, 'control-room');
    await applyPageInSlices(tiny.db, page, hub.events.length, hub.epoch, () => 1);
    expect(await rows(tiny.db, 'tickets')).toEqual(expected);
    const whole = emptyStation(hub, 'control-room');
    await applyPageInSlices(whole.db, page, hub.events.length, hub.epoch, () => 10_000);
    expect(await rows(whole.db, 'tickets')).toEqual(expected);

    // The fourth slice's fold fails: what came before is whole, the cursor has not moved.
    const crashed = emptyStation(hub, 'control-room');
    let slices = 0;
    const failing = (event: Parameters<typeof checkEvent>[0]) => {
      if (event.type === TICKET_NOTED && slices >= 3) throw new Error('simulated crash between slices');
      return checkEvent(event);
    };
    await expect(applyPageInSlices(crashed.db, page, hub.events.length, hub.epoch, () => (slices++, 4), failing)).rejects.toThrow('simulated crash');
    expect(await readMeta(crashed.db, META.cursor)).toBeUndefined();
    const held = await loggedEvents(crashed.db);
    expect(held.length).toBeGreaterThan(0);
    expect(held.length).toBeLessThan(page.length);
    // A stream is held whole or not at all (never half a stream), and every held ticket has its row.
    const byStream = new Map<string, number>();
    for (const e of held) byStream.set(e.stream, (byStream.get(e.stream) ?? 0) + 1);
    for (const [stream, count] of byStream) expect(count).toBe(page.filter((e) => e.stream === stream).length);
    for (const stream of byStream.keys()) if (stream.startsWith('ticket:')) expect(await crashed.db.tickets.get(stream.slice(7))).toBeDefined();
    // The engine pulls the page again from the cursor and ends where the others did.
    expect((await crashed.engine.runOnce()).record.failure).toBeNull();
    expect(await rows(crashed.db, 'tickets')).toEqual(expected);
    expect(await loggedCount(crashed.db)).toBe(page.length);

    // While someone works at the desk the pull rests before each slice: asked with the slice just
    // committed (none before the first), and the next slice waits until the rest is over.
    const resting = emptyStation(hub, 'control-room');
    const asked: ({ events: number } | null)[] = [];
    let heldWhenRestEnded = -1;
    const rest = (last: { events: number; ms: number } | null) => {
      asked.push(last && { events: last.events });
      if (asked.length !== 2) return last ? 5 : 0;
      setTimeout(() => void loggedCount(resting.db).then((n) => (heldWhenRestEnded = n)), 10);
      return 300;
    };
    await applyPageInSlices(resting.db, page, hub.events.length, hub.epoch, () => 4, checkEvent, undefined, rest);
    expect(asked[0]).toBeNull();
    expect(asked.slice(1).every((last) => last !== null && last.events > 0)).toBe(true);
    expect(asked.slice(1).reduce((sum, last) => sum + last!.events, 0)).toBeLessThan(page.length); // no rest is asked for after the last slice
    // During the second rest the store holds the first slice only.
    expect(heldWhenRestEnded).toBe(asked[1]!.events);
    expect(await rows(resting.db, 'tickets')).toEqual(expected);
  });
});

describe('sync engine: a slice gives way to a save at the desk', () => {
  it('a save begun while a slice makes its requests commits first; the slice, aborted, is applied after it, and nothing is lost or doubled', async () => {
    const { hub, founder: a, page } = await estateWithRequests(6);
    const expected = await rows(a.db, 'tickets');

    const j = emptyStation(hub, 'control-room');
    const store = new EventStore(j.db, { name: 'control-room', code: 'CR', nodeId: '0f1e2d3c4b5a6978' }, null);
    let slices = 0;
    let save: Promise<{ id: string }> | null = null;
    const beforeIt = new Set<string>(); // the events of the two slices before
    let heldWhenSaved = -1;
    const checkOnce = (event: Parameters<typeof checkEvent>[0]) => {
      if (slices < 3) beforeIt.add(event.id);
      // The third slice begins (staff streams came first, so the manager is known): a clerk saves.
      if (slices === 3 && save === null) {
        const ended = saveBegun(j.db); // the save has begun (createTicket's own begins a moment later)
        // Outside the slice's transaction, as a save at the desk is.
        save = Dexie.ignoreTransaction(async () => {
          const saved = await createTicket(j.db, store, TEST_STATION.timeZone, { ...leak, description: '保存于拉取之间' }, a.managerId);
          heldWhenSaved = await loggedCount(j.db);
          return saved;
        }).finally(ended);
      }
      return checkEvent(event);
    };
    const { applyPageInSlices } = await import('./applyPage');
    await applyPageInSlices(j.db, page, hub.events.length, hub.epoch, () => (slices++, 4), checkOnce);
    const saved = await save!;
    // The save went before the slice in progress: once it was saved the store held the two slices
    // before it and the save's one event, not the third slice's.
    expect(beforeIt.size).toBeGreaterThan(0);
    expect(heldWhenSaved).toBe(beforeIt.size + 1);
    // The slice that gave way was applied after it: every event once, every ticket as on the founding station.
    expect(await loggedCount(j.db)).toBe(page.length + 1);
    expect(await readMeta(j.db, META.cursor)).toBe(hub.events.length);
    const held = await rows(j.db, 'tickets');
    expect(held.filter((t) => (t as { id: string }).id !== saved.id)).toEqual(expected);
    expect(held).toHaveLength(expected.length + 1);
  });

  it('a slice gives way once: a desk saving as every slice begins still sees the page applied, each slice begun twice and no more', async () => {
    const { hub, founder: a, page } = await estateWithRequests(4);
    const j = emptyStation(hub, 'control-room');
    let attempts = 0;
    let savedIn = -1;
    const starts: string[] = [];
    const saveAtEveryStart = (event: Parameters<typeof checkEvent>[0]) => {
      if (savedIn !== attempts) {
        savedIn = attempts;
        starts.push(event.stream);
        const ended = saveBegun(j.db);
        setTimeout(ended, 5);
      }
      return checkEvent(event);
    };
    const { applyPageInSlices } = await import('./applyPage');
    await applyPageInSlices(j.db, page, hub.events.length, hub.epoch, () => (attempts++, 3), saveAtEveryStart);
    expect(await loggedCount(j.db)).toBe(page.length);
    expect(await rows(j.db, 'tickets')).toEqual(await rows(a.db, 'tickets'));
    // Every slice began twice (gave way, then held its ground), none more.
    const times = new Map<string, number>();
    for (const stream of starts) times.set(stream, (times.get(stream) ?? 0) + 1);
    expect([...times.values()].every((n) => n === 2)).toBe(true);
  });
});

describe('sync engine: outbox rows from before the sync', () => {
  it('a row queued with only its id and hlc (as saves before v12 wrote it) is pushed from the log', async () => {
    const hub = new FakeHub();
    const a = await foundingStation(hub);
    const ticket = await a.openTicket();
    const opened = (await loggedEvents(a.db)).find((e) => e.stream === `ticket:${ticket}`)!;
    await a.db.outbox.put({ id: opened.id, hlc: opened.hlc });
    expect((await a.engine.runOnce()).record.failure).toBeNull();
    expect(hub.events.find((e) => e.id === opened.id)).toMatchObject({ stream: opened.stream, payload: opened.payload });
    expect(await a.db.outbox.count()).toBe(0);
  });
});
