// F19: the hub went back in time (restored from a backup: a new `hubEpoch`). Everything this
// store holds (the log and the events it could not understand; quarantined events are in the
// log too) goes out again with `relay: true`, oldest first, then the pull restarts from 0;
// events already held are skipped by id there, so nothing is duplicated here. A meta mark
// (`sync:relay`) records how far it got, so an interrupted re-push resumes instead of restarting.
import type { SyncEvent } from '@shared/sync/syncContract';
import { readMeta } from '../db/meta';
import type { PushContext } from './pushOutbox';
import { sendBatch } from './pushOutbox';
import type { RunFailure } from './hubCall';
import { META, wireEvent } from './syncMeta';
import { eventsByHlc } from '../db/eventLog';

/** The last hlc sent and the ids sent with exactly that hlc (two events may share a stamp: F20). */
export interface RelayMark {
  epoch: string;
  hlc: string;
  ids: string[];
}

const after = (mark: RelayMark) => (event: SyncEvent) => event.hlc > mark.hlc || (event.hlc === mark.hlc && !mark.ids.includes(event.id));

export async function pendingRelay(ctx: PushContext): Promise<RelayMark | null> {
  return (await readMeta<RelayMark>(ctx.db, META.relay)) ?? null;
}

/** Re-pushes everything held for `epoch`; on success the cursor is 0 and the epoch kept, in one transaction. */
export async function relayAll(ctx: PushContext, epoch: string): Promise<RunFailure | null> {
  const { db } = ctx;
  const kept = await pendingRelay(ctx);
  let mark: RelayMark = kept && kept.epoch === epoch ? kept : { epoch, hlc: '', ids: [] };
  await db.meta.put({ key: META.relay, value: mark });
  // Few by nature (a newer version's events): read once, in hlc order.
  const unknown = (await db.unknownEvents.toArray()).map(wireEvent).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  for (;;) {
    const fromLog = (await eventsByHlc(db, { from: mark.hlc }, { limit: ctx.maxEvents + mark.ids.length })).map(wireEvent).filter(after(mark));
    const batch = [...fromLog, ...unknown.filter(after(mark)).slice(0, ctx.maxEvents)]
      .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))
      .slice(0, ctx.maxEvents);
    if (batch.length === 0) break;
    const { sent, failure } = await sendBatch(ctx, batch, true);
    if (sent > 0) {
      const last = batch[sent - 1]!.hlc;
      const sameStamp = batch.slice(0, sent).filter((e) => e.hlc === last).map((e) => e.id);
      mark = { epoch, hlc: last, ids: last === mark.hlc ? [...mark.ids, ...sameStamp] : sameStamp };
      await db.meta.put({ key: META.relay, value: mark });
    }
    if (failure) return failure;
  }
  await db.transaction('rw', db.meta, () =>
    Promise.all([db.meta.put({ key: META.hubEpoch, value: epoch }), db.meta.put({ key: META.cursor, value: 0 }), db.meta.delete(META.relay)]),
  );
  return null;
}
