import 'fake-indexeddb/auto';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { testDatabase } from '../../src/renderer/testing/testStation';
import { addNewToLog, LOG_RECORD_BYTES } from '../../src/renderer/db/eventLog';
import { events } from '../../src/renderer/testing/logFixtures';
import { seededRandom } from '../../src/renderer/testing/seededRandom';

// The log's records (schema v16) as Chromium stores them: V8's serialiser is the format (Node's
// node:v8 is the same serialiser, without Blink's few header bytes), and past 64 KiB a value
// leaves LevelDB for a blob file of its own, slow to commit and to read back.

const ids = (list: readonly DeskEvent[]) => list.map((e) => e.id);

describe('the event log\'s records, serialised', () => {
  it('stay under the 64 KiB past which Chromium moves a value into a blob file, however long the texts', async () => {
    const db = testDatabase();
    const { next } = seededRandom(9);
    const page = events(9, 1000).map((e, i) => ({ ...e, payload: { text: '水管漏水，维修工已到场，住户同意开门。'.repeat(1 + Math.floor(next() * (i % 50 === 0 ? 200 : 8))) } }));
    await db.transaction('rw', db.log, db.events, () => addNewToLog(db, page, false));
    const records = await db.log.toArray();
    expect(records.flatMap((r) => r.ids).sort()).toEqual(ids(page).sort());
    // V8's own serialiser, the format Chromium stores (less Blink's few header bytes).
    for (const record of records) expect(serialize(record).length).toBeLessThan(64 * 1024);
    expect(Math.max(...records.map((r) => serialize(r).length))).toBeGreaterThan(LOG_RECORD_BYTES / 2);
    // Events of the usual size (a note of a few dozen characters) still go many to a record.
    const usual = events(10, 1000);
    const before = await db.log.count();
    await db.transaction('rw', db.log, db.events, () => addNewToLog(db, usual, false));
    expect((await db.log.count()) - before).toBeLessThanOrEqual(10);
  });

});
