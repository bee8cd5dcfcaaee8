// The in-page half of `npm run bench:sync` (bench/sync.ts bundles it with esbuild and injects it
// into the desk's own page, so it reads the same IndexedDB origin as the app). It never drives
// the sync itself: the app's engine does every push and pull; this only watches the store,
// saves through the app's own command code (createTicket and the EventStore, as bench/desk.ts
// does) and asks the host for a sync over a second bridge connection, as a "sync now" would.
import '../desk/zodJitless';
import type { DeskBridge } from '@shared/bridge/contract';
import { DATABASE_NAME } from '../../src/renderer/db/schema';
import { DeskDatabase } from '../../src/renderer/db/database';
import { readMeta } from '../../src/renderer/db/meta';
import { EventStore } from '../../src/renderer/db/eventStore';
import { countEvents } from '../../src/renderer/db/eventLog';
import { lastHlc, type StationRecord } from '../../src/renderer/desk/boot';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { connectWebSocketBridge } from '../../src/renderer/bridge/webSocketBridge';
import { intakeValues } from '../seedStore';
import { checkEvent } from '@shared/events/registry';
import type { PullAnswer } from '@shared/sync/syncContract';
import { applyPage, applyPageInSlices } from '../../src/renderer/sync/applyPage';
import { sliceBudget } from '../../src/renderer/sync/syncEngine';
import type { SyncRunRecord } from '../../src/renderer/sync/engineTypes';
import { TICKET_NOTED } from '@shared/tickets/ticketEvents';

let db: DeskDatabase | null = null;

// The app's perfTrace() moments (src/renderer/diagnostics/perfTrace.ts), kept here as epoch ms.
const traced: { name: string; at: number }[] = [];
(globalThis as { __dutydeskTrace?: (name: string, at: number) => void }).__dutydeskTrace = (name, at) => {
  if (traced.length > 5000) traced.splice(0, 1000);
  traced.push({ name, at: performance.timeOrigin + at });
};
// The page's long tasks (50 ms and more on its one thread), among the moments: a save waits for them too.
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) traced.push({ name: `longtask ${Math.round(entry.duration)}ms`, at: performance.timeOrigin + entry.startTime });
  }).observe({ type: 'longtask' });
} catch {
  // not offered by this browser: no long tasks among the moments
}
/** The moments since `from` (epoch ms), as "name +ms" relative to it. */
function traceSince(from: number, only?: RegExp): string {
  return traced.filter((t) => t.at >= from && (!only || only.test(t.name))).sort((a, b) => a.at - b.at).map((t) => `${t.name} +${Math.round(t.at - from)}`).join(', ');
}
let bridge: (DeskBridge & { close(): void }) | null = null;

/** Our own connection, opened only once the app has created its database (never before it). */
async function database(): Promise<DeskDatabase | null> {
  if (db) return db;
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes(DATABASE_NAME)) return null;
  db = new DeskDatabase();
  await db.open();
  return db;
}

async function hostBridge(): Promise<DeskBridge> {
  if (bridge) return bridge;
  const token = sessionStorage.getItem('dutydesk.token');
  if (!token) throw new Error('no bridge token in this tab yet');
  bridge = await connectWebSocketBridge(token);
  return bridge;
}

export interface Progress {
  exists: boolean;
  station: boolean;
  cursor: number;
  tickets: number;
  events: number;
  outbox: number;
}

/** Where the store is: the cursor the engine keeps with each page, and the table sizes (counts: bench only). */
async function progress(withCounts = true): Promise<Progress> {
  const d = await database();
  if (!d) return { exists: false, station: false, cursor: 0, tickets: 0, events: 0, outbox: 0 };
  const [station, cursor] = await Promise.all([readMeta<StationRecord>(d, 'station'), readMeta<number>(d, 'sync:cursor')]);
  const [tickets, events, outbox] = withCounts ? await Promise.all([d.tickets.count(), countEvents(d), d.outbox.count()]) : [0, 0, 0];
  return { exists: true, station: Boolean(station), cursor: cursor ?? 0, tickets, events, outbox };
}

