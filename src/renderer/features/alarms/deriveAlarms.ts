import type { RequestKind, Urgency } from '@shared/domain/requestKinds';
import { deadlineRowId, type DeadlineRow } from '@shared/deadlines/deadlineIndex';
import { pendingDeadlines, type PendingDeadline } from '@shared/deadlines/pendingDeadlines';
import { ALARM_LIMITS, type AlarmDeadline } from '@shared/alarms/alarmList';
import type { AlarmLabels } from '@shared/alarms/alarmContract';
import type { Ticket } from '@shared/tickets/ticketFold';
import { RangeSet, type ObservabilitySet } from 'dexie';
import type { DeskDatabase } from '../../db/database';
import type { DeadlineTimings } from '@shared/deadlines/tuning';
import { timingsOf } from '../../db/deadlineProjection';

// Issue 15: the alarms of the desk, derived at the root from the deadlines projection (indexed by
// due time) and the few tickets its rows name: never a whole-table read. The host's alarm clock
// gets the part of it that must ring (`toHostList`); the alarm bar shows all of it.

/** At most this many running clocks are read (soonest due first); the host takes 10,000. */
export const MAX_ALARMS = 2000;

export interface AlarmView extends PendingDeadline {
  /** `<ticketId>|<ruleId>`: the deadlines row and the host's alarm id. */
  id: string;
  kind: RequestKind;
  urgency: Urgency;
  unitKey: string;
  place: string;
  /** The unit, else the place as typed (the host's notification text; the bar translates a known place). */
  where: string;
  /** The last snooze of this round ends then (whether or not it has ended): the host rings again then. */
  quietUntil?: number;
}

function viewOf(ticket: Ticket, deadline: PendingDeadline): AlarmView {
  const round = (ticket.handling?.clocks?.[deadline.ruleId]?.snoozes ?? []).filter((s) => s.dueAt === deadline.dueAt);
  const quietUntil = round.length ? Math.max(...round.map((s) => s.until)) : undefined;
  const place = ticket.handling?.place ?? '';
  return {
    ...deadline,
    id: deadlineRowId(ticket.id, deadline.ruleId),
    kind: ticket.kind,
    urgency: ticket.urgency,
    unitKey: ticket.unitKey,
    place,
    where: ticket.unitKey || place,
    ...(quietUntil !== undefined ? { quietUntil } : {}),
  };
}

/** The changes since the last derivation (Dexie's `storagemutated` parts), or 'all' (a first run, a failure). */
export type TicketChanges = readonly ObservabilitySet[] | 'all';

/**
 * The keys a change wrote to or deleted from a table, or 'all' when it cannot tell (a range: a
 * clear, a modify by filter) or 'none'. Read only: a part's tree is shared with Dexie's other listeners.
 */
function changedKeys(changes: TicketChanges, partName: string): string[] | 'all' {
  if (changes === 'all') return 'all';
  const keys = new Set<string>();
  for (const set of changes) {
    for (const name of [partName, `${partName}:dels`]) {
      const tree = set[name];
      if (!tree) continue;
      for (const node of RangeSet(tree)) {
        if (typeof node.from !== 'string' || node.from !== node.to) return 'all';
        keys.add(node.from);
      }
    }
  }
  return [...keys];
}

/** A derivation's change by ticket: its views before and after (after `[]`: no longer listed). */
export type ViewChanges = ReadonlyMap<string, { before: readonly AlarmView[]; after: readonly AlarmView[] }>;

export interface AlarmDeriver {
  (changes: TicketChanges, now?: number): Promise<AlarmView[]>;
  /**
   * What the last derivation changed, by ticket; null: anything may have (the first, a tick, the
   * timings). Empty: nothing, and the list returned is the very array returned before.
   */
  readonly lastChanged: ViewChanges | null;
}

/** More tickets changed than this in one derivation: the list is sorted anew instead. */
const REBUILD_OVER = 64;

