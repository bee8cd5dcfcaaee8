// A register's date range, in calendar days of the station's time zone (the paper form's
// dates), as the half-open span of instants the `[kind+receivedAt]` index is read over.

/** A calendar day as an `<input type="date">` holds it: `2026-12-06`. */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

function parts(epochMs: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(epochMs)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** How far the zone's wall clock is ahead of UTC at an instant (ms). */
function offsetAt(epochMs: number, timeZone: string): number {
  const p = parts(epochMs, timeZone);
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return wall - Math.floor(epochMs / 1000) * 1000;
}

export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The day an instant falls on in the station's time zone. */
export function dayOf(epochMs: number, timeZone: string): Day {
  const p = parts(epochMs, timeZone);
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
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Twice: the offset at the first guess may differ from the offset at the answer (a DST change that day).
  const first = wall - offsetAt(wall, timeZone);
  return wall - offsetAt(first, timeZone);
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
