import type { EventDraft } from '@shared/events/registry';
import { uuidv7 } from '@shared/ids';
import {
  LEFTOVER_CARRIED, LEFTOVER_FILED, LEFTOVER_PROGRESSED, LEFTOVER_RESOLVED, leftoverStream, monthOf, type LeftoverPayload,
} from '@shared/shifts/leftoverEvents';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';

// R-LEFTOVER: the leftover-issues file's commands. Filing, progress and "OK" are a person's; the
// month-end carry is the station's (written signed in or not).

type Filing = Omit<LeftoverPayload<typeof LEFTOVER_FILED>, 'at' | 'month'>;

export async function fileLeftover(store: EventStore, timeZone: string, filing: Filing, actorId: string, now = Date.now()): Promise<string> {
  const id = uuidv7();
  await store.append([{ stream: leftoverStream(id), type: LEFTOVER_FILED, payload: { ...filing, at: now, month: monthOf(now, timeZone) } }], actorId);
  return id;
}

export async function noteLeftoverProgress(store: EventStore, id: string, text: string, actorId: string, now = Date.now()): Promise<void> {
  await store.append([{ stream: leftoverStream(id), type: LEFTOVER_PROGRESSED, payload: { at: now, text } }], actorId);
}

/** "OK": fully solved. */
export async function markLeftoverOk(store: EventStore, id: string, text: string, actorId: string, now = Date.now()): Promise<void> {
  await store.append([{ stream: leftoverStream(id), type: LEFTOVER_RESOLVED, payload: { at: now, ...(text.trim() ? { text } : {}) } }], actorId);
}

/** How many carries go in one save: a month's file is small, this only bounds a transaction. */
const CARRY_BATCH = 200;

/**
 * R-LEFTOVER, month end: every issue still open in an earlier month's file is carried into this
 * month's (the station's zone). Run again, or by another station, it finds nothing left to carry,
 * and a carry that crossed with another station's is set aside by the fold. Returns how many it wrote.
 */
export async function carryOpenLeftovers(db: DeskDatabase, store: EventStore, timeZone: string, actorId: string | null, now = Date.now()): Promise<number> {
  const month = monthOf(now, timeZone);
  let written = 0;
  // Each batch moves what it read out of the range; the bound only guards against a fold that would not.
  for (let batch = 0; batch < 1000; batch++) {
    const open = await db.leftovers.where('[open+month]').between([1, ''], [1, month]).limit(CARRY_BATCH).toArray();
    if (!open.length) break;
    const drafts = open.map((row) => ({ stream: leftoverStream(row.id), type: LEFTOVER_CARRIED, payload: { at: now, fromMonth: row.month, toMonth: month } }) as EventDraft);
    await store.append(drafts, actorId);
    written += drafts.length;
  }
  return written;
}
