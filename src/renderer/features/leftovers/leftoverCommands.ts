import type { EventDraft } from '@shared/events/registry';
import { uuidv7 } from '@shared/ids';
import {
  LEFTOVER_CARRIED, LEFTOVER_FILED, LEFTOVER_PROGRESSED, LEFTOVER_RESOLVED, handoverItemLeftoverId, leftoverStream, monthOf, ticketLeftoverId, type LeftoverPayload,
} from '@shared/shifts/leftoverEvents';
import type { HandoverItem } from '@shared/shifts/shiftLogFold';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';

// R-LEFTOVER: the leftover-issues file's commands. Filing, progress and "OK" are a person's; the
// month-end carry is the station's (written signed in or not).

type Filing = Omit<LeftoverPayload<typeof LEFTOVER_FILED>, 'at' | 'month'>;

/** The filing event of one issue, into this month's file (the station's zone). */
export function filingDraft(id: string, filing: Filing, timeZone: string, now: number): EventDraft {
  return { stream: leftoverStream(id), type: LEFTOVER_FILED, payload: { ...filing, text: filing.text.trim().slice(0, 2000), at: now, month: monthOf(now, timeZone) } };
}

/** Filed by hand on the leftovers screen: a fresh id. */
export async function fileLeftover(store: EventStore, timeZone: string, filing: Filing, actorId: string, now = Date.now()): Promise<string> {
  const id = uuidv7();
  await store.append([filingDraft(id, filing, timeZone, now)], actorId);
  return id;
}

/** A handover item filed (by its 一时无法解决 sorting, or by hand from its card): the item's text, its shift, its request. */
export function itemFiling(item: Pick<HandoverItem, 'id' | 'text' | 'ticketId' | 'ticketNumber'>, shift: { day: string; shiftId: string }): { id: string; filing: Filing } {
  return {
    id: handoverItemLeftoverId(item),
    filing: { text: item.text, fromShift: `${shift.day}|${shift.shiftId}`, ...(item.ticketId ? { fromTicket: { id: item.ticketId, number: item.ticketNumber ?? '' } } : {}) },
  };
}

/** A request open for long filed: its description, the request it names. */
export function ticketFiling(ticket: Pick<Ticket, 'id' | 'number' | 'description'>): { id: string; filing: Filing } {
  return { id: ticketLeftoverId(ticket.id), filing: { text: ticket.description, fromTicket: { id: ticket.id, number: ticket.number } } };
}

/**
 * R-LEFTOVER: files what is not in the file yet, in one save. The ids are derived (item, request),
 * so what another station filed meanwhile is skipped here and, if both saves cross, folded once.
 * Returns how many it wrote.
 */
export async function fileOnce(db: DeskDatabase, store: EventStore, timeZone: string, filings: readonly { id: string; filing: Filing }[], actorId: string, now = Date.now()): Promise<number> {
  const drafts = await unfiledDrafts(db, timeZone, filings, now);
  if (drafts.length) await store.append(drafts, actorId);
  return drafts.length;
}

/** The filing drafts of those not in the file yet (one bulkGet). */
export async function unfiledDrafts(db: DeskDatabase, timeZone: string, filings: readonly { id: string; filing: Filing }[], now: number): Promise<EventDraft[]> {
  const unique = [...new Map(filings.map((f) => [f.id, f])).values()];
  const filed = await db.leftovers.bulkGet(unique.map((f) => f.id));
  return unique.filter((_, i) => !filed[i]).map((f) => filingDraft(f.id, f.filing, timeZone, now));
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
