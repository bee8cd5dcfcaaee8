// R-MORNING-REVIEW / R-DAILY-REPORT: the supervisor's marks, the read receipt and the signature,
// as events on the shift's stream and the day's; and the log's exports, logged before the file
// leaves (R-CONFIDENTIAL). The registry checks `shift.review` for the first three.
import {
  SHIFT_DAY_REPORT_SIGNED, SHIFT_EXPORTS, SHIFT_ITEM_MARKED, SHIFT_LOG_EXPORTED, SHIFT_REVIEWED, dayReportStream, shiftStream, type DayReportFigure,
} from '@shared/shifts/reviewEvents';
import { can, type Role } from '@shared/domain/roles';
import type { PinSignResult } from '../../components/SignatureModal';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';
import { checkPin } from '../signin/signIn';

export interface Actor {
  id: string;
  role: Role;
}

/** Refused before anything is written: the fold would refuse it anyway, and the log would keep a refused event. */
function mayReview(actor: Actor): string {
  if (!can(actor.role, 'shift.review')) throw new RefusedError('notPermitted');
  return actor.id;
}

export interface ShiftRef {
  day: string;
  shiftId: string;
  startsAt: number;
}

export async function markItem(store: EventStore, actor: Actor, shift: ShiftRef, ref: string, mark: 'chased' | 'noted', at = Date.now()) {
  return store.append([{ stream: shiftStream(shift.day, shift.shiftId), type: SHIFT_ITEM_MARKED, payload: { at, startsAt: shift.startsAt, ref, mark } }], mayReview(actor));
}

export async function reviewShift(store: EventStore, actor: Actor, shift: ShiftRef, unfinished: number, text?: string, at = Date.now()) {
  return store.append([{ stream: shiftStream(shift.day, shift.shiftId), type: SHIFT_REVIEWED, payload: { at, startsAt: shift.startsAt, unfinished, ...(text ? { text } : {}) } }], mayReview(actor));
}

export async function signDayReport(store: EventStore, actor: Actor, day: { day: string; startsAt: number }, figures: Record<DayReportFigure, number>, at = Date.now()) {
  return store.append([{ stream: dayReportStream(day.day), type: SHIFT_DAY_REPORT_SIGNED, payload: { at, day: day.day, startsAt: day.startsAt, figures } }], mayReview(actor));
}

/**
 * R-MORNING-REVIEW / R-DAILY-REPORT: the read receipt and the report's signature are the signer's,
 * chosen on the station and proven by their PIN (checkPin: a wrong PIN counts as an attempt, as at
 * sign-in), whoever is signed in. Someone who may not review is refused before their PIN is tried.
 */
export async function signWithPin(
  db: DeskDatabase, store: EventStore, staffId: string, pin: string, act: (signer: Actor) => Promise<unknown>, now = Date.now(),
): Promise<PinSignResult> {
  const member = await db.staff.get(staffId);
  if (member) mayReview(member);
  const checked = await checkPin(db, store, staffId, pin, now);
  if (!checked.ok) return checked;
  await act({ id: checked.member.id, role: checked.member.role });
  return { ok: true };
}

/** Logged before the file is handed over: if the log cannot be saved, no file leaves. */
export type ShiftExport = (typeof SHIFT_EXPORTS)[number];

export async function logExport(store: EventStore, actor: string, stream: string, startsAt: number, what: ShiftExport, rows: number, at = Date.now()) {
  return store.append([{ stream, type: SHIFT_LOG_EXPORTED, payload: { at, startsAt, what, rows } }], actor);
}
