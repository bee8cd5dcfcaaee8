import { validateUnit, type UnitProblem } from '../domain/units';
import { normalisePhone } from '../directory/phone/normalisePhone';
import type { PhoneContext, PhoneProblem } from '../directory/phone/phoneTypes';
import { TICKET_LIMITS, type LimitedField } from './ticketEvents';

// Intake form checks (R-RECORD: every request recorded at once, with the unit). Each problem
// is a code the UI translates; the form keeps what was typed.

export interface IntakeDraft {
  building: string;
  room: string;
  callerName: string;
  callerPhone: string;
  description: string;
}

export type IntakeField = 'building' | 'room' | 'callerName' | 'callerPhone' | 'description';

/** `over`: how many characters too long (U3: the message says which field and by how much). */
export type IntakeProblem =
  | { code: UnitProblem | PhoneProblem | 'descriptionMissing' }
  | { code: 'tooLong'; over: number };

export type IntakeProblems = Partial<Record<IntakeField, IntakeProblem>>;

/** How many characters `text` is over its field's limit (0 when it fits), as the payload schema counts. */
export function overLimit(field: LimitedField, text: string): number {
  return Math.max(0, text.trim().length - TICKET_LIMITS[field]);
}

/**
 * U13: the directory's check, with the station's country and area code, so a number refused
 * there is refused here too. A number prefilled from caller ID (`lineNumber`) is what the line
 * delivered, not a typo: it is kept even when it does not normalise (a carrier's short number).
 */
export function checkIntakePhone(text: string, context: PhoneContext, lineNumber = ''): { ok: true; stored: string } | { ok: false; problem: PhoneProblem } {
  const typed = text.trim();
  if (!typed) return { ok: true, stored: '' };
  if (lineNumber.trim() && typed === lineNumber.trim()) return { ok: true, stored: typed };
  const result = normalisePhone(typed, context);
  if (!result.ok) return result;
  const { e164, extension } = result.phone;
  // Stored as the directory stores it, so caller ID and queue search find the request by it.
  return { ok: true, stored: extension ? `${e164}转${extension}` : e164 };
}

export function validateIntake(draft: IntakeDraft, context: PhoneContext, lineNumber = ''): IntakeProblems {
  const problems: IntakeProblems = {};
  for (const problem of validateUnit({ building: draft.building, room: draft.room })) {
    if (problem.startsWith('building')) problems.building ??= { code: problem };
    else problems.room ??= { code: problem };
  }
  const phone = checkIntakePhone(draft.callerPhone, context, lineNumber);
  if (!phone.ok) problems.callerPhone = { code: phone.problem };
  if (!draft.description.trim()) problems.description = { code: 'descriptionMissing' };
  // Too long beats any other problem of the field: it is the one retrying cannot fix (U3).
  for (const field of ['building', 'room', 'callerName', 'callerPhone', 'description'] as const) {
    const over = overLimit(field, draft[field]);
    if (over > 0) problems[field] = { code: 'tooLong', over };
  }
  return problems;
}
