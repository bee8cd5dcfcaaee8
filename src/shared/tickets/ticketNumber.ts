// Human ticket numbers carry the station's short code, so stations working offline never
// collide even though each counts its own day: `FD-20261122-007`.

export const STATION_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,5}$/;

export function ticketNumber(stationCode: string, day: string, sequence: number): string {
  return `${stationCode}-${day}-${String(sequence).padStart(3, '0')}`;
}

// Building a formatter costs far more than using one (every save asks for the day).
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar day, `YYYYMMDD`, of an instant in the station's time zone. */
export function stationDay(epochMs: number, timeZone: string): string {
  const parts = dayFormat(timeZone).formatToParts(epochMs);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}
