// A step's time is typed as the station's wall clock (a desk in Shanghai reads Shanghai time even
// on a laptop set to another zone), as `YYYY-MM-DD HH:mm` on a 24-hour clock (a native
// datetime-local input follows the machine's locale, often with AM/PM): text ⇄ epoch ms.

function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (epochMs - (epochMs % 1000));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` of `epochMs` on the station's clock. */
export function toZonedInput(epochMs: number, timeZone: string): string {
  const d = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The epoch ms of a station wall-clock text (null when it is not a date-time). */
export function fromZonedInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2026-02-30 over into March: a date that does not exist is not a date.
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  // Twice: the offset at the guess may differ from the one at the answer around a DST change.
  let epoch = wall - zoneOffsetMs(wall, timeZone);
  epoch = wall - zoneOffsetMs(epoch, timeZone);
  return epoch;
}
