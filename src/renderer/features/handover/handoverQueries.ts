import Dexie from 'dexie';
import { maskDigits } from '@shared/directory/phone/shownPhone';
import type { DutyRow } from '@shared/shifts/dutyFold';
import { HANDOVER_LIMITS, type HandoverFormPayload } from '@shared/shifts/handoverEvents';
import type { ShiftLogRow } from '@shared/shifts/shiftLogFold';
import type { DeskDatabase } from '../../db/database';
import { callsSince } from '../calls/callQueries';
import { handedOver } from '../duty/dutyQueries';
import type { ShiftRef } from './handoverCommands';

// R-HANDOVER-SIGN: the work-transfer form filled from the data, read through indexes only (open
// requests, running deadlines, the shift's calls by ring time, keys out by `[out+label]`).

export type GatheredLists = Pick<HandoverFormPayload, 'requests' | 'alarms' | 'calls' | 'keys' | 'more'>;

const capped = <T>(list: readonly T[], limit: number) => ({ list: list.slice(0, limit), more: Math.max(0, list.length - limit) });

export async function gatherForm(db: DeskDatabase, shift: ShiftRef, now = Date.now()): Promise<GatheredLists> {
  const [open, calls, keysOut] = await Promise.all([
    handedOver(db, now),
    callsSince(db, shift.startsAt),
    db.keys.where('[out+label]').between([1, Dexie.minKey], [1, Dexie.maxKey]).limit(HANDOVER_LIMITS.keys + 100).toArray(),
  ]);
  const requests = capped(open.requests.map(({ ticket, nextDue }) => ({
    ticketId: ticket.id, number: ticket.number, kind: ticket.kind, status: ticket.status,
    ...(nextDue ? { nextDueAt: nextDue.dueAt, nextRule: nextDue.ruleId } : {}),
  })), HANDOVER_LIMITS.requests);
  const alarms = capped(open.unacknowledged.map((a) => ({ ticketId: a.ticketId, number: a.number, rule: a.ruleId, dueAt: a.dueAt })), HANDOVER_LIMITS.alarms);
  // Oldest first, as they rang; the number masked whoever writes (R-CONFIDENTIAL: every role reads the form).
  const noRequest = calls.filter((c) => c.outcome !== 'ticket').reverse().map((c) => ({
    callId: c.id, at: c.at, number: c.number ? maskDigits(c.number) : null, outcome: c.outcome as 'pending' | 'none',
  }));
  const callList = capped(noRequest, HANDOVER_LIMITS.calls);
  const keys = capped(keysOut.map((k) => ({ keyId: k.id, label: k.label.slice(0, HANDOVER_LIMITS.keyLabel) })), HANDOVER_LIMITS.keys);
  return {
    requests: requests.list, alarms: alarms.list, calls: callList.list, keys: keys.list,
    more: { requests: requests.more, alarms: alarms.more, calls: callList.more, keys: keys.more },
  };
}

export async function readShiftLog(db: DeskDatabase, shift: Pick<ShiftRef, 'day' | 'shiftId'>): Promise<ShiftLogRow | null> {
  const row = await db.shifts.get(`${shift.day}|${shift.shiftId}`);
  return row && row.kind === 'shift' ? (row as ShiftLogRow) : null;
}

/** The last shift logs, newest first (the incoming person may read an earlier one). */
export async function recentShiftLogs(db: DeskDatabase, limit = 8): Promise<ShiftLogRow[]> {
  return (await db.shifts.where('[kind+startsAt]').between(['shift', Dexie.minKey], ['shift', Dexie.maxKey]).reverse().limit(limit).toArray()) as ShiftLogRow[];
}

export async function readDutyRow(db: DeskDatabase): Promise<DutyRow | null> {
  return ((await db.shifts.get('desk')) as DutyRow | undefined) ?? null;
}
