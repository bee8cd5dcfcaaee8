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

/**
 * Derives the alarms again and again, reading only what changed (Dexie's `storagemutated` names
 * the keys written): the deadlines rows a change wrote or deleted, the tickets it touched, the
 * settings when they changed. A tick with no change reads nothing: the levels move with `now`.
 * Reading the 1,000 rows of a busy estate anew took 19 ms of the 50 the handover may take.
 */
export function createAlarmDeriver(db: DeskDatabase, { keepSince = true }: { keepSince?: boolean } = {}) {
  let since: number | null = null;
  const rows = new Map<string, DeadlineRow>();
  const tickets = new Map<string, Ticket>();
  // Each ticket's views, computed again when it changed, the timings changed, or on a tick (no
  // change: the levels and snoozes move with `now`): a save recomputes one ticket, not a thousand.
  const viewsOf = new Map<string, AlarmView[]>();
  let timings: DeadlineTimings | null = null;
  const part = (table: string) => `idb://${db.name}/${table}/`;
  const touched = (changes: TicketChanges, table: string, key: string) => {
    if (changes === 'all') return true;
    return changes.some((set) => {
      const tree = set[part(table)];
      return tree !== undefined && RangeSet(tree).hasKey(key);
    });
  };
  const readRows = async (changes: TicketChanges) => {
    const keys = changedKeys(changes, part('deadlines'));
    if (keys === 'all') {
      rows.clear();
      for (const row of await db.deadlines.orderBy('dueAt').limit(MAX_ALARMS).toArray()) rows.set(row.id, row);
      return;
    }
    if (keys.length === 0) return;
    const found = await db.deadlines.bulkGet(keys);
    found.forEach((row, i) => (row ? rows.set(row.id, row) : rows.delete(keys[i]!)));
  };
  return async function derive(changes: TicketChanges, now = Date.now()): Promise<AlarmView[]> {
    // The root's deriver starts the station's alarms (a write); a one-shot read (a form, a live
    // query, where no write may run) only reads when they began.
    if (keepSince) since ??= await alarmsSince(db, now);
    return db.transaction('r', [db.deadlines, db.tickets, db.settings, db.meta], async () => {
      const kept = since ?? (await db.meta.get(ALARMS_SINCE_KEY))?.value;
      const ringsFrom = typeof kept === 'number' ? kept : now;
      await readRows(changes);
      const soonest = [...rows.values()].sort((a, b) => a.dueAt - b.dueAt).slice(0, MAX_ALARMS);
      const ids = [...new Set(soonest.map((row) => row.ticketId))];
      const running = new Set(ids);
      for (const id of [...tickets.keys()]) if (!running.has(id)) tickets.delete(id);
      const stale = ids.filter((id) => !tickets.has(id) || touched(changes, 'tickets', id));
      const [fresh, settings] = await Promise.all([
        stale.length ? db.tickets.bulkGet(stale) : Promise.resolve([]),
        timings === null || touched(changes, 'settings', 'desk') ? db.settings.get('desk') : Promise.resolve(undefined),
      ]);
      fresh.forEach((ticket, i) => (ticket ? tickets.set(stale[i]!, ticket) : tickets.delete(stale[i]!)));
      const retimed = timings === null || settings !== undefined;
      if (retimed) timings = timingsOf(settings);
      const everything = retimed || changes === 'all' || changes.length === 0;
      const recompute = everything ? null : new Set(stale);
      for (const id of [...viewsOf.keys()]) if (!running.has(id)) viewsOf.delete(id);
      const views = ids.flatMap((id) => {
        const ticket = tickets.get(id);
        if (!ticket) return [];
        let cached = viewsOf.get(id);
        if (!cached || !recompute || recompute.has(id)) {
          cached = pendingDeadlines(ticket, timings!, now).map((d) => viewOf(ticket, beforeAlarms(d, ringsFrom)));
          viewsOf.set(id, cached);
        }
        return cached;
      });
      return views.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
    });
  };
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
function beforeAlarms(d: PendingDeadline, ringsFrom: number): PendingDeadline {
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
