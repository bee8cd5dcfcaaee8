import { validateUnit, type UnitProblem } from '../domain/units';
import type { RequestKind } from '../domain/requestKinds';
import { normalisePhone } from '../directory/phone/normalisePhone';
import type { PhoneContext, PhoneProblem } from '../directory/phone/phoneTypes';
import { TICKET_LIMITS, type LimitedField } from './ticketEvents';

// Intake form checks (R-RECORD: every request recorded at once, with where it is). Each problem
// is a code the UI translates; the form keeps what was typed.

export interface IntakeDraft {
  building: string;
  room: string;
  callerName: string;
  callerPhone: string;
  description: string;
  /** A unit (building and room), or a place without a room (a common area or as typed). Unit when absent. */
  where?: 'unit' | 'place';
  place?: string;
  kind?: RequestKind;
  reportedTo?: string;
  faultLocation?: string;
  accessTime?: string;
  /** 补单: the received time set back, epoch ms (null: not a complete date-time), and why. */
  backfill?: { at: number | null; reason: string };
  /** When an incident happened, epoch ms (null: not a complete date-time); absent: when it was received. */
  happenedAt?: number | null;
}

export type IntakeField =
  | 'building' | 'room' | 'place' | 'callerName' | 'callerPhone' | 'description'
  | 'backfillAt' | 'backfillReason' | 'happenedAt' | 'reportedTo' | 'faultLocation' | 'accessTime';

/** `over`: how many characters too long (U3: the message says which field and by how much). */
export type IntakeProblem =
  | { code: UnitProblem | PhoneProblem | 'descriptionMissing' | 'placeMissing' | 'phoneMissing' | 'timeMissing' | 'timeInFuture' | 'reasonMissing' }
  | { code: 'tooLong'; over: number };

export type IntakeProblems = Partial<Record<IntakeField, IntakeProblem>>;

/** The payload limit each limited text field of the form is checked against. */
const LIMITED: [IntakeField, LimitedField, (d: IntakeDraft) => string][] = [
  ['building', 'building', (d) => (d.where === 'place' ? '' : d.building)],
  ['room', 'room', (d) => (d.where === 'place' ? '' : d.room)],
  ['place', 'place', (d) => (d.where === 'place' ? (d.place ?? '') : '')],
  ['callerName', 'callerName', (d) => d.callerName],
  ['callerPhone', 'callerPhone', (d) => d.callerPhone],
  ['description', 'description', (d) => d.description],
  ['backfillReason', 'reason', (d) => d.backfill?.reason ?? ''],
  ['reportedTo', 'reportedTo', (d) => d.reportedTo ?? ''],
  ['faultLocation', 'faultLocation', (d) => (d.kind === 'repair' ? (d.faultLocation ?? '') : '')],
  ['accessTime', 'accessTime', (d) => (d.kind === 'repair' ? (d.accessTime ?? '') : '')],
];

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

/** A time typed on the form: complete, and not later than now. */
function timeProblem(at: number | null, now: number): IntakeProblem | null {
  if (at === null) return { code: 'timeMissing' };
  return at > now ? { code: 'timeInFuture' } : null;
}

export function validateIntake(draft: IntakeDraft, context: PhoneContext, lineNumber = '', now = Date.now()): IntakeProblems {
  const problems: IntakeProblems = {};
  if (draft.where === 'place') {
    // A place without a room: staff and patrol reports, incidents in common areas.
    if (!draft.place?.trim()) problems.place = { code: 'placeMissing' };
  } else {
    for (const problem of validateUnit({ building: draft.building, room: draft.room })) {
      if (problem.startsWith('building')) problems.building ??= { code: problem };
      else problems.room ??= { code: problem };
    }
  }
  const phone = checkIntakePhone(draft.callerPhone, context, lineNumber);
  if (!phone.ok) problems.callerPhone = { code: phone.problem };
  // R-MEDICAL-REPORT: address and phone first; an ambulance or a guard cannot call back without it.
  else if (draft.kind === 'medical' && !draft.callerPhone.trim()) problems.callerPhone = { code: 'phoneMissing' };
  if (!draft.description.trim()) problems.description = { code: 'descriptionMissing' };
  if (draft.backfill) {
    // 补单 (R-NIGHT-TRANSFER): set back with a reason, never into the future.
    const at = timeProblem(draft.backfill.at, now);
    if (at) problems.backfillAt = at;
    if (!draft.backfill.reason.trim()) problems.backfillReason = { code: 'reasonMissing' };
  }
  const incident = draft.kind === 'security' || draft.kind === 'disaster';
  if (incident && draft.happenedAt !== undefined) {
    const happened = timeProblem(draft.happenedAt, now);
    if (happened) problems.happenedAt = happened;
  }
  // Too long beats any other problem of the field: it is the one retrying cannot fix (U3).
  for (const [field, limit, text] of LIMITED) {
    const over = overLimit(limit, text(draft));
    if (over > 0) problems[field] = { code: 'tooLong', over };
  }
  return problems;
}
