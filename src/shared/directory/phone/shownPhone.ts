// R-CONFIDENTIAL (S6): the one way a resident's number is shown. Every screen that shows a
// number (call panel, intake, ticket, call log, directory) goes through this helper, through
// the renderer's <PhoneNumber>, so a role without `phone.unmask` never sees one in full.
import { formatPhone } from './formatPhone';
import { maskPhone } from './maskPhone';
import { normalisePhone } from './normalisePhone';
import type { PhoneContext } from './phoneTypes';

export interface ShownPhone {
  /** What to print: formatted in full, or masked. '' for no number. */
  number: string;
  /** Shown only in full: an extension says nothing without the number. */
  extension?: string;
  masked: boolean;
}

const VISIBLE_TAIL = 4;

/**
 * `phone` as stored: E.164 from the directory or caller ID, or as typed on a request. A number
 * that cannot be read is shown as typed to a role that may see it, and to any other role as
 * stars with at most its last four digits (half of a short one).
 */
export function shownPhone(phone: string, canUnmask: boolean, context: PhoneContext): ShownPhone {
  const text = phone.trim();
  if (!text) return { number: '', masked: false };
  const parsed = normalisePhone(text, context);
  if (!parsed.ok) return canUnmask ? { number: text, masked: false } : { number: maskDigits(text), masked: true };
  const { e164, extension } = parsed.phone;
  if (!canUnmask) return { number: maskPhone(e164, context), masked: true };
  return extension ? { number: formatPhone(e164, context), extension, masked: false } : { number: formatPhone(e164, context), masked: false };
}

/** Every digit but the tail becomes `*`; anything else typed around them is dropped. */
export function maskDigits(text: string): string {
  const digits = text.normalize('NFKC').replace(/\D/g, '');
  if (!digits) return '***';
  const visible = Math.min(VISIBLE_TAIL, Math.floor(digits.length / 2));
  return '*'.repeat(digits.length - visible) + digits.slice(digits.length - visible);
}
