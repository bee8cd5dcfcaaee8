// How a stored number is shown. Numbers of the station's own country are shown the way staff
// dial them (13800138000, 0755-88881234); others in international form.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PhoneContext } from './phoneTypes';

/** The parts of a number as shown: an optional prefix group (area code) and the rest. */
export interface PhoneParts {
  prefix: string;
  subscriber: string;
  separator: string;
}

export function phoneParts(e164: string, context: PhoneContext): PhoneParts {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return { prefix: '', subscriber: e164, separator: '' };
  if (parsed.countryCallingCode !== context.countryCode) {
    const [code, ...rest] = parsed.formatInternational().split(' ');
    return { prefix: code ?? '', subscriber: rest.join(''), separator: ' ' };
  }
  const type = parsed.getType();
  if (type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE') {
    // formatNational puts the area code (with its trunk 0) in the first group: `0755 8888 1234`.
    const [area, ...rest] = parsed.formatNational().split(' ');
    if (rest.length > 0) return { prefix: area ?? '', subscriber: rest.join(''), separator: '-' };
  }
  return { prefix: '', subscriber: parsed.formatNational().replace(/\D/g, ''), separator: '' };
}

/** `13800138000`, `0755-88881234`, `+852 21234567`; the extension is shown by the caller. */
export function formatPhone(e164: string, context: PhoneContext): string {
  const { prefix, subscriber, separator } = phoneParts(e164, context);
  return prefix ? `${prefix}${separator}${subscriber}` : subscriber;
}