const byDue = (a: { dueAt: number; id: string }, b: { dueAt: number; id: string }) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Where `item` is, or goes, in `list` sorted by due time then id (a binary search). */
function placeOf(list: readonly { dueAt: number; id: string }[], item: { dueAt: number; id: string }): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDue(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Derives the alarms again and again, reading only what changed (Dexie's `storagemutated` names
 * the keys written): the deadlines rows a change wrote or deleted, the tickets it touched, the
 * settings when they changed. A tick with no change reads nothing: the levels move with `now`.
 * Reading the 1,000 rows of a busy estate anew took 19 ms of the 50 the handover may take.
 * The rows and the list stay sorted: a change re-places only its own entries (a binary search),
 * never a sort or a comparison of the whole list (2,000 clocks, a derivation per burst of saves).
 */
export function createAlarmDeriver(db: DeskDatabase, { keepSince = true, limit = MAX_ALARMS }: { keepSince?: boolean; limit?: number } = {}): AlarmDeriver {
  let since: number | null = null;
  const rows = new Map<string, DeadlineRow>();
  /** Every row read, soonest due first; the first `limit` (MAX_ALARMS) are the clocks listed. */
  let order: DeadlineRow[] = [];
  /** Each listed ticket's rows among those first `limit`. */
  const inWindow = new Map<string, number>();
  const tickets = new Map<string, Ticket>();
  // Each ticket's views, computed again when it changed, the timings changed, or on a tick (no
  // change: the levels and snoozes move with `now`): a save recomputes one ticket, not a thousand.
  const viewsOf = new Map<string, AlarmView[]>();
  let list: AlarmView[] = [];
  let lastChanged: ViewChanges | null = null;
  let timings: DeadlineTimings | null = null;
  const part = (table: string) => `idb://${db.name}/${table}/`;
  const touched = (changes: TicketChanges, table: string, key: string) => {
    if (changes === 'all') return true;
    return changes.some((set) => {
      const tree = set[part(table)];
      return tree !== undefined && RangeSet(tree).hasKey(key);
    });
  };
  /** Tickets that came into or left the listed clocks since the last derivation. */
  const moved = new Set<string>();
  const enter = (row: DeadlineRow) => {
    const n = inWindow.get(row.ticketId) ?? 0;
    inWindow.set(row.ticketId, n + 1);
    if (n === 0) moved.add(row.ticketId);
  };
  const leave = (row: DeadlineRow) => {
    const n = (inWindow.get(row.ticketId) ?? 1) - 1;
    if (n > 0) inWindow.set(row.ticketId, n);
    else {
      inWindow.delete(row.ticketId);
      moved.add(row.ticketId);
    }
  };
  const removeRow = (row: DeadlineRow) => {
    const i = placeOf(order, row);
    if (order[i]?.id !== row.id) return;
    order.splice(i, 1);
    if (i < limit) {
      leave(row);
      if (order.length >= limit) enter(order[limit - 1]!);
    }
  };
  const insertRow = (row: DeadlineRow) => {
    const i = placeOf(order, row);
    order.splice(i, 0, row);
    if (i < limit) {
      enter(row);
      if (order.length > limit) leave(order[limit]!);
    }
  };
  /**
   * The last row of a read that hit the limit: rows due after it were not read, so the listed
   * clocks are right only while the `limit`th row is no later than it (closed requests in the
   * list let later, unread ones in: read again then). null: every row was read.
   */
  let bound: DeadlineRow | null = null;
  const readAllRows = async () => {
    const before = new Set(inWindow.keys());
    rows.clear();
    inWindow.clear();
    // (Ties in the index come by primary key: the order by due time then id already.)
    order = await db.deadlines.orderBy('dueAt').limit(limit).toArray();
    bound = order.length === limit ? order[limit - 1]! : null;
    for (const row of order) {
      rows.set(row.id, row);
      inWindow.set(row.ticketId, (inWindow.get(row.ticketId) ?? 0) + 1);
    }
    for (const id of before) if (!inWindow.has(id)) moved.add(id);
    for (const id of inWindow.keys()) if (!before.has(id)) moved.add(id);
  };
  /** Reads the deadline rows that changed; true when it read them all anew. */
  const readRows = async (changes: TicketChanges): Promise<boolean> => {
    const keys = changedKeys(changes, part('deadlines'));
    if (keys === 'all') {
      await readAllRows();
      return true;
    }
    if (keys.length === 0) return false;
    const found = await db.deadlines.bulkGet(keys);
    found.forEach((row, i) => {
      const old = rows.get(keys[i]!);
      if (old) removeRow(old);
      if (row) {
        rows.set(row.id, row);
        insertRow(row);
      } else rows.delete(keys[i]!);
    });
    const last = order[limit - 1];
    if (bound && !(last && byDue(last, bound) <= 0)) {
      await readAllRows();
      return true;
    }
    return false;
  };
  async function derive(changes: TicketChanges, now = Date.now()): Promise<AlarmView[]> {
    // The root's deriver starts the station's alarms (a write); a one-shot read (a form, a live
    // query, where no write may run) only reads when they began.
    if (keepSince) since ??= await alarmsSince(db, now);
    return db.transaction('r', [db.deadlines, db.tickets, db.settings, db.meta], async () => {
      const kept = since ?? (await db.meta.get(ALARMS_SINCE_KEY))?.value;
      const ringsFrom = typeof kept === 'number' ? kept : now;
      moved.clear();
      const readAll = await readRows(changes);
      for (const id of moved) if (!inWindow.has(id)) tickets.delete(id);
      const ticketKeys = readAll ? 'all' : changedKeys(changes, part('tickets'));
      const stale = ticketKeys === 'all'
        ? [...inWindow.keys()]
        : [...new Set([...ticketKeys.filter((id) => inWindow.has(id)), ...[...moved].filter((id) => inWindow.has(id) && !tickets.has(id))])];
      const [fresh, settings] = await Promise.all([
        stale.length ? db.tickets.bulkGet(stale) : Promise.resolve([]),
        timings === null || touched(changes, 'settings', 'desk') ? db.settings.get('desk') : Promise.resolve(undefined),
      ]);
      fresh.forEach((ticket, i) => (ticket ? tickets.set(stale[i]!, ticket) : tickets.delete(stale[i]!)));
      const retimed = timings === null || settings !== undefined;
      if (retimed) timings = timingsOf(settings);
      const viewsNow = (id: string): AlarmView[] => {
        const ticket = inWindow.has(id) ? tickets.get(id) : undefined;
        if (!ticket) return [];
        return pendingDeadlines(ticket, timings!, now).map((d) => viewOf(ticket, beforeAlarms(d, ringsFrom)));
      };
      const everything = retimed || readAll || changes === 'all' || changes.length === 0;
      const redo = new Set([...stale, ...moved]);
      if (everything || redo.size > REBUILD_OVER) {
        // Computed again (a tick: the levels move with `now`; else what changed), then the one
        // whole sort: cheaper than re-placing hundreds of entries one by one (a pull's page).
        // Unless everything moved, what changed is still told (the host gets a patch of the
        // page's tickets, not 2,000 entries to compare).
        const changedNow = everything ? null : new Map<string, { before: AlarmView[]; after: AlarmView[] }>();
        if (changedNow) for (const id of redo) changedNow.set(id, { before: viewsOf.get(id) ?? [], after: [] });
        const next: AlarmView[] = [];
        for (const id of [...viewsOf.keys()]) if (!inWindow.has(id)) viewsOf.delete(id);
        for (const id of inWindow.keys()) {
          const fresh = everything || redo.has(id) || !viewsOf.has(id);
          const views = fresh ? viewsNow(id) : viewsOf.get(id)!;
          if (changedNow && fresh) {
            const entry = changedNow.get(id);
            if (entry) entry.after = views;
            else changedNow.set(id, { before: viewsOf.get(id) ?? [], after: views });
          }
          if (views.length) viewsOf.set(id, views);
          else viewsOf.delete(id);
          next.push(...views);
        }
        if (changedNow) for (const [id, { before, after }] of changedNow) if (before.length === 0 && after.length === 0) changedNow.delete(id);
        lastChanged = changedNow;
        if (changedNow?.size === 0) return list;
        list = next.sort(byDue);
        return list;
      }
      const changed = new Map<string, { before: AlarmView[]; after: AlarmView[] }>();
      for (const id of redo) {
        const before = viewsOf.get(id) ?? [];
        const after = viewsNow(id);
        if (before.length === 0 && after.length === 0) continue;
        if (after.length) viewsOf.set(id, after);
        else viewsOf.delete(id);
        changed.set(id, { before, after });
      }
      lastChanged = changed;
      if (changed.size === 0) return list;
      // A new array (the bar's state), its entries re-placed one by one.
      const next = list.slice();
      for (const { before, after } of changed.values()) {
        for (const view of before) {
          const i = placeOf(next, view);
          if (next[i] === view) next.splice(i, 1);
        }
        for (const view of after) next.splice(placeOf(next, view), 0, view);
      }
      list = next;
      return list;
    });
  }
  return Object.defineProperty(derive, 'lastChanged', { get: () => lastChanged }) as AlarmDeriver;
}

/**
 * When this station's alarms began: the first derivation on its store (after the v14 upgrade, a
 * new station's setup, a station joining an estate with its history). Kept in `meta`.
 */
export const ALARMS_SINCE_KEY = 'alarms:since';

async function alarmsSince(db: DeskDatabase, now: number): Promise<number> {
  return db.transaction('rw', db.meta, async () => {
    const kept = (await db.meta.get(ALARMS_SINCE_KEY))?.value;
    if (typeof kept === 'number' && Number.isFinite(kept)) return kept;
    await db.meta.put({ key: ALARMS_SINCE_KEY, value: now });
    return now;
  });
}

/**
 * A deadline already past before this station had alarms is listed late and never rings, like a
 * back-fill's: two years of requests left open would otherwise ring (and escalate) all at once
 * the first time an upgraded or newly joined station starts.
 */
export function beforeAlarms(d: PendingDeadline, ringsFrom: number): PendingDeadline {
  return d.rings && d.dueAt < ringsFrom ? { ...d, rings: false, late: true, level: 'overdue' } : d;
}

/** Every running clock's alarm at `now`, soonest due first (one derivation, everything read). */
export async function deriveAlarms(db: DeskDatabase, now = Date.now()): Promise<AlarmView[]> {
  return createAlarmDeriver(db, { keepSince: false })('all', now);
}

const inRange = (ms: number) => ms >= ALARM_LIMITS.earliest && ms <= ALARM_LIMITS.latest;

/**
 * The `alarms:set` list: what must ring, as absolute times. Left out: an acknowledged round (it
 * rings no more, here or anywhere), a paused clock (it stands still), a back-filled deadline that
 * was already late (`rings: false`). A snoozed round is due again when the snooze ends; a round
 * already escalated or acknowledged has no escalation left.
 */
const hostEntries = new WeakMap<AlarmView, AlarmDeadline | null>();

export function toHostList(views: readonly AlarmView[]): AlarmDeadline[] {
  const list: AlarmDeadline[] = [];
  for (const view of views) {
    // A view kept from the last derivation (its ticket unchanged) keeps its entry: the handover
    // compares entries by identity before it compares them as text.
    const kept = hostEntries.get(view);
    if (kept !== undefined) {
      if (kept) list.push(kept);
      continue;
    }
    const entry = hostEntry(view);
    hostEntries.set(view, entry);
    if (entry) list.push(entry);
  }
  return list;
}

function hostEntry(view: AlarmView): AlarmDeadline | null {
  if (!view.rings || view.acknowledged || view.paused) return null;
  const dueAt = Math.max(view.dueAt, view.quietUntil ?? 0);
  // A garbage time (an agreed date typed in the wrong century) must not get the whole list refused.
  if (!inRange(dueAt) || !inRange(view.warnAt) || !inRange(view.escalateAfter)) return null;
  const labels: AlarmLabels = { ticketId: view.ticketId, number: view.number, ruleId: view.ruleId, where: view.where.slice(0, ALARM_LIMITS.maxLabelValueChars) };
  return {
    id: view.id,
    dueAt,
    ...(view.warnAt < dueAt ? { warnAt: view.warnAt } : {}),
    ...(view.escalated ? {} : { escalateAt: Math.max(view.escalateAfter, dueAt) }),
    labels: { ...labels },
  };
}
