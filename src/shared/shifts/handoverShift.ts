import type { DutyRow } from './dutyFold';
import { signedHandover } from './handoverGuards';
import { previousShift, shiftAt, type ShiftDefinition, type ShiftOccurrence } from './shiftPlan';

// Issue 16: which shift's log the handover screens open by default. Pure.

/** A handover given a little after the shift's end still belongs to the shift that ended. */
export const LATE_HANDOVER_MS = 60 * 60_000;

export interface ShiftKey {
  day: string;
  shiftId: string;
}

/**
 * R-HANDOVER-SIGN: the shift the person leaving hands over: the one running now, or, shortly after
 * a change of shift, the one that just ended if it is not handed over yet and the desk is still
 * held by whoever held it before the change.
 */
export function outgoingShift(plan: readonly ShiftDefinition[], timeZone: string, now: number, duty: DutyRow | null | undefined): ShiftOccurrence {
  const current = shiftAt(plan, timeZone, now);
  if (now - current.startsAt >= LATE_HANDOVER_MS) return current;
  const previous = previousShift(plan, timeZone, current);
  const heldSinceBefore = duty?.holder.staffId != null && duty.holder.since < current.startsAt;
  return heldSinceBefore && !signedHandover(duty.forms, previous.day, previous.shift.id) ? previous : current;
}

/** R-HANDOVER-READ: the log the person coming on duty reads: the last shift handed over, else the one before this. */
export function incomingShift(plan: readonly ShiftDefinition[], timeZone: string, now: number, duty: DutyRow | null | undefined): ShiftKey {
  const signed = [...(duty?.forms ?? [])].reverse().find((f) => f.outgoingSignedAt !== undefined && f.incomingSignedAt !== undefined);
  if (signed) return { day: signed.shiftDay, shiftId: signed.shiftId };
  const previous = previousShift(plan, timeZone, shiftAt(plan, timeZone, now));
  return { day: previous.day, shiftId: previous.shift.id };
}
