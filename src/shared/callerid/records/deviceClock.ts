// Device date and time, for information only: there is no year, Whozz clocks read 00/00 after a
// power loss, and manuals print hour 24 or TIME = 12541 (P17). Kept as printed, never validated,
// never used to stamp a call (the host clock does that).

/** `MMDD` → `MM-DD`; `YYMMDD` (some modems print DATE = 990305) → `MM-DD`; anything else → null. */
export function monthDay(text: string | undefined | null): string | null {
  const t = text?.trim() ?? '';
  if (/^\d{4}$/.test(t)) return `${t.slice(0, 2)}-${t.slice(2)}`;
  if (/^\d{6}$/.test(t)) return `${t.slice(2, 4)}-${t.slice(4)}`;
  return null;
}

/** `HHMM` → `HH:MM`, the hour kept even when it is 24; anything else → null. */
export function hourMinute(text: string | undefined | null): string | null {
  const t = text?.trim() ?? '';
  return /^\d{4}$/.test(t) ? `${t.slice(0, 2)}:${t.slice(2)}` : null;
}

/** `m/dd` or `mm/dd` (Whozz, TCI) → `MM-DD`. */
export function slashDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\s*$/.exec(text);
  return m ? `${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}` : null;
}

/** `h:mm AM` / `hh:mm PM` → 24 h `HH:MM` (12:11 AM → 00:11). */
export function clock12(hm: string, meridiem: string): string | null {
  const m = /^\s*(\d{1,2}):(\d\d)\s*$/.exec(hm);
  if (!m) return null;
  const hour = Number(m[1]) % 12 + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  return `${String(hour).padStart(2, '0')}:${m[2]}`;
}

/** `MMDDhhmm` as sent in SDMF/MDMF parameter 0x01 and by the Chinese boxes. */
export function splitDateTime(eight: string): { deviceDate: string | null; deviceTime: string | null } {
  if (!/^\d{8}$/.test(eight)) return { deviceDate: null, deviceTime: null };
  return { deviceDate: monthDay(eight.slice(0, 4)), deviceTime: hourMinute(eight.slice(4)) };
}
