import type { DeskEvent } from '../events/envelope';
import {
  HANDOVER_FORM_WRITTEN, HANDOVER_ITEM_ADDED, HANDOVER_ITEM_MARKED, HANDOVER_ITEM_SORTED, HANDOVER_PAYLOADS,
  type HandoverEventType, type HandoverFormPayload, type HandoverMark, type HandoverPayload, type HandoverUrgency,
} from './handoverEvents';

// Issue 16, R-HANDOVER-READ / R-HANDOVER-SIGN: a shift's log row (`shift:<day>|<shiftId>`),
// folded from its handover events (handoverEvents.ts) in hlc order. Pure; never refuses (the
// commands' guards in handoverGuards.ts do); an event naming an unknown item changes nothing.

export interface HandoverItemMark {
  mark: HandoverMark;
  reason?: string;
  at: number;
  by: string | null;
}

export interface HandoverItem {
  id: string;
  text: string;
  ticketId?: string;
  ticketNumber?: string;
  addedAt: number;
  addedBy: string | null;
  urgency?: HandoverUrgency;
  sortedBy?: string | null;
  /** Every mark in order (passed to the manager, then "OK" once done as instructed). */
  marks: HandoverItemMark[];
}

export interface HandoverFormContent extends HandoverFormPayload {
  writtenBy: string | null;
}

export interface ShiftLogRow {
  /** `<YYYY-MM-DD>|<shiftId>` */
  id: string;
  kind: 'shift';
  day: string;
  shiftId: string;
  /** When the shift began (epoch ms): the `[kind+startsAt]` index lists shifts in order. */
  startsAt: number;
  lastHlc: string;
  /** What this shift passed on to the next one, in the order written (step 6). */
  items?: HandoverItem[];
  /** The last work-transfer form written for this shift (its signatures are on `shift:desk`). */
  form?: HandoverFormContent;
}

/** At most this many items per shift are kept on the row (the log keeps every event). */
export const MAX_SHIFT_ITEMS = 200;

const isHandover = (type: string): type is HandoverEventType => Object.prototype.hasOwnProperty.call(HANDOVER_PAYLOADS, type);

/** A new shift log row from any event of its stream (the review fold makes it the same way). */
export function emptyShiftLog(event: DeskEvent, startsAt: number): ShiftLogRow | null {
  const id = event.stream.slice('shift:'.length);
  const [day, shiftId, extra] = id.split('|');
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !shiftId || extra !== undefined) return null;
  return { id, kind: 'shift', day, shiftId, startsAt, lastHlc: event.hlc, items: [] };
}

export function foldShiftLog(row: ShiftLogRow | null, event: DeskEvent): ShiftLogRow | null {
  if (!isHandover(event.type)) return row;
  const parsed = HANDOVER_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) return row;
  const base = row ?? emptyShiftLog(event, parsed.data.startsAt);
  if (!base) return row;
  const applied = apply(base, event.type, parsed.data, event.actor);
  if (applied === base) return row ?? null;
  return { ...applied, lastHlc: event.hlc > base.lastHlc ? event.hlc : base.lastHlc };
}

function apply(row: ShiftLogRow, type: HandoverEventType, data: unknown, actor: string | null): ShiftLogRow {
  const items = row.items ?? [];
  switch (type) {
    case HANDOVER_ITEM_ADDED: {
      const p = data as HandoverPayload<typeof HANDOVER_ITEM_ADDED>;
      if (items.some((i) => i.id === p.itemId) || items.length >= MAX_SHIFT_ITEMS) return row;
      const item: HandoverItem = { id: p.itemId, text: p.text, addedAt: p.at, addedBy: actor, marks: [] };
      if (p.ticketId) item.ticketId = p.ticketId;
      if (p.ticketNumber) item.ticketNumber = p.ticketNumber;
      return { ...row, items: [...items, item] };
    }
    case HANDOVER_ITEM_SORTED: {
      const p = data as HandoverPayload<typeof HANDOVER_ITEM_SORTED>;
      return withItem(row, p.itemId, (item) => ({ ...item, urgency: p.urgency, sortedBy: actor }));
    }
    case HANDOVER_ITEM_MARKED: {
      const p = data as HandoverPayload<typeof HANDOVER_ITEM_MARKED>;
      const mark: HandoverItemMark = { mark: p.mark, at: p.at, by: actor, ...(p.reason ? { reason: p.reason } : {}) };
      return withItem(row, p.itemId, (item) => ({ ...item, marks: [...item.marks, mark] }));
    }
    case HANDOVER_FORM_WRITTEN: {
      const p = data as HandoverPayload<typeof HANDOVER_FORM_WRITTEN>;
      return { ...row, form: { ...p, writtenBy: actor } };
    }
  }
}

function withItem(row: ShiftLogRow, itemId: string, change: (item: HandoverItem) => HandoverItem): ShiftLogRow {
  const items = row.items ?? [];
  const index = items.findIndex((i) => i.id === itemId);
  if (index === -1) return row;
  const next = [...items];
  next[index] = change(items[index]!);
  return { ...row, items: next };
}

/** The item's current mark (the last one), if any. */
export const lastMark = (item: HandoverItem): HandoverItemMark | undefined => item.marks[item.marks.length - 1];

/** An item is settled once marked "OK" (steps 3 and 4). */
export const isSettled = (item: HandoverItem) => lastMark(item)?.mark === 'ok';

const URGENCY_ORDER: Record<HandoverUrgency, number> = { urgent: 1, normal: 2, notNow: 3 };

/**
 * R-HANDOVER-READ: the order the incoming person works through the items: those not yet sorted
 * first, in the order written (step 1: read line by line; step 2: sort each), then urgent before
 * normal before "cannot be solved for now" (step 3: urgent first); settled ("OK") items last.
 */
export function readingOrder(items: readonly HandoverItem[]): HandoverItem[] {
  const rank = (item: HandoverItem) => (isSettled(item) ? 9 : item.urgency ? URGENCY_ORDER[item.urgency] : 0);
  return items.map((item, index) => ({ item, index })).sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index).map((x) => x.item);
}
