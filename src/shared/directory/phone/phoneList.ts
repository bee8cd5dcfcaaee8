// A spreadsheet cell or a form field may hold several numbers: `13800138000/0755-88881234`.
import { toHalfWidth } from '../../domain/units';
import { normalisePhone } from './normalisePhone';
import type { PhoneContext, PhoneNumber, PhoneProblem } from './phoneTypes';

const SEPARATORS = /[;；,，、/\n\r|]+/u;

export interface PhoneListResult {
  phones: PhoneNumber[];
  problems: { text: string; problem: PhoneProblem }[];
}

export function splitPhoneText(text: string): string[] {
  return toHalfWidth(text).split(SEPARATORS).map((part) => part.trim()).filter(Boolean);
}

/** Every number in the text, normalised and without duplicates, and each part that failed. */
export function parsePhoneList(text: string, context: PhoneContext): PhoneListResult {
  const result: PhoneListResult = { phones: [], problems: [] };
  for (const part of splitPhoneText(text)) {
    const parsed = normalisePhone(part, context);
    if (!parsed.ok) result.problems.push({ text: part, problem: parsed.problem });
    else if (!result.phones.some((p) => samePhone(p, parsed.phone))) result.phones.push(parsed.phone);
  }
  return result;
}

export function samePhone(a: PhoneNumber, b: PhoneNumber): boolean {
  return a.e164 === b.e164 && (a.extension ?? '') === (b.extension ?? '');
}
