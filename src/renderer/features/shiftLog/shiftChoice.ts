// Which shift a log is of: picked by its day and its name in the estate's plan (desk setting
// `shifts`), or the one running now and the ones before it. Times in the station's zone.
import { previousShift, shiftAt, type ShiftDefinition, type ShiftOccurrence } from '@shared/shifts/shiftPlan';
import { wallToEpoch } from '@shared/time/zoneClock';

/** The occurrence of the plan's shift `shiftId` that began on `day` (null: no such shift in the plan). */
export function shiftOn(plan: readonly ShiftDefinition[], timeZone: string, day: string, shiftId: string): ShiftOccurrence | null {
  const shift = plan.find((s) => s.id === shiftId);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!shift || !m) return null;
  const minutes = Number(shift.start.slice(0, 2)) * 60 + Number(shift.start.slice(3, 5));
  const start = wallToEpoch(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minutes * 60_000, timeZone);
  const found = shiftAt(plan, timeZone, start);
  return found.shift.id === shiftId && found.day === day ? found : null;
}

/** R-MORNING-REVIEW: the shifts that ended in the last day, newest first (what the supervisor reads on arrival). */
export function recentFinishedShifts(plan: readonly ShiftDefinition[], timeZone: string, now: number, withinMs = 24 * 3_600_000): ShiftOccurrence[] {
  const found: ShiftOccurrence[] = [];
  let o = previousShift(plan, timeZone, shiftAt(plan, timeZone, now));
  while (o.endsAt > now - withinMs && found.length < 12) {
    found.push(o);
    o = previousShift(plan, timeZone, o);
  }
  return found;
}

export const shiftRowId = (o: Pick<ShiftOccurrence, 'day'> & { shift: { id: string } }) => `${o.day}|${o.shift.id}`;
