import { DEFAULT_SHIFTS, previousShift, shiftAt, type ShiftDefinition, type ShiftOccurrence } from '@shared/shifts/shiftPlan';

// Issue 16: the call log's shifts come from the estate's plan (the desk setting `shifts`), not
// from hours fixed in code. The log shows the current shift and the one before it, so the
// night's calls are still there at 08:00 when the supervisor reviews them (R-MORNING-REVIEW).

export interface CallLogShifts {
  current: ShiftOccurrence;
  previous: ShiftOccurrence;
  /** The log reads calls from here (the previous shift's start). */
  since: number;
}

export function callLogShifts(plan: readonly ShiftDefinition[] | undefined, timeZone: string, now: number): CallLogShifts {
  const current = shiftAt(plan ?? DEFAULT_SHIFTS, timeZone, now);
  const previous = previousShift(plan ?? DEFAULT_SHIFTS, timeZone, current);
  return { current, previous, since: previous.startsAt };
}

/** When the shift running at `now` began. */
export function shiftStart(now: number, timeZone: string, plan: readonly ShiftDefinition[] = DEFAULT_SHIFTS): number {
  return shiftAt(plan, timeZone, now).startsAt;
}
