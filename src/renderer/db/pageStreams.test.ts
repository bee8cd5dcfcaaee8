import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '@shared/events/envelope';
import { formatHlc } from '@shared/hlc';
import { uuidv7 } from '@shared/ids';
import { seededRandom } from '../testing/seededRandom';
import { testDatabase } from '../testing/testStation';
import type { DeskDatabase } from './database';
import { appendToLog } from './eventLog';
import { readPageStreams, RUN_GAP_MS, uuidv7Ms } from './pageStreams';
import { readStreams } from './projections';

const START = Date.UTC(2026, 0, 1);

function logged(stream: string, n: number, at: number): DeskEvent {
  return { id: `${stream}-e${n}`, stream, type: 'ticket.noted', hlc: formatHlc({ millis: at, counter: n, node: '00000000000000aa' }), station: 'front-desk', actor: null, payload: { text: 'x' } };
}

/**
 * A store of tickets minted in bursts (close in time) and alone (far apart), each with a row, or
 * events in the log or the old table, or both, or nothing; a page then asks about some of them
 * and some new ones.
 */
async function seeded(db: DeskDatabase, seed: number): Promise<string[]> {
  const { next } = seededRandom(seed);
  const streams: string[] = [];
  let at = START;
  for (let i = 0; i < 400; i++) {
    // Bursts a minute apart, gaps of hours now and then, and some exactly at the run gap.
    at += next() < 0.1 ? 3 * 3600_000 : next() < 0.05 ? RUN_GAP_MS : Math.floor(next() * 60_000);
    streams.push(`ticket:${uuidv7(at)}`);
  }
  const withRow = streams.filter(() => next() < 0.4);
  await db.tickets.bulkPut(withRow.map((s) => ({ id: s.slice('ticket:'.length), lastHlc: 'h' }) as never));
  const inLog: DeskEvent[] = [];
  const inLegacy: DeskEvent[] = [];
  for (const stream of streams) {
    const count = next() < 0.5 ? 0 : 1 + Math.floor(next() * 3);
    for (let n = 0; n < count; n++) (next() < 0.3 ? inLegacy : inLog).push(logged(stream, n, START + n));
  }
  await db.events.bulkAdd(inLegacy);
  await db.transaction('rw', db.log, () => appendToLog(db, inLog));
  // The page: some of them, some new ones among them, and streams of other kinds.
  const asked = streams.filter(() => next() < 0.6);
  for (let i = 0; i < 30; i++) asked.push(`ticket:${uuidv7(START + Math.floor(next() * (at - START)))}`);
  asked.push('settings:desk', 'unit:3-1502', 'staff:not-a-uuid', 'nothing:here');
  return asked;
}

describe('a page\'s streams read in runs (pageStreams)', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: the rows, and the logged counts of the streams with no row, are what one read per stream gives', async (seed) => {
    const db = testDatabase();
    const asked = await seeded(db, seed);
    for (const legacy of [true, false]) {
      const [runs, single] = await db.transaction('r', db.tables, () => Promise.all([readPageStreams(db, asked.map((stream) => ({ stream })), legacy), readStreams(db, asked.map((stream) => ({ stream })), legacy)]));
      expect([...runs.keys()].sort()).toEqual([...single.keys()].sort());
      for (const [stream, state] of single) {
        expect(runs.get(stream)!.row, stream).toEqual(state.row);
        if (!state.row) expect(runs.get(stream)!.logged, stream).toBe(state.logged);
      }
    }
  });

  it('a burst of rows far more than asked for (past the range read\'s cap) is read row by row, and still right', async () => {
    const db = testDatabase();
    const ids = Array.from({ length: 200 }, (_, i) => uuidv7(START + i));
    await db.tickets.bulkPut(ids.map((id) => ({ id, lastHlc: 'h' }) as never));
    const asked = [`ticket:${ids[0]}`, `ticket:${ids[199]}`, `ticket:${uuidv7(START + 100)}`];
    const states = await db.transaction('r', db.tables, () => readPageStreams(db, asked.map((stream) => ({ stream })), false));
    expect(states.get(asked[0]!)!.row).toEqual({ id: ids[0], lastHlc: 'h' });
    expect(states.get(asked[1]!)!.row).toEqual({ id: ids[199], lastHlc: 'h' });
    expect(states.get(asked[2]!)).toEqual({ row: null, logged: 0 });
  });

  it('reads the milliseconds of a UUIDv7 only', () => {
    expect(uuidv7Ms(uuidv7(START))).toBe(START);
    expect(uuidv7Ms('3-1502')).toBeNull();
    expect(uuidv7Ms('01939468-c040-461a-80e3-8d9b7dec3af7')).toBeNull();
  });
});
