import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import { testDatabase } from '../testing/testStation';
import { events } from '../testing/logFixtures';
import { appendToLog, streamEvents } from './eventLog';
import type { DeskDatabase } from './database';

// What live queries of the log see (logChanges.ts): a pulled page's records re-run every query
// of the log, a save's record only the queries whose streams it touches.

/** Runs `query` live; answers each result as it comes, and how many runs there were. */
function watch(db: DeskDatabase, stream: string) {
  const seen: string[][] = [];
  const subscription = liveQuery(() => streamEvents(db, stream)).subscribe({ next: (list: DeskEvent[]) => seen.push(list.map((e) => e.id)) });
  return { seen, stop: () => subscription.unsubscribe() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('live queries of the log', () => {
  it('see a pulled page of many events, and are not re-run by a save to another stream', async () => {
    const db = testDatabase();
    const mine = events(21, 400).map((e) => ({ ...e, stream: 'ticket:a' }));
    await db.transaction('rw', db.log, () => appendToLog(db, mine.slice(0, 3)));
    const a = watch(db, 'ticket:a');
    await settle();
    expect(a.seen.at(-1)).toHaveLength(3);
    // A page: 397 events of the stream in a few records.
    await db.transaction('rw', db.log, () => appendToLog(db, mine.slice(3)));
    await settle();
    expect(a.seen.at(-1)).toHaveLength(400);
    const runs = a.seen.length;
    // A save of one event to another stream: a record tracked key by key, so this query stays.
    await db.transaction('rw', db.log, () => appendToLog(db, [{ ...mine[0]!, id: 'other', stream: 'ticket:b' }]));
    await settle();
    expect(a.seen.length).toBe(runs);
    // A save to the stream itself is seen.
    await db.transaction('rw', db.log, () => appendToLog(db, [{ ...mine[0]!, id: 'mine-too' }]));
    await settle();
    expect(a.seen.at(-1)).toContain('mine-too');
    a.stop();
  });
});
