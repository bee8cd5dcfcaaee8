// Until shifts are recorded by the handover, a shift is a half day in the station's time zone:
// the day shift from 08:00, the night shift from 20:00 (when the phone goes to the control room).

const DAY_SHIFT_HOUR = 8;
const NIGHT_SHIFT_HOUR = 20;

function hourAndMinutes(epochMs: number, timeZone: string): { hour: number; minuteMs: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { hour: get('hour'), minuteMs: (get('minute') * 60 + get('second')) * 1000 + (epochMs % 1000) };
}

export function shiftStart(now: number, timeZone: string): number {
  const { hour, minuteMs } = hourAndMinutes(now, timeZone);
  const start = hour >= NIGHT_SHIFT_HOUR ? NIGHT_SHIFT_HOUR : hour >= DAY_SHIFT_HOUR ? DAY_SHIFT_HOUR : NIGHT_SHIFT_HOUR - 24;
  return now - minuteMs - (hour - start) * 3_600_000;
}
