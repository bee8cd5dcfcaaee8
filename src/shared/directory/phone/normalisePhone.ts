// Phone numbers to E.164 with the station's country and area code (docs/callerid.md "Numbers for
// the lookup"). Chinese
// rules are written out (mobiles, trunk 0, local numbers); libphonenumber-js checks the
// result against the numbering plan so a typo is caught at entry, not at the next call.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { toHalfWidth } from '../../domain/units';
import { splitExtension } from './phoneExtension';
import type { PhoneContext, PhoneKind, PhoneResult } from './phoneTypes';

// After removing spacing and brackets: digits, with at most one leading `+`.
const ALLOWED = /^\+?\d*$/;
const SPACING = /[\s\-().]/g;
// CN mobiles: 11 digits, 1 then 3–9. Written out so a new prefix works before the metadata knows it.
const CN_MOBILE = /^1[3-9]\d{9}$/;
const MIN_DIGITS = 5;
const MAX_DIGITS = 15;

/** Normalises one typed or imported number; never throws. */
export function normalisePhone(input: string, context: PhoneContext): PhoneResult {
  const text = toHalfWidth(input.normalize('NFKC')).trim();
  if (!text) return { ok: false, problem: 'empty' };
  const { main, extension } = splitExtension(text);
  const compact = main.replace(SPACING, '');
  if (!ALLOWED.test(compact)) return { ok: false, problem: 'invalidCharacters' };
  const international = internationalDigits(compact, context);
  const digits = international ?? compact;
  if (digits.length < MIN_DIGITS) return { ok: false, problem: 'tooShort' };
  if (digits.length > MAX_DIGITS) return { ok: false, problem: 'tooLong' };

  const national = international === null ? nationalDigits(digits, context) : null;
  if (national === 'areaCodeMissing') return { ok: false, problem: national };
  // `+86 (0)755 …`: a trunk 0 written after the country code is not dialled.
  const full = national === null ? digits.replace(/^860/, '86') : context.countryCode + national;
  const kind = check(full);
  if (!kind) return { ok: false, problem: 'invalidNumber' };
  return { ok: true, kind, phone: extension ? { e164: `+${full}`, extension } : { e164: `+${full}` } };
}

/** The digits after `+`, `00` (ITU) or `011` (NANP), or null for a national number. */
function internationalDigits(compact: string, context: PhoneContext): string | null {
  if (compact.startsWith('+')) return compact.slice(1);
  if (compact.startsWith('00')) return compact.slice(2);
  if (context.countryCode === '1' && compact.startsWith('011')) return compact.slice(3);
  return null;
}

/** The national significant number of a number dialled without a country code. */
function nationalDigits(digits: string, context: PhoneContext): string | 'areaCodeMissing' {
  // Trunk 0: `0755 8888 1234` is national; drop the 0 (CN, and the other trunk-0 countries).
  if (digits.startsWith('0')) return digits.slice(1);
  if (context.countryCode === '86' && CN_MOBILE.test(digits)) return digits;
  // NANP: 11 digits starting with the country code 1.
  if (context.countryCode === '1' && digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  // A local number (7–8 digits in China) is dialled without the area code: prefix the station's.
  if (digits.length <= 8) return context.areaCode ? context.areaCode + digits : 'areaCodeMissing';
  // Longer numbers are the area code plus subscriber number, written without the trunk 0.
  return digits;
}

function check(full: string): PhoneKind | null {
  if (full.startsWith('86') && CN_MOBILE.test(full.slice(2))) return 'mobile';
  const parsed = parsePhoneNumberFromString(`+${full}`);
  if (!parsed?.isValid()) return null;
  const type = parsed.getType();
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') return 'landline';
  return 'other';
}
