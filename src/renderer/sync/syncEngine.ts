// The sync loop of one workstation (docs/architecture.md "Sync"): push the outbox, re-push all
// after a new hub epoch (F19), pull until caught up, each page applied with its cursor (applyPage.ts).
// Hub failures end a run quietly (the host backs off and ticks again); a local failure (quota,
// a closed database) ends it as `local` with the outbox and cursor untouched (F15).
import { perfTrace } from '../diagnostics/perfTrace';
import { announceChangesSettled } from '../desk/changesSettled';
import type { DeskDatabase } from '../db/database';
import { readMeta } from '../db/meta';
import { classify } from '../db/eventStore';
import type { SyncClock, SyncEngine, SyncRunRecord, SyncRunResult } from './engineTypes';
import type { SyncTransport } from './transport';
import { applyPageInSlices, type EventCheck } from './applyPage';
import { pushContext, pushOutbox, type PushContext } from './pushOutbox';
import { pendingRelay, relayAll } from './relay';
import { foldUnderstood } from './unknownEvents';
import { loadStatus, recordRun, StatusStore } from './status';
import { hubCall, type RunFailure } from './hubCall';
import { META } from './syncMeta';
import type { PullAnswer } from '@shared/sync/syncContract';

export interface SyncEngineOptions {
  db: DeskDatabase;
  transport: SyncTransport;
  clock?: SyncClock | null;
  pageLimit?: number;
  pushBytes?: number;
  now?: () => number;
  /** The registry check (tests stand in a narrower one to play an older version: F12). */
  check?: EventCheck;
  log?: (message: string, context?: Record<string, unknown>) => void;
  /** True while someone works at the desk: pulled pages are applied in slices short enough that a save hardly waits. */
  busy?: () => boolean;
}

/**
 * How long one slice of a pulled page may hold the tables (a save at the desk makes a slice still
 * making its requests give way: applyPage.ts, so it waits at most for a commit under way). With
 * nobody at the desk a page is mostly one slice: every slice costs a transaction, and on a big
 * store more of them cost a lot (slices of 500 ms made a 1,000,000-event bootstrap a fifth slower
 * and the incremental pull after it twice as slow: bench:sync, 2026-12-06). A key or a click
 * (someone starts typing a request, seconds before its save) makes the next ones short.
 */
export const SLICE_MS = { busy: 8, idle: 2000 } as const;
/**
 * While someone works at the desk the pull rests this many times a slice's own time before the
 * next one: it holds the tables, the page's one thread, the backend and the disk a fifth of the
 * time at most. On 2 shared cores a save is slowed less by waiting for a slice (slices give way)
 * than by everything the pull keeps busy meanwhile (the hub's answers, the page's folds, the
 * backend's writes and their flushes). bench:sync, 100,000 events, a save every 250 ms
 * (2026-12-07): a rest of twice a slice, p95 24.5 ms and a bootstrap at 375 events a second
 * meanwhile; four times, p95 18.9 ms and 267 a second. Once the desk is quiet it goes at full speed.
 */
export const BUSY_REST = 4;
/** Events per pull while someone works at the desk: a smaller answer to parse on the page's one thread. */
export const BUSY_PAGE_LIMIT = 500;

/** Events per slice for a time budget, from the cost per event seen so far (a moving average). */
export function sliceBudget(busy: boolean, perEventMs: number): number {
  return Math.min(5000, Math.max(10, Math.round((busy ? SLICE_MS.busy : SLICE_MS.idle) / Math.max(0.01, perEventMs))));
}

