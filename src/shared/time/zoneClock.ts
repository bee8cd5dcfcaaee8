// A time zone's wall clock ⇄ instants (epoch ms), for what the desk shows and takes in the
// station's zone (a desk in Shanghai reads Shanghai time even on a laptop set to another zone).
// One formatter per zone, kept: building one costs far more than using it.

export interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  return format;
}

/** What the zone's wall clock reads at an instant. */
export function wallParts(epochMs: number, timeZone: string): WallParts {
  const out: Record<string, number> = {};
  for (const p of wallClock(timeZone).formatToParts(epochMs)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

/** How far the zone's wall clock is ahead of UTC at an instant (ms). */
export function zoneOffsetAt(epochMs: number, timeZone: string): number {
  const p = wallParts(epochMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time has in the zone, the wall time given as `Date.UTC` of its fields.
 * Twice: the offset at the first guess may differ from the one at the answer (a DST change).
 */
export function wallToEpoch(wall: number, timeZone: string): number {
  const first = wall - zoneOffsetAt(wall, timeZone);
  return wall - zoneOffsetAt(first, timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` on the zone's 24-hour clock. */
export function wallText(epochMs: number, timeZone: string): string {
  const p = wallParts(epochMs, timeZone);
  return `${String(p.year).padStart(4, '0')}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
