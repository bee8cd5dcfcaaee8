import { wallParts, wallToEpoch } from '../time/zoneClock';

// A register's date range, in calendar days of the station's time zone (the paper form's
// dates), as the half-open span of instants the `[kind+receivedAt]` index is read over.

/** A calendar day as an `<input type="date">` holds it: `2026-12-06`. */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The day an instant falls on in the station's time zone. */
export function dayOf(epochMs: number, timeZone: string): Day {
  const p = wallParts(epochMs, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The day after (calendar arithmetic, no time zone involved). */
export function nextDay(day: Day): Day {
  const m = DAY.exec(day)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1)).toISOString().slice(0, 10);
}

/** The first instant of `day` in the time zone (midnight; where a zone skips midnight, the first wall time after it). */
export function dayStart(day: Day, timeZone: string): number {
  const m = DAY.exec(day)!;
  return wallToEpoch(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])), timeZone);
}

export interface DayRange {
  from: Day;
  to: Day;
}

/** `[start, end)` of the days `from`..`to` inclusive; `to` before `from` reads as the one day `from`. */
export function rangeSpan(range: DayRange, timeZone: string): { start: number; end: number } {
  const to = range.to < range.from ? range.from : range.to;
  return { start: dayStart(range.from, timeZone), end: dayStart(nextDay(to), timeZone) };
}
