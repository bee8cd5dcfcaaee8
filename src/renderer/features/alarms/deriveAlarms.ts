import type { RequestKind, Urgency } from '@shared/domain/requestKinds';
import { deadlineRowId } from '@shared/deadlines/deadlineIndex';
import { pendingDeadlines, type PendingDeadline } from '@shared/deadlines/pendingDeadlines';
import { ALARM_LIMITS, type AlarmDeadline } from '@shared/alarms/alarmList';
import type { AlarmLabels } from '@shared/alarms/alarmContract';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { DeskDatabase } from '../../db/database';
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

/** Every running clock's alarm at `now`, soonest due first. */
export async function deriveAlarms(db: DeskDatabase, now = Date.now()): Promise<AlarmView[]> {
  return db.transaction('r', [db.deadlines, db.tickets, db.settings], async () => {
    const rows = await db.deadlines.orderBy('dueAt').limit(MAX_ALARMS).toArray();
    const ids = [...new Set(rows.map((row) => row.ticketId))];
    const [tickets, settings] = await Promise.all([db.tickets.bulkGet(ids), db.settings.get('desk')]);
    const timings = timingsOf(settings);
    const views = tickets.flatMap((ticket) => (ticket ? pendingDeadlines(ticket, timings, now).map((d) => viewOf(ticket, d)) : []));
    return views.sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
  });
}

const inRange = (ms: number) => ms >= ALARM_LIMITS.earliest && ms <= ALARM_LIMITS.latest;

/**
 * The `alarms:set` list: what must ring, as absolute times. Left out: an acknowledged round (it
 * rings no more, here or anywhere), a paused clock (it stands still), a back-filled deadline that
 * was already late (`rings: false`). A snoozed round is due again when the snooze ends; a round
 * already escalated or acknowledged has no escalation left.
 */
export function toHostList(views: readonly AlarmView[]): AlarmDeadline[] {
  const list: AlarmDeadline[] = [];
  for (const view of views) {
    if (!view.rings || view.acknowledged || view.paused) continue;
    const dueAt = Math.max(view.dueAt, view.quietUntil ?? 0);
    // A garbage time (an agreed date typed in the wrong century) must not get the whole list refused.
    if (!inRange(dueAt) || !inRange(view.warnAt) || !inRange(view.escalateAfter)) continue;
    const labels: AlarmLabels = { ticketId: view.ticketId, number: view.number, ruleId: view.ruleId, where: view.where.slice(0, ALARM_LIMITS.maxLabelValueChars) };
    list.push({
      id: view.id,
      dueAt,
      ...(view.warnAt < dueAt ? { warnAt: view.warnAt } : {}),
      ...(view.escalated ? {} : { escalateAt: Math.max(view.escalateAfter, dueAt) }),
      labels: { ...labels },
    });
  }
  return list;
}
