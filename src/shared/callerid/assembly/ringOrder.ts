// Which comes first on a line, caller ID or the first ring (P4; docs/callerid.md "Ring order"):
// Bellcore (NANP) lines send caller ID between the first and second ring; UK, French, Chinese and most ETSI
// lines before the first ring. The assembler uses it to flag call waiting (`noRing`).
// Numbers are not normalised here: E.164 has one owner, the directory's normalisePhone with the
// station's calling code.

/** ISO 3166 alpha-2 country of the line, or NANP for the +1 plan (US, CA and the rest). */
export type Region = string;

const NANP_COUNTRIES = new Set(['NANP', 'US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'JM', 'BS', 'BB', 'TT', 'DO']);

/** The line's configured country wins over what the family or frame hints; unknown: null. */
export function callerIdBeforeFirstRing(country: Region | null, hint: Region | null): boolean | null {
  const region = (country ?? hint)?.toUpperCase();
  if (!region) return null;
  return !NANP_COUNTRIES.has(region);
}