async function stationStore(d: DeskDatabase) {
  const station = await readMeta<StationRecord>(d, 'station');
  if (!station) throw new Error('the station has not joined yet');
  const actor = (await d.staff.orderBy('name').first())?.id;
  if (!actor) throw new Error('no staff yet');
  return { station, actor, store: new EventStore(d, { name: station.stationName, code: station.stationCode, nodeId: station.nodeId }, await lastHlc(d)) };
}

// ---------------------------------------------------------------- saves while a bootstrap runs

let saving: { stop: boolean; times: number[]; done: Promise<void> } | null = null;

/** Saves one ticket every `gapMs` (as bench/desk.ts times a save: createTicket → committed) until stopped. */
async function startSaves(gapMs: number): Promise<void> {
  const d = (await database())!;
  const { station, actor, store } = await stationStore(d);
  const state = { stop: false, times: [] as number[], done: Promise.resolve() };
  state.done = (async () => {
    while (!state.stop) {
      // Someone types the request before saving it (the intake is keyboard-first): the app sees a
      // key, as it would, and knows the desk is in use while it pulls.
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
      if (state.stop) break;
      const values = intakeValues(Date.now() - 30_000);
      const t0 = performance.now();
      const from = performance.timeOrigin + t0;
      await createTicket(d, store, station.timeZone, values, actor);
      state.times.push(performance.now() - t0);
      if (performance.now() - t0 > 25) slowSaves.push(`${(performance.now() - t0).toFixed(0)} ms: ${traceSince(from - 150, /^(save|slice|alarms|pull|queue|push|apply|longtask)/)}`);
    }
  })();
  saving = state;
}

const slowSaves: string[] = [];
/** The trace moments around each save that took more than 25 ms (from 150 ms before it). */
function slowSaveTraces(): string[] {
  return slowSaves.splice(0);
}

async function stopSaves(): Promise<number[]> {
  if (!saving) return [];
  saving.stop = true;
  await saving.done;
  const times = saving.times;
  saving = null;
  return times;
}

// ---------------------------------------------------------------- push and pull, timed in the page

/**
 * `count` events saved at once, in one transaction (as a batch does: an import, a shift's
 * back-fill): notes on the newest tickets, about 400 bytes each like the anchor's documents.
 * Returns the save's ms and when it was made (epoch ms), for timePush.
 */
async function createTickets(count: number): Promise<{ ms: number; at: number }> {
  const d = (await database())!;
  const { actor, store } = await stationStore(d);
  const tickets = await d.tickets.orderBy('createdAt').reverse().limit(50).primaryKeys();
  const drafts = Array.from({ length: count }, (_, i) => ({
    stream: `ticket:${tickets[i % tickets.length]}`,
    type: TICKET_NOTED,
    payload: { text: `第${i}次跟进:已电话联系住户,维修工预计下午三点到场,住户同意开门;备用钥匙不需要使用,如有变化再联系客服中心。` },
  }));
  const at = Date.now();
  const t0 = performance.now();
  await store.append(drafts as never, actor);
  return { ms: performance.now() - t0, at };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}

/** The engine's record of the first run since `since` (epoch ms) that moved at least `count` events one way. */
async function runRecord(d: DeskDatabase, since: number, moved: (r: SyncRunRecord) => number, count: number): Promise<SyncRunRecord | null> {
  const history = (await readMeta<SyncRunRecord[]>(d, 'sync:history')) ?? [];
  return history.find((r) => r.startedAt >= since - 5 && moved(r) >= count) ?? null;
}

/**
 * Push of `count` events saved at `since`: from the first push request to the outbox settled, as
 * the engine records it (pushMs). "Sync now" asks for the run; the station's own poll may have
 * started it already, which is why the engine's own timing is read, not a stopwatch around the request.
 */
async function timePush(since = 0, count = 1, timeoutMs = 120_000): Promise<{ ms: number; left: number; trace: string }> {
  const d = (await database())!;
  const b = await hostBridge();
  await b.invoke('sync:request', 'now');
  let record: SyncRunRecord | null = null;
  await waitFor(async () => (record = await runRecord(d, since, (r) => r.pushed, count)) !== null && (await d.outbox.count()) === 0, timeoutMs, 5);
  const r = record as SyncRunRecord | null;
  return { ms: r?.pushMs ?? NaN, left: await d.outbox.count(), trace: r ? traceSince(r.startedAt - 5) : '' };
}

const queueShows = (number: string) => Array.from(document.querySelectorAll('[data-testid="queue-number"]')).some((n) => n.textContent === number);

