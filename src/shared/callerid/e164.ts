// E.164 for a caller-ID number, filled only when the country is certain (README "JSON
// conventions"; FORMATS.md §12). The site's configured country wins; without one, a few
// families and frames say where the line is (the region hint), and otherwise a number without
// a + stays without an e164: the directory lookup normalises with the site settings anyway.

/** ISO 3166 alpha-2 country of the line, or NANP for the +1 plan (US, CA and the rest). */
export type Region = string;

export interface DialingSite {
  /** ISO 3166 alpha-2, e.g. 'CN', 'US', 'GB'. */
  country: string;
  /** Area code without the trunk 0, for local numbers sent without it (P9). */
  areaCode?: string;
}

const NANP_COUNTRIES = new Set(['NANP', 'US', 'CA', 'PR', 'GU', 'VI', 'AS', 'MP', 'JM', 'BS', 'BB', 'TT', 'DO']);

// Countries with a national trunk prefix 0 (§12 "Trunk-0 countries").
const TRUNK0_CODES: Record<string, string> = {
  CN: '86', GB: '44', FR: '33', AU: '61', DE: '49', IT: '39', NL: '31', BE: '32', SE: '46',
  DK: '45', FI: '358', IE: '353', TR: '90', NZ: '64', IN: '91', TW: '886', HK: '852', JP: '81',
  KR: '82', BR: '55', SA: '966', ZA: '27', CH: '41', AT: '43', ES: '34', PT: '351', RU: '7',
};

const NANP_10 = /^[2-9]\d\d[2-9]\d{6}$/;

function nanp(digits: string, areaCode: string | undefined): string | null {
  if (digits.startsWith('011') && digits.length > 8) return `+${digits.slice(3)}`;
  if (NANP_10.test(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1') && NANP_10.test(digits.slice(1))) return `+${digits}`;
  if (digits.length === 7 && areaCode && NANP_10.test(areaCode + digits)) return `+1${areaCode}${digits}`;
  return null;
}

function trunk0(digits: string, cc: string, country: string, areaCode: string | undefined): string | null {
  if (digits.startsWith('00') && digits.length > 8) return `+${digits.slice(2)}`;
  if (digits.startsWith('0') && digits.length >= 9) return `+${cc}${digits.slice(1)}`;
  if (country === 'CN' && /^1[3-9]\d{9}$/.test(digits)) return `+86${digits}`;
  if (areaCode && digits.length >= 5 && digits.length <= 8 && !digits.startsWith('0')) {
    return `+${cc}${areaCode}${digits}`;
  }
  return null;
}

/**
 * Bellcore (NANP) lines send caller ID between the first and second ring; UK, French, Chinese
 * and most ETSI lines send it before the first ring (FORMATS.md §0.3, P4). Unknown: null.
 */
export function callerIdBeforeFirstRing(site: DialingSite | null, hint: Region | null): boolean | null {
  const country = (site?.country ?? hint)?.toUpperCase();
  if (!country) return null;
  return !NANP_COUNTRIES.has(country);
}

/** `number` is digits with an optional leading +, as on a call event. */
export function toE164(number: string | null, site: DialingSite | null, hint: Region | null): string | null {
  if (number === null || !/^\+?\d{3,}$/.test(number)) return null;
  if (number.startsWith('+')) return number.length >= 8 ? number : null;
  if (/^0+$/.test(number)) return null;
  const country = (site?.country ?? hint ?? '').toUpperCase();
  const areaCode = site?.areaCode?.replace(/^0/, '');
  if (NANP_COUNTRIES.has(country)) return nanp(number, areaCode);
  const cc = TRUNK0_CODES[country];
  return cc ? trunk0(number, cc, country, areaCode) : null;
}