export function createSyncEngine({ db, transport, clock = null, pageLimit = 5000, pushBytes = 512 * 1024, now = Date.now, check, log, busy = () => false }: SyncEngineOptions): SyncEngine {
  const status = new StatusStore();
  let currentClock = clock;
  let running: Promise<SyncRunResult> | null = null;
  let again = false;
  let disposed = false;
  let started = false;
  /** Milliseconds per applied event, averaged over the slices seen: sizes the next slice. */
  let perEventMs = 0.5;
  const limit = () => (busy() ? Math.min(pageLimit, BUSY_PAGE_LIMIT) : pageLimit);
  /** The last slice's milliseconds in this run (0 before its first): how long the pull rests while the desk is busy. */
  let lastSliceMs = 0;
  const budget = (last: { events: number; ms: number } | null) => {
    if (last && last.events > 0) perEventMs = 0.7 * perEventMs + 0.3 * (last.ms / last.events);
    return sliceBudget(busy(), perEventMs);
  };
  const rest = (last: { ms: number } | null) => {
    if (last) lastSliceMs = last.ms;
    return busy() ? lastSliceMs * BUSY_REST : 0;
  };
  const loaded = loadStatus(db)
    .then((kept) => status.update(kept))
    .catch(() => undefined);

  /** F12 at start: what a newer version wrote and this one now understands is folded. */
  async function start(): Promise<void> {
    if (started) return;
    started = true;
    await loaded;
    const moved = await foldUnderstood(db, check);
    if (moved) log?.('sync: not-understood events folded after an upgrade', { moved });
  }

  async function pull(ctx: PushContext, counts: { pulled: number; notUnderstood: number; pullStartedAt: number | null }, seen: { epoch: string | null }): Promise<RunFailure | null> {
    lastSliceMs = 0;
    // An interrupted re-push resumes first (F19).
    const interrupted = await pendingRelay(ctx);
    if (interrupted) {
      status.update({ phase: 'relaying' });
      const failure = await relayAll(ctx, interrupted.epoch);
      if (failure) return failure;
    }
    let kept = (await readMeta<string>(db, META.hubEpoch)) ?? null;
    let cursor = (await readMeta<number>(db, META.cursor)) ?? 0;
    if (kept !== null && seen.epoch !== null && seen.epoch !== kept) {
      status.update({ phase: 'relaying' });
      const failure = await relayAll(ctx, seen.epoch);
      if (failure) return failure;
      [kept, cursor] = [seen.epoch, 0];
    }
    status.update({ phase: 'pulling', hubEpoch: kept });
    // The next page is asked for while this one is applied (the hub and the bridge work meanwhile).
    let next: Promise<PullAnswer> | null = null;
    counts.pullStartedAt = now();
    for (;;) {
      if (!next) perfTrace('pull:request');
      const answer: PullAnswer = await (next ?? hubCall(() => transport.pull(cursor, limit())));
      perfTrace('pull:answer');
      next = null;
      if (!answer.ok) return { failure: answer.failure, message: answer.message };
      ctx.answered(answer);
      if (kept !== null && answer.hubEpoch !== kept) {
        // The page belongs to another store's history: not applied; re-push, then from 0.
        status.update({ phase: 'relaying' });
        const failure = await relayAll(ctx, answer.hubEpoch);
        if (failure) return failure;
        [kept, cursor] = [answer.hubEpoch, 0];
        status.update({ phase: 'pulling', hubEpoch: kept });
        continue;
      }
      if (answer.more && answer.events.length === 0) return { failure: 'badAnswer', message: 'an empty page that says more follow' };
      // The poll's usual answer: nothing new. No transaction for it (the cursor stays where it is).
      if (answer.events.length === 0 && kept !== null && answer.last === cursor) {
        status.update({ progress: status.get().progress ? { ...status.get().progress!, caughtUp: true } : null });
        return null;
      }
      const startedAt = status.get().progress?.startedAt ?? now();
      if (answer.more) {
        const after: number = answer.last;
        next = hubCall((): Promise<PullAnswer> => transport.pull(after, limit()));
      }
      // A page with more to come (a first pull, a long absence) puts its tickets' terms straight into
      // the big index; the last page's go to the fresh tier, merged when the desk is idle (termsTier.ts).
      const page = await applyPageInSlices(db, answer.events, answer.last, kept === null ? answer.hubEpoch : null, budget, check, undefined, rest, answer.more ? 'bulk' : 'fresh');
      perfTrace('pull:applied');
      if (page.added > 0) announceChangesSettled();
      kept ??= answer.hubEpoch;
      // F4: the clock takes the page's highest stamp once, after the commit (F3).
      if (page.maxHlc) currentClock?.receive(page.maxHlc);
      counts.pulled += page.added;
      counts.notUnderstood += page.notUnderstood;
      cursor = answer.last;
      const pulled = (status.get().progress?.pulled ?? 0) + page.added + page.notUnderstood;
      const seconds = Math.max(0.001, (now() - startedAt) / 1000);
      status.update({ hubEpoch: kept, progress: { pulled, startedAt, perSecond: Math.round(pulled / seconds), caughtUp: !answer.more } });
      if (!answer.more) return null;
    }
  }

  async function run(): Promise<SyncRunResult> {
    const startedAt = now();
    const counts = { pushed: 0, quarantined: 0, pulled: 0, notUnderstood: 0, pullStartedAt: null as number | null };
    const timing = { pushMs: null as number | null, pullMs: null as number | null };
    let offsetMs: number | null = null;
    const seen = { epoch: null as string | null };
    const ctx = pushContext({
      db, transport, pushBytes, now, log, counts,
      answered: (answer) => {
        seen.epoch = answer.hubEpoch;
        offsetMs = answer.offsetMs;
        currentClock?.setClockOffset(answer.offsetMs);
      },
    });
    status.update({ running: true, phase: 'pushing' });
    let failure: RunFailure | null;
    try {
      await start();
      const pushStarted = now();
      failure = await pushOutbox(ctx);
      if (counts.pushed + counts.quarantined > 0) timing.pushMs = now() - pushStarted;
      if (!failure) failure = await pull(ctx, counts, seen);
      if (counts.pullStartedAt !== null && counts.pulled + counts.notUnderstood > 0) timing.pullMs = now() - counts.pullStartedAt;
    } catch (error) {
      const local = classify(error);
      failure = { failure: 'local', message: `${local.reason}: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
      log?.('sync: local failure', { message: failure.message });
    }
    // Capped: a count walks the rows it counts (the header shows 1000+ at the cap).
    const notUnderstood = await db.unknownEvents.limit(1000).count().catch(() => counts.notUnderstood);
    const record: SyncRunRecord = {
      startedAt, endedAt: now(), pushed: counts.pushed, pulled: counts.pulled, quarantined: counts.quarantined, notUnderstood,
      failure: failure?.failure ?? null, message: failure?.message ?? null,
      pushMs: timing.pushMs, pullStartedAt: timing.pullMs === null ? null : counts.pullStartedAt, pullMs: timing.pullMs,
    };
    await recordRun(db, record, offsetMs).catch((error) => log?.('sync: run record not kept', { message: String(error) }));
    status.update({
      running: false, phase: 'idle', lastRun: record,
      ...(record.failure === null ? { lastGoodAt: record.endedAt } : {}),
      ...(offsetMs !== null ? { clockOffsetMs: offsetMs } : {}),
    });
    return { ok: record.failure === null, record };
  }

  function runOnce(): Promise<SyncRunResult> {
    if (running) {
      // A save made during a run is pushed by one more run right after it.
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
      if (again && !disposed) {
        again = false;
        void runOnce();
      }
    });
    return running;
  }

  return {
    runOnce,
    status: () => status.get(),
    subscribe: (listener) => status.subscribe(listener),
    setClock: (next) => {
      currentClock = next;
    },
    dismissReset: async () => {
      await db.meta.delete(META.resetAt);
      status.update({ resetDetectedAt: null });
    },
    dispose: () => {
      disposed = true;
    },
  };
}
