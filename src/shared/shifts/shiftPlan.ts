import { z } from 'zod';
import { wallParts, wallToEpoch } from '../time/zoneClock';

// Issue 16: the estate's shifts (e.g. day 08:00–20:00, night 20:00–08:00), set by a manager, not
// assumed in code. A plan tiles the whole day with no gap and no overlap (the desk is staffed
// around the clock: every instant belongs to exactly one shift). Times are the station's wall
// clock; a shift that crosses midnight ends the next day. Pure.

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const SHIFT_LIMITS = { shifts: 6, name: 20 } as const;

export const shiftDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,19}$/),
  name: z.string().trim().min(1).max(SHIFT_LIMITS.name),
  start: z.string().regex(HHMM),
  end: z.string().regex(HHMM),
});
export type ShiftDefinition = z.infer<typeof shiftDefinitionSchema>;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const DAY_MINUTES = 24 * 60;
/** Minutes from start to end, crossing midnight where the end is earlier (a 24 h shift: start = end). */
const lengthOf = (s: ShiftDefinition) => ((minutesOf(s.end) - minutesOf(s.start) + DAY_MINUTES - 1) % DAY_MINUTES) + 1;

/** Why a plan does not tile the day, or null. */
export function planProblem(plan: readonly ShiftDefinition[]): 'empty' | 'duplicateId' | 'duplicateName' | 'gapOrOverlap' | null {
  if (plan.length === 0) return 'empty';
  if (new Set(plan.map((s) => s.id)).size !== plan.length) return 'duplicateId';
  if (new Set(plan.map((s) => s.name)).size !== plan.length) return 'duplicateName';
  const sorted = [...plan].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  const chained = sorted.every((s, i) => s.end === sorted[(i + 1) % sorted.length]!.start);
  const total = sorted.reduce((sum, s) => sum + lengthOf(s), 0);
  return chained && total === DAY_MINUTES ? null : 'gapOrOverlap';
}

export const shiftPlanSchema = z
  .array(shiftDefinitionSchema)
  .min(1)
  .max(SHIFT_LIMITS.shifts)
  .superRefine((plan, ctx) => {
    const problem = planProblem(plan);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The rulebook's two shifts: the night one is when the phone goes to the control room (R-NIGHT-TRANSFER). */
export const DEFAULT_SHIFTS: readonly ShiftDefinition[] = [
  { id: 'day', name: '白班', start: '08:00', end: '20:00' },
  { id: 'night', name: '夜班', start: '20:00', end: '08:00' },
];

export interface ShiftOccurrence {
  shift: ShiftDefinition;
  /** The wall-clock day it started on, `YYYY-MM-DD` (a night shift belongs to the evening it began). */
  day: string;
  startsAt: number;
  endsAt: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The occurrence of `shift` that starts on the wall-clock day `wallDay` (Date.UTC of its midnight). */
function occurrence(shift: ShiftDefinition, wallDay: number, timeZone: string): ShiftOccurrence {
  const startWall = wallDay + minutesOf(shift.start) * 60_000;
  const startsAt = wallToEpoch(startWall, timeZone);
  const endsAt = wallToEpoch(startWall + lengthOf(shift) * 60_000, timeZone);
  const d = new Date(wallDay);
  return { shift, day: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, startsAt, endsAt };
}

/** The shift running at `instant` in the station's zone (a plan that does not tile the day: the defaults). */
export function shiftAt(plan: readonly ShiftDefinition[], timeZone: string, instant: number): ShiftOccurrence {
  const usable = planProblem(plan) ? DEFAULT_SHIFTS : plan;
  const p = wallParts(instant, timeZone);
  const today = Date.UTC(p.year, p.month - 1, p.day);
  // Today's shifts and yesterday's (a night shift that began yesterday evening runs now).
  for (const wallDay of [today, today - 86_400_000]) {
    for (const shift of usable) {
      const o = occurrence(shift, wallDay, timeZone);
      if (o.startsAt <= instant && instant < o.endsAt) return o;
    }
  }
  // Only in a DST gap can no shift claim the instant: the one that started last before it.
  const candidates = usable.flatMap((shift) => [occurrence(shift, today, timeZone), occurrence(shift, today - 86_400_000, timeZone)]).filter((o) => o.startsAt <= instant);
  return candidates.sort((a, b) => b.startsAt - a.startsAt)[0]!;
}

/** The shift before `o` (the one a handover takes over from). */
export function previousShift(plan: readonly ShiftDefinition[], timeZone: string, o: ShiftOccurrence): ShiftOccurrence {
  return shiftAt(plan, timeZone, o.startsAt - 1);
}
