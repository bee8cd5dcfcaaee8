// Dates and times in the station's time zone, always on a 24-hour clock, as the desk reads them.

export function formatDateTime(epochMs: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).format(epochMs);
}

export function formatTime(epochMs: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(epochMs);
}

export type AgeUnit = 'minutes' | 'hours' | 'days';

export function ageParts(fromMs: number, nowMs: number): { unit: AgeUnit; count: number } {
  const minutes = Math.max(0, Math.floor((nowMs - fromMs) / 60_000));
  if (minutes < 60) return { unit: 'minutes', count: minutes };
  if (minutes < 48 * 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'days', count: Math.floor(minutes / 1440) };
}