/**
 * Incremental pull of events another station pushed at `since`: from the engine's first pull
 * request (whatever started the run: "sync now" or the station's own poll) to the ticket
 * `number` on screen in the queue, ms; and to the last page applied (the engine's pullMs).
 */
async function timePull(number: string, ticketId: string, since: number, count: number, timeoutMs = 120_000): Promise<{ ms: number; inStoreMs: number; trace: string }> {
  const d = (await database())!;
  const b = await hostBridge();
  const shownAt = new Promise<number>((resolve) => {
    if (queueShows(number)) return resolve(Date.now());
    const observer = new MutationObserver(() => {
      if (queueShows(number)) {
        observer.disconnect();
        resolve(Date.now());
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => (observer.disconnect(), resolve(NaN)), timeoutMs);
  });
  await b.invoke('sync:request', 'now');
  const shown = await shownAt;
  let record: SyncRunRecord | null = null;
  await waitFor(async () => (record = await runRecord(d, since, (r) => r.pulled, count)) !== null, timeoutMs, 5);
  const r = record as SyncRunRecord | null;
  if (!r || r.pullStartedAt == null) return { ms: NaN, inStoreMs: NaN, trace: '' };
  if (!(await d.tickets.get(ticketId))) throw new Error(`ticket ${ticketId} is not in the store`);
  return { ms: shown - r.pullStartedAt, inStoreMs: r.pullMs ?? NaN, trace: `${traceSince(r.pullStartedAt - 5)}, shown +${Math.round(shown - r.pullStartedAt)}` };
}

// ---------------------------------------------------------------- where a page's time goes

export interface PageCost { transferMs: number; checkMs: number; eventsOnlyMs: number; applyMs: number; slicedMs: number; events: number; termKeys: number }

/**
 * Diagnostic (--profile): the first `pages` pages of the hub pulled again through the bridge
 * (the host's fetch, its checks, the socket, JSON) and applied with the engine's own applyPage
 * to a scratch database of this origin, each stage timed apart: the registry check alone, the
 * events alone in one strict transaction (the anchor's raw pull), then the whole apply. This
 * bundle is not minified, so a CPU profile of it names the functions.
 */
async function pageCosts(pages: number, limit: number): Promise<PageCost[]> {
  const b = await hostBridge();
  const scratch = new DeskDatabase('dutydesk-bench-scratch');
  const eventsOnly = new DeskDatabase('dutydesk-bench-scratch-events');
  const sliced = new DeskDatabase('dutydesk-bench-scratch-sliced');
  await Promise.all([scratch.delete(), eventsOnly.delete(), sliced.delete()]);
  await Promise.all([scratch.open(), eventsOnly.open(), sliced.open()]);
  const out: PageCost[] = [];
  let after = 0;
  try {
    for (let i = 0; i < pages; i++) {
      const t0 = performance.now();
      const page = (await b.invoke('sync:pull', { after, limit })) as PullAnswer;
      const transferMs = performance.now() - t0;
      if (!page.ok) throw new Error(`pull failed: ${page.failure}`);
      const t1 = performance.now();
      for (const event of page.events) checkEvent(event);
      const checkMs = performance.now() - t1;
      const t2 = performance.now();
      await eventsOnly.transaction('rw', eventsOnly.events, eventsOnly.meta, async () => {
        await eventsOnly.events.bulkPut(page.events.map(({ seq: _seq, ...event }) => event));
        await eventsOnly.meta.put({ key: 'sync:cursor', value: page.last });
      });
      const eventsOnlyMs = performance.now() - t2;
      const t3 = performance.now();
      await applyPage(scratch, page.events, page.last, page.hubEpoch);
      const applyMs = performance.now() - t3;
      // As the engine applies it with nobody at the desk: slices of about 150 ms.
      const t4 = performance.now();
      let perEvent = 0.5;
      await applyPageInSlices(sliced, page.events, page.last, page.hubEpoch, (last) => {
        if (last && last.events) perEvent = 0.7 * perEvent + 0.3 * (last.ms / last.events);
        return sliceBudget(false, perEvent);
      });
      const slicedMs = performance.now() - t4;
      const ids = [...new Set(page.events.filter((e) => e.stream.startsWith('ticket:')).map((e) => e.stream.slice(7)))];
      const rows = await scratch.tickets.bulkGet(ids);
      const termKeys = rows.reduce((sum, row) => sum + (row?.terms.length ?? 0), 0) / Math.max(1, rows.length);
      out.push({ transferMs, checkMs, eventsOnlyMs, applyMs, slicedMs, events: page.events.length, termKeys });
      after = page.last;
      if (!page.more) break;
    }
  } finally {
    scratch.close();
    eventsOnly.close();
    sliced.close();
    await Promise.all([scratch.delete(), eventsOnly.delete(), sliced.delete()]);
  }
  return out;
}

async function setSchedule(everyMinutes: number): Promise<void> {
  await (await hostBridge()).invoke('sync:schedule', everyMinutes);
}

function close() {
  db?.close();
  db = null;
  bridge?.close();
  bridge = null;
}

/**
 * What IndexedDB itself costs on this store, on disk, outside the app's code (after the incremental pulls): the
 * requests an incremental pull of 1,000 makes (250 rows read and logs counted, 1,000 events added,
 * 250 new tickets written), each timed from its first request to its last answer, and beside them
 * the same work with fewer index keys or as one record. One transaction, aborted: nothing is kept.
 */
async function rawCosts(): Promise<Record<string, number>> {
  const raw = await new Promise<IDBDatabase>((ok, ko) => {
    const request = indexedDB.open(DATABASE_NAME);
    request.onsuccess = () => ok(request.result);
    request.onerror = () => ko(request.error);
  });
  type Row = Record<string, unknown>;
  const sample = await new Promise<{ events: Row[]; tickets: Row[] }>((ok) => {
    const t = raw.transaction(['log', 'tickets'], 'readonly');
    // The log's records (schema v16) hold up to 250 events each: eight give the 1,000.
    const records = t.objectStore('log').getAll(null, 8);
    const tickets = t.objectStore('tickets').getAll(null, 250);
    t.oncomplete = () => ok({ events: (records.result as { events: Row[] }[]).flatMap((r) => r.events).slice(0, 1000), tickets: tickets.result as Row[] });
  });
  if (sample.events.length === 0 || sample.tickets.length === 0) throw new Error('rawCosts: the store holds no events or no tickets to sample');
  const tag = Date.now().toString(36);
  // A grouped log's multi-entry keys: each event's id and hlc (tagged, so they land together and new).
  const logKeys = (events: readonly Row[]) => events.flatMap((e) => [`${tag}${e.id as string}`, `${tag}${e.hlc as string}`]);
  const streamOf = (i: number) => `ticket:${tag}${i % 250}`;
  // A sampled row's terms as a fold makes them (the raw read may find it in the fresh tier).
  const plainOf = (ticket: Row) => (ticket.terms as string[]).map((term) => (term.startsWith('~f:') ? term.slice(3) : term));
  const allTerms = sample.tickets.reduce((sum, ticket) => sum + (ticket.terms as string[]).length, 0);
  const distinctTerms = new Set(sample.tickets.flatMap(plainOf)).size;
  const phases: [string, (t: IDBTransaction) => IDBRequest[]][] = [
    ['rows and counts of 250 streams', (t) => sample.tickets.flatMap((_, i) => [
      t.objectStore('tickets').get(`${tag}-missing-${i}`),
      t.objectStore('events').index('[stream+hlc]').count(IDBKeyRange.bound([streamOf(i), ''], [streamOf(i), '\uffff'])),
    ])],
    // The log as the app keeps it since schema v16: records of up to 250 events, every event's id, hlc and [stream, hlc] indexed.
    ['1,000 events as the log keeps them (4 records)', (t) => chunksOf(sample.events, 250).map((events, i) => t.objectStore('log').add({
      ids: events.map((e, k) => `${tag}-l${i}-${k}`), hlcs: events.map((e) => `${tag}${e.hlc as string}`), sh: events.map((e, k) => `${streamOf(k)}\u0000${tag}${e.hlc as string}`), events,
    }))],
    ['1,000 events added one record each, as before v16 (2 indexes)', (t) => sample.events.map((e, i) => t.objectStore('events').add({ ...e, id: `${tag}-a${i}`, stream: streamOf(i) }))],
    ['1,000 events added, 1 index', (t) => sample.events.map((e, i) => t.objectStore('quarantine').add({ ...e, id: `${tag}-b${i}`, stream: streamOf(i) }))],
    ['1,000 events added, no index', (t) => sample.events.map((e, i) => t.objectStore('meta').add({ ...e, key: `${tag}-c${i}` }))],
    ['1,000 events as one record', (t) => [t.objectStore('meta').add({ key: `${tag}-page`, events: sample.events })]],
    // The log held as records of several events (what a redesign of `events` would write), put in
    // `tickets` with only the keys such a log needs: the stream (in `createdAt`), and each event's
    // id and hlc in one multi-entry index (`*terms`, the store's biggest). A field a record lacks
    // makes no key, so no other index of `tickets` is touched.
    ['1,000 events as 250 stream chunks, ids and hlcs indexed', (t) => chunksOf(sample.events, 4).map((events, i) => t.objectStore('tickets').put({ id: `${tag}-k${i}`, createdAt: streamOf(i), terms: logKeys(events), events }))],
    ['1,000 events as one page record, ids and hlcs indexed', (t) => [t.objectStore('tickets').put({ id: `${tag}-p`, createdAt: `${tag}-page`, terms: logKeys(sample.events), events: sample.events })]],
    ['250 tickets written (all indexes)', (t) => sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, id: `${tag}-d${i}` }))],
    // Where the keys land: each term made new but all in one spot of the index (a common prefix), or under the open-request prefix.
    ['250 tickets written, new terms in one spot', (t) => sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, terms: (ticket.terms as string[]).map((_, k) => `~z:${tag}${String(i).padStart(3, '0')}-${k}`), id: `${tag}-g${i}` }))],
    ['250 tickets written, terms as open ones', (t) => sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, terms: (ticket.terms as string[]).map((term) => (term.startsWith('~a:') ? term : `~a:${term}`)), id: `${tag}-h${i}` }))],
    // Since termsTier.ts: a ticket written lately keeps its terms under `~f:` (a small region of
    // the index) until the idle desk merges them into the rest; the merge rewrites the same rows.
    ['250 tickets written, terms in the fresh tier', (t) => sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, terms: plainOf(ticket).map((term) => `~f:${term}`), id: `${tag}-m${i}` }))],
    ['the same 250 merged into the big index', (t) => sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, terms: plainOf(ticket), id: `${tag}-m${i}` }))],
    // What one record of a page's distinct fresh terms would cost instead (the rows then carry no term key).
    [`250 tickets written without terms, their ${distinctTerms} distinct terms (of ${allTerms}) in one record`, (t) => [
      ...sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, terms: [], id: `${tag}-o${i}` })),
      t.objectStore('tickets').put({ id: `${tag}-oP`, terms: [...new Set(sample.tickets.flatMap((ticket) => plainOf(ticket).map((term) => `~f:${term}`)))] }),
    ]],
    ['250 tickets written, no search terms', (t) => sample.tickets.map((ticket, i) => t.objectStore('tickets').put({ ...ticket, terms: [], id: `${tag}-e${i}` }))],
    ['250 tickets written, no index', (t) => sample.tickets.map((ticket, i) => t.objectStore('quarantine').put({ ...ticket, hlc: undefined, id: `${tag}-f${i}` }))],
  ];
  const out: Record<string, number> = {};
  await new Promise<void>((ok) => {
    const t = raw.transaction(['events', 'log', 'tickets', 'meta', 'quarantine'], 'readwrite', { durability: 'relaxed' });
    t.onabort = () => ok();
    let next = 0;
    const run = () => {
      const phase = phases[next++];
      if (!phase) return t.abort();
      const [name, issue] = phase;
      const started = performance.now();
      const requests = issue(t);
      let pending = requests.length;
      for (const request of requests) {
        request.onsuccess = () => {
          if (--pending > 0) return;
          out[name] = Math.round(performance.now() - started);
          run();
        };
      }
    };
    run();
  });
  raw.close();
  return out;
}

function chunksOf<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export const syncBench = { slowSaveTraces, rawCosts, progress, startSaves, stopSaves, createTickets, timePush, timePull, pageCosts, setSchedule, close };
export type SyncBench = typeof syncBench;
(globalThis as unknown as { syncBench: SyncBench }).syncBench = syncBench;
