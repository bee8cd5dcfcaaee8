import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { events, STREAMS } from '../testing/logFixtures';
import { seededRandom } from '../testing/seededRandom';
import { testDatabase } from '../testing/testStation';
import { addNewToLog, allEvents, appendToLog, countEvents, eventsByHlc, eventsById, legacyHeld, logOrder, LOG_RECORD_EVENTS, newestEvent, streamEvents, streamLogged, streamPrefixEvents } from './eventLog';
import type { DeskDatabase } from './database';

/** The events spread as a two-year store holds them: some in the old table, the rest in records of several sizes. */
async function spread(db: DeskDatabase, all: DeskEvent[], seed: number): Promise<void> {
  const { next } = seededRandom(seed + 1);
  const legacy = all.filter(() => next() < 0.3);
  const rest = all.filter((e) => !legacy.includes(e));
  await db.events.bulkAdd(legacy);
  for (let i = 0; i < rest.length; ) {
    const size = 1 + Math.floor(next() * 40);
    await db.transaction('rw', db.log, () => appendToLog(db, rest.slice(i, i + size)));
    i += size;
  }
}

const ids = (list: readonly DeskEvent[]) => list.map((e) => e.id);

describe('the event log (records of events, schema v16)', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: every read gives what a plain sorted list of the same events gives, however they are spread over records and the old table', async (seed) => {
    const db = testDatabase();
    const all = events(seed, 300);
    await spread(db, all, seed);
    const sorted = [...all].sort(logOrder);
    expect(ids(await allEvents(db))).toEqual(ids(sorted));
    expect(await countEvents(db)).toBe(all.length);
    for (const stream of STREAMS) {
      const mine = sorted.filter((e) => e.stream === stream);
      expect(ids(await streamEvents(db, stream))).toEqual(ids(mine));
      expect(ids(await streamEvents(db, stream, { limit: 5 }))).toEqual(ids(mine.slice(0, 5)));
      expect(ids(await streamEvents(db, stream, { reverse: true, limit: 7 }))).toEqual(ids([...mine].reverse().slice(0, 7)));
      expect(await streamLogged(db, stream, 2)).toBe(Math.min(2, mine.length));
    }
    const staff = sorted.filter((e) => e.stream.startsWith('staff:')).sort((a, b) => (a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : logOrder(a, b)));
    expect(ids(await streamPrefixEvents(db, 'staff:'))).toEqual(ids(staff));
    const from = sorted[100]!.hlc;
    const to = sorted[200]!.hlc;
    const inRange = sorted.filter((e) => e.hlc >= from && e.hlc < to);
    expect(ids(await eventsByHlc(db, { from, to }))).toEqual(ids(inRange));
    expect(ids(await eventsByHlc(db, { from, to }, { limit: 17 }))).toEqual(ids(inRange.slice(0, 17)));
    expect(ids(await eventsByHlc(db, { from, fromOpen: true }, { limit: 30 }))).toEqual(ids(sorted.filter((e) => e.hlc > from).slice(0, 30)));
    expect(ids(await eventsByHlc(db, { from: '' }, { reverse: true, limit: 9 }))).toEqual(ids([...sorted].reverse().slice(0, 9)));
    const wanted = [all[3]!.id, all[150]!.id, all[299]!.id, 'not-held'];
    expect(ids(await eventsById(db, wanted)).sort()).toEqual(wanted.slice(0, 3).sort());
    expect(ids(await eventsById(db, [all[42]!.id]))).toEqual([all[42]!.id]);
    expect(await eventsById(db, ['not-held'])).toEqual([]);
    // The clock's resume point: the newest event the test accepts, searched back in small steps.
    const accept = (e: DeskEvent) => e.station === 'control-room' && e.stream === 'key:k1';
    expect((await newestEvent(db, accept, 4))?.id).toBe([...sorted].reverse().find(accept)?.id);
  });

  it('F20: events sharing one stamp in different records are read in id order, even where a limit cuts among them', async () => {
    const db = testDatabase();
    const hlc = formatHlc({ millis: 1_800_000_000_000, counter: 0, node: '00000000000000aa' });
    const same = Array.from({ length: 10 }, (_, i): DeskEvent => ({ id: `z-${9 - i}`, stream: 'ticket:a', type: 'ticket.noted', hlc, station: 'front-desk', actor: null, payload: { text: `${i}` } }));
    // One record each, written in the opposite order of their ids: the index lists them by record.
    for (const event of same) await db.transaction('rw', db.log, () => appendToLog(db, [event]));
    const inOrder = ['z-0', 'z-1', 'z-2'];
    expect(ids(await eventsByHlc(db, { from: '' }, { limit: 3 }))).toEqual(inOrder);
    expect(ids(await streamEvents(db, 'ticket:a', { limit: 3 }))).toEqual(inOrder);
    expect(ids(await streamEvents(db, 'ticket:a', { reverse: true, limit: 2 }))).toEqual(['z-9', 'z-8']);
  });

  it('a pulled page adds only the events not held, wherever they are held, and says which it added', async () => {
    const db = testDatabase();
    const all = events(7, 2 * LOG_RECORD_EVENTS + 30);
    const inLegacy = all.slice(0, 20);
    const inLog = all.slice(20, 60);
    await db.events.bulkAdd(inLegacy);
    await db.transaction('rw', db.log, () => appendToLog(db, inLog));
    expect(await legacyHeld(db)).toBe(true);
    const page = [...all].reverse(); // every event once more, held ones among them
    const added = await db.transaction('rw', db.log, db.events, () => addNewToLog(db, page, true));
    // In the page's order, not the records' (the folds take a stream's events in the order given).
    expect(ids(added)).toEqual(ids(page.filter((e) => !all.slice(0, 60).includes(e))));
    expect(await countEvents(db)).toBe(all.length);
    expect(ids(await allEvents(db))).toEqual(ids([...all].sort(logOrder)));
    // The same page again adds nothing.
    expect(await db.transaction('rw', db.log, db.events, () => addNewToLog(db, page, true))).toEqual([]);
    expect(await countEvents(db)).toBe(all.length);
  });

  it('an event already in the log fails a save that writes it again, and the save writes nothing', async () => {
    const db = testDatabase();
    const [first, second] = events(8, 2);
    await db.transaction('rw', db.log, () => appendToLog(db, [first!]));
    await expect(db.transaction('rw', db.log, () => appendToLog(db, [second!, first!]))).rejects.toThrow();
    expect(ids(await allEvents(db))).toEqual([first!.id]);
  });

  it('a new store holds nothing in the old table, so a pull does not ask it', async () => {
    const db = testDatabase();
    await db.open();
    expect(await legacyHeld(db)).toBe(false);
  });
});
