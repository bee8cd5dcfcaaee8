// What a pulled page's folds need to know before its events are added: each stream's row and
// whether the log already holds events of it (StreamState), for hundreds of streams at once.
// Asking each stream (a get and a count) cost an incremental pull of 1,000 about 500 requests and
// 80–150 ms on a two-year store. A page's streams are mostly of one time: requests opened within
// minutes of each other, whose ids (UUIDv7) sort by that time. So their rows are read a run at a
// time (one range read per run of ids close in time), and their logged events are counted a run
// at a time too: only the streams with no row need the count (a row's stream is folded from its
// row), and a run of those holding nothing, the usual answer for new requests, costs one count.
// Exact: whatever a range finds that is no stream of the page is left out, and a run whose count
// is not nought is counted stream by stream, all before the page's events are added.
import Dexie, { type Table } from 'dexie';
import { streamKind, type DeskEvent } from '@shared/events/envelope';
import type { DeskDatabase } from './database';
import { streamLogged, streamsLoggedBetween } from './eventLog';
import { projections, type StreamState } from './projections';

/** Ids minted this close in time (UUIDv7 milliseconds) are read as one range. */
export const RUN_GAP_MS = 15 * 60_000;
/** A range read gives up past this many rows per stream asked for (a busy span): those are read one by one. */
const ROWS_PER_STREAM = 4;

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The milliseconds a UUIDv7 was minted at, or null for any other key. */
export function uuidv7Ms(id: string): number | null {
  return UUIDV7.test(id) ? parseInt(id.slice(0, 8) + id.slice(9, 13), 16) : null;
}

interface Wanted {
  stream: string;
  key: string;
}

type RowTable = Table<{ lastHlc?: string }, string>;

/** The page's streams by projection, each sorted by key and cut into runs of ids close in time. */
function runsOf(streams: readonly string[]): { table: string; run: Wanted[] }[] {
  const byTable = new Map<string, Wanted[]>();
  for (const stream of streams) {
    const projection = projections[streamKind(stream)];
    if (!projection) continue;
    const list = byTable.get(projection.table) ?? [];
    list.push({ stream, key: projection.key({ stream } as DeskEvent) });
    byTable.set(projection.table, list);
  }
  const out: { table: string; run: Wanted[] }[] = [];
  for (const [table, list] of byTable) {
    list.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    let run: Wanted[] = [];
    let lastMs: number | null = null;
    for (const wanted of list) {
      const ms = uuidv7Ms(wanted.key);
      // A table holds one kind of stream, whose name is that kind then its key: within a table
      // streams sort as their keys do, so a run of keys is a run of streams too.
      const joins = ms !== null && lastMs !== null && ms - lastMs <= RUN_GAP_MS;
      if (!joins && run.length) {
        out.push({ table, run });
        run = [];
      }
      run.push(wanted);
      lastMs = ms;
    }
    if (run.length) out.push({ table, run });
  }
  return out;
}

/** The rows of a run: one range read (capped), or one get per key past the cap. */
function runRows(table: RowTable, run: readonly Wanted[]): Dexie.Promise<Map<string, { lastHlc?: string }>> {
  if (run.length === 1) return table.get(run[0]!.key).then((row) => new Map(row ? [[run[0]!.key, row]] : []));
  const cap = ROWS_PER_STREAM * run.length + 16;
  const keyPath = table.schema.primKey.keyPath as string;
  return table
    .where(':id')
    .between(run[0]!.key, run[run.length - 1]!.key, true, true)
    .limit(cap)
    .toArray()
    .then((rows) => {
      if (rows.length < cap) return new Map(rows.map((row) => [(row as Record<string, unknown>)[keyPath] as string, row]));
      return table.bulkGet(run.map((w) => w.key)).then((found) => new Map(run.flatMap((w, i) => (found[i] ? [[w.key, found[i]!] as const] : []))));
    });
}

/** Logged counts (up to 2) of a run of streams with no row: one count for the run, then one per stream only if it holds any. */
function runLogged(db: DeskDatabase, run: readonly Wanted[], legacy: boolean): Dexie.Promise<Map<string, number>> {
  if (run.length === 0) return Dexie.Promise.resolve(new Map());
  if (run.length === 1) return streamLogged(db, run[0]!.stream, 2, legacy).then((n) => new Map([[run[0]!.stream, n]]));
  return streamsLoggedBetween(db, run[0]!.stream, run[run.length - 1]!.stream, 1, legacy).then((any) =>
    any === 0
      ? new Map(run.map((w) => [w.stream, 0]))
      : Dexie.Promise.all(run.map((w) => streamLogged(db, w.stream, 2, legacy))).then((counts) => new Map(run.map((w, i) => [w.stream, counts[i]!]))),
  );
}

/**
 * The state before the page of every stream these events write to, read in runs: the rows as
 * projections.readStreams gives them, and the logged counts of the streams with no row (the only
 * ones a fold asks: projectStream; a stream with a row says 0). Must be awaited before the
 * page's events are added: its second step counts what the log holds then.
 */
export function readPageStreams(db: DeskDatabase, events: readonly { stream: string }[], legacy: boolean): Dexie.Promise<Map<string, StreamState>> {
  const runs = runsOf([...new Set(events.map((e) => e.stream))]);
  return Dexie.Promise.all(runs.map(({ table, run }) => runRows(db.table(table) as RowTable, run))).then((rowsByRun) => {
    const states = new Map<string, StreamState>();
    const countRuns: Wanted[][] = [];
    runs.forEach(({ run }, i) => {
      const rows = rowsByRun[i]!;
      // Runs of consecutive streams with no row, counted together.
      let rowless: Wanted[] = [];
      for (const wanted of run) {
        const row = rows.get(wanted.key) ?? null;
        if (row) {
          states.set(wanted.stream, { row, logged: 0 });
          if (rowless.length) countRuns.push(rowless);
          rowless = [];
        } else rowless.push(wanted);
      }
      if (rowless.length) countRuns.push(rowless);
    });
    return Dexie.Promise.all(countRuns.map((run) => runLogged(db, run, legacy))).then((counts) => {
      for (const found of counts) for (const [stream, logged] of found) states.set(stream, { row: null, logged });
      return states;
    });
  });
}
