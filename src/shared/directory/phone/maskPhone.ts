// R-CONFIDENTIAL: staff without `phone.unmask` see numbers masked. Enough stays visible to tell
// two numbers of one household apart (the last four digits), never enough to dial.
import { phoneParts } from './formatPhone';
import type { PhoneContext } from './phoneTypes';

const VISIBLE_TAIL = 4;

/** `138****8000` for a mobile, `0755-****1234` for a landline, `+852 ****4567` abroad. */
export function maskPhone(e164: string, context: PhoneContext): string {
  const { prefix, subscriber, separator } = phoneParts(e164, context);
  const masked = prefix ? maskKeepingTail(subscriber) : maskKeepingHeadAndTail(subscriber);
  return prefix ? `${prefix}${separator}${masked}` : masked;
}

function maskKeepingTail(digits: string): string {
  const hidden = digits.length - Math.min(VISIBLE_TAIL, Math.floor(digits.length / 2));
  return '*'.repeat(hidden) + digits.slice(hidden);
}

// A mobile shows its network prefix (138) too, as Chinese services customarily print it.
function maskKeepingHeadAndTail(digits: string): string {
  if (digits.length < 10) return maskKeepingTail(digits);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 3 - VISIBLE_TAIL)}${digits.slice(-VISIBLE_TAIL)}`;
}
