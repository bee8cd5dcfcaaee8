// Step 1 of a run: the outbox goes out in hlc order. `stored`/`duplicate` remove the row and
// acknowledge the journal; `rejected` moves the event to quarantine (F10: never dropped, never
// blocking the rest); a 413 halves the batch (F11).
import type { PushAnswer, SyncEvent } from '@shared/sync/syncContract';
import type { DeskDatabase, QuarantineEntry } from '../db/database';
import type { SyncTransport } from './transport';
import { fitting, MAX_PUSH_EVENTS } from './batches';
import { hubCall, type RunFailure } from './hubCall';
import { wireEvent } from './syncMeta';
import { perfTrace } from '../diagnostics/perfTrace';
import { eventsById } from '../db/eventLog';

export interface PushContext {
  db: DeskDatabase;
  transport: SyncTransport;
  pushBytes: number;
  now: () => number;
  /** Every good answer: its epoch and our clock offset. */
  answered: (answer: { hubEpoch: string; offsetMs: number }) => void;
  /** What the run counts, shown in its record. */
  counts: { pushed: number; quarantined: number };
  /** The batch size, halved on a 413 for the rest of the run. */
  maxEvents: number;
  log?: (message: string, context?: Record<string, unknown>) => void;
}

export function pushContext(base: Omit<PushContext, 'maxEvents'>): PushContext {
  return { ...base, maxEvents: MAX_PUSH_EVENTS };
}

/** Sends the first events of `events` that fit one request. Returns how many were settled (0 after a halving). */
export async function sendBatch(ctx: PushContext, events: readonly SyncEvent[], relay: boolean): Promise<{ sent: number; failure: RunFailure | null }> {
  const n = fitting(events, ctx.maxEvents, ctx.pushBytes);
  const batch = events.slice(0, n);
  perfTrace('push:request');
  const answer: PushAnswer = await hubCall(() => ctx.transport.push(batch, relay));
  perfTrace('push:answer');
  if (!answer.ok) {
    if (answer.failure !== 'tooLarge') return { sent: 0, failure: { failure: answer.failure, message: answer.message } };
    if (n > 1) {
      ctx.maxEvents = Math.max(1, Math.floor(n / 2));
      return { sent: 0, failure: null };
    }
    // One event alone is too large for the hub: it can never go; kept in quarantine, not blocking the rest.
    await settle(ctx, batch, [{ id: batch[0]!.id, status: 'rejected', code: 'BODY_TOO_LARGE', message: answer.message }]);
    return { sent: 1, failure: null };
  }
  ctx.answered(answer);
  const settled = await settle(ctx, batch, answer.results);
  // An answer that does not match the request (never from a sound host) ends the run: what it
  // left out stays in the outbox for the next one, and no loop re-sends it forever.
  if (settled < n) return { sent: n, failure: { failure: 'badAnswer', message: `the hub answered ${settled} of ${n} events` } };
  return { sent: n, failure: null };
}

type Results = Extract<PushAnswer, { ok: true }>['results'];

async function settle(ctx: PushContext, batch: readonly SyncEvent[], results: Results): Promise<number> {
  const { db, now } = ctx;
  const done: string[] = [];
  const rejected: QuarantineEntry[] = [];
  batch.forEach((event, i) => {
    const result = results[i];
    // An answer that does not match the request leaves the event in the outbox for the next run.
    if (!result || result.id !== event.id) return;
    if (result.status === 'rejected') rejected.push({ ...event, code: result.code ?? 'REJECTED', message: result.message ?? '', at: now() });
    else done.push(event.id);
  });
  if (done.length + rejected.length === 0) return 0;
  // The hub has them: they leave the journal (F14), while the outbox rows are removed. A failed
  // ack only means a later replay meets duplicates.
  const acked = done.length
    ? ctx.transport.journalAck(done).catch((error: unknown) => ctx.log?.('sync: journal ack failed', { message: String(error) }))
    : Promise.resolve();
  perfTrace('push:settle');
  await db.transaction('rw', db.outbox, db.quarantine, () =>
    Promise.all([
      removeFromOutbox(db, [...done, ...rejected.map((e) => e.id)]),
      // A relayed event the hub now takes is no longer refused (the quarantine is mostly empty).
      done.length ? db.quarantine.limit(1).count().then((any) => (any ? db.quarantine.bulkDelete(done) : undefined)) : undefined,
      rejected.length ? db.quarantine.bulkPut(rejected) : undefined,
    ]),
  );
  perfTrace('push:removed');
  ctx.counts.pushed += done.length;
  ctx.counts.quarantined += rejected.length;
  if (rejected.length) ctx.log?.('sync: events quarantined', { ids: rejected.map((e) => e.id), codes: rejected.map((e) => e.code) });
  await acked;
  perfTrace('push:acked');
  return done.length + rejected.length;
}

/**
 * Removes the settled rows, inside the caller's transaction. A batch is usually every row of its
 * key range (event ids grow with time, and the batch is the oldest rows), and then it goes in one
 * request, a key-range delete, where a delete per row costs one request each (about half of a
 * push of 1000, docs/benchmarks.md); a range that also holds rows not settled (a mismatched
 * answer, a save of the same millisecond left for the next batch) is deleted row by row.
 */
function removeFromOutbox(db: DeskDatabase, ids: readonly string[]): Promise<unknown> {
  if (ids.length < 2) return db.outbox.bulkDelete([...ids]);
  let lo = ids[0]!;
  let hi = ids[0]!;
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const range = () => db.outbox.where(':id').between(lo, hi, true, true);
  return range()
    .count()
    .then((inRange): Promise<unknown> => (inRange === new Set(ids).size ? range().delete() : db.outbox.bulkDelete([...ids])));
}

/** Pushes the whole outbox, oldest first. Stops at the first hub failure and returns it. */
export async function pushOutbox(ctx: PushContext): Promise<RunFailure | null> {
  const { db } = ctx;
  for (;;) {
    perfTrace('push:read');
    // One row more than a batch: when it is not there, the batch is the whole outbox.
    const rows = await db.outbox.orderBy('hlc').limit(ctx.maxEvents + 1).toArray();
    perfTrace('push:rows');
    if (rows.length === 0) return null;
    // Rows carry their event; rows queued before they did are read from the log.
    const older = rows.filter((r) => !r.event).map((r) => r.id);
    const fromLog = older.length ? new Map((await eventsById(db, older)).map((e) => [e.id, e])) : new Map();
    const held = rows.map((r) => r.event ?? fromLog.get(r.id));
    const orphans = rows.filter((_, i) => !held[i]).map((r) => r.id);
    if (orphans.length) {
      // A row whose event is not in the log has nothing to send (never written by a save).
      ctx.log?.('sync: outbox rows without an event', { ids: orphans });
      await db.outbox.bulkDelete(orphans);
    }
    const events = held.filter((e) => e !== undefined).map(wireEvent);
    if (events.length === 0) continue;
    const { sent, failure } = await sendBatch(ctx, events, false);
    if (failure) return failure;
    // Every row read was sent: that was the whole outbox when read. A save made since asked for
    // a run of its own (and a save during this run makes the engine run again), so no read of an
    // outbox that is empty but for them: it waited 20–30 ms behind the screens' re-queries of
    // the delete.
    if (orphans.length === 0 && sent === events.length) return null;
  }
}
