import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { formatHlc } from '@shared/hlc';
import type { DeskEvent } from '@shared/events/envelope';
import { DeskDatabase } from './database';
import { CURRENT_SCHEMA_VERSION, schemaV15 } from './schema';
import { allEvents, appendToLog, eventsByHlc, legacyHeld, streamEvents } from './eventLog';
import { applyPage } from '../sync/applyPage';
import { ticketTimeline } from '../features/ticket/ticketQueries';

// Schema v16 (issue 13): the log moves to records of events. A store from v15 keeps its events
// where they are (nothing is rewritten); they are read beside the new records, and a pull that
// brings them again (a restored hub's pull from 0) adds none of them twice.

const databases: DeskDatabase[] = [];
afterEach(() => databases.splice(0).forEach((db) => db.close()));

let n = 0;
const note = (ticket: string, minute: number): DeskEvent => ({
  id: `e${++n}`, stream: `ticket:${ticket}`, type: 'ticket.noted', hlc: formatHlc({ millis: Date.parse('2026-11-22T08:00:00Z') + minute * 60_000, counter: 0, node: '00000000000000fd' }),
  station: 'front-desk', actor: null, payload: { text: `note at ${minute}` },
});

describe('schema v16', () => {
  it('keeps a v15 store’s events where they are, reads them beside the new records, and never adds them twice', async () => {
    const old = [note('t1', 0), note('t1', 2), note('t2', 1)];
    const name = `upgrade-v16-${Math.random()}`;
    const v15 = new Dexie(name);
    v15.version(15).stores(schemaV15);
    await v15.open();
    await v15.table('events').bulkAdd(old);
    v15.close();

    const db = new DeskDatabase(name);
    databases.push(db);
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.events.count()).toBe(3);
    expect(await db.log.count()).toBe(0);
    expect(await legacyHeld(db)).toBe(true);

    const later = note('t1', 1);
    await db.transaction('rw', db.log, () => appendToLog(db, [later]));
    expect((await ticketTimeline(db, 't1')).map((e) => e.payload.text)).toEqual(['note at 0', 'note at 1', 'note at 2']);
    expect((await eventsByHlc(db, { from: '' }, { limit: 2 })).map((e) => e.id)).toEqual([old[0]!.id, old[2]!.id]);

    // The hub restored from a backup: everything again, and one event new to this station.
    const fresh = note('t2', 5);
    const result = await applyPage(db, [...old, later, fresh], 5, 'epoch-2');
    expect(result.added).toBe(1);
    expect((await allEvents(db)).map((e) => e.id).sort()).toEqual([...old, later, fresh].map((e) => e.id).sort());
    expect((await streamEvents(db, 'ticket:t2')).map((e) => e.id)).toEqual([old[2]!.id, fresh.id]);
  });
});
