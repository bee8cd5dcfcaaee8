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
import { lastHlc, type StationRecord } from '../../src/renderer/desk/boot';
import { createTicket } from '../../src/renderer/features/intake/createTicket';
import { connectWebSocketBridge } from '../../src/renderer/bridge/webSocketBridge';
import { intakeValues } from '../seedStore';
import { checkEvent } from '@shared/events/registry';
import type { PullAnswer } from '@shared/sync/syncContract';
import { applyPage } from '../../src/renderer/sync/applyPage';

let db: DeskDatabase | null = null;
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
  const [tickets, events, outbox] = withCounts ? await Promise.all([d.tickets.count(), d.events.count(), d.outbox.count()]) : [0, 0, 0];
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
      await createTicket(d, store, station.timeZone, values, actor);
      state.times.push(performance.now() - t0);
    }
  })();
  saving = state;
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

/** `count` tickets through createTicket, one save each (one event each). */
async function createTickets(count: number): Promise<number> {
  const d = (await database())!;
  const { station, actor, store } = await stationStore(d);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await createTicket(d, store, station.timeZone, intakeValues(Date.now() - 30_000), actor);
  return performance.now() - t0;
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs: number): Promise<boolean> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return false;
}

/** "Sync now" → the outbox is empty (every event stored or duplicate at the hub), ms. */
async function timePush(timeoutMs = 120_000): Promise<{ ms: number; left: number }> {
  const d = (await database())!;
  const b = await hostBridge();
  const t0 = performance.now();
  await b.invoke('sync:request', 'now');
  const ok = await waitFor(async () => (await d.outbox.count()) === 0, timeoutMs, 2);
  return { ms: ok ? performance.now() - t0 : NaN, left: await d.outbox.count() };
}

const queueShows = (number: string) => Array.from(document.querySelectorAll('[data-testid="queue-number"]')).some((n) => n.textContent === number);

/** "Sync now" → the ticket `number` (pushed to the hub by another station) is in the queue on screen, ms. */
async function timePull(number: string, ticketId: string, timeoutMs = 120_000): Promise<{ ms: number; inStoreMs: number }> {
  const d = (await database())!;
  const b = await hostBridge();
  if (queueShows(number)) throw new Error(`${number} is on screen before the pull`);
  let inStoreMs = NaN;
  const t0 = performance.now();
  const onScreen = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (queueShows(number)) {
        observer.disconnect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => (observer.disconnect(), resolve(NaN)), timeoutMs);
  });
  // The same ticket in the store (the engine's transaction committed), for the breakdown.
  const inStore = waitFor(async () => (await d.tickets.get(ticketId)) !== undefined, timeoutMs, 5).then((ok) => {
    inStoreMs = ok ? performance.now() - t0 : NaN;
  });
  await b.invoke('sync:request', 'now');
  const ms = await onScreen;
  await inStore;
  return { ms, inStoreMs };
}

// ---------------------------------------------------------------- where a page's time goes

export interface PageCost { transferMs: number; checkMs: number; eventsOnlyMs: number; applyMs: number; events: number; termKeys: number }

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
  await Promise.all([scratch.delete(), eventsOnly.delete()]);
  await Promise.all([scratch.open(), eventsOnly.open()]);
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
      const ids = [...new Set(page.events.filter((e) => e.stream.startsWith('ticket:')).map((e) => e.stream.slice(7)))];
      const rows = await scratch.tickets.bulkGet(ids);
      const termKeys = rows.reduce((sum, row) => sum + (row?.terms.length ?? 0), 0) / Math.max(1, rows.length);
      out.push({ transferMs, checkMs, eventsOnlyMs, applyMs, events: page.events.length, termKeys });
      after = page.last;
      if (!page.more) break;
    }
  } finally {
    scratch.close();
    eventsOnly.close();
    await Promise.all([scratch.delete(), eventsOnly.delete()]);
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

export const syncBench = { progress, startSaves, stopSaves, createTickets, timePush, timePull, pageCosts, setSchedule, close };
export type SyncBench = typeof syncBench;
(globalThis as unknown as { syncBench: SyncBench }).syncBench = syncBench;
