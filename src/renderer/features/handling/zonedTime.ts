// A step's time is typed as the station's wall clock (a desk in Shanghai reads Shanghai time even
// on a laptop set to another zone), as `YYYY-MM-DD HH:mm` on a 24-hour clock (a native
// datetime-local input follows the machine's locale, often with AM/PM): text ⇄ epoch ms.
import { wallText, wallToEpoch } from '@shared/time/zoneClock';

/** `YYYY-MM-DD HH:mm` of `epochMs` on the station's clock. */
export function toZonedInput(epochMs: number, timeZone: string): string {
  return wallText(epochMs, timeZone);
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
  return wallToEpoch(wall, timeZone);
}
