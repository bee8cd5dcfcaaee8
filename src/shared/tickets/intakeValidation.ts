import { validateUnit, type UnitProblem } from '../domain/units';
import { toHalfWidth } from '../domain/units';

// Intake form checks (R-RECORD: every request recorded at once, with the unit). Each problem
// is a code the UI translates; the form keeps what was typed.

export interface IntakeDraft {
  building: string;
  room: string;
  callerPhone: string;
  description: string;
}

export type IntakeProblems = Partial<Record<'building' | 'room' | 'callerPhone' | 'description', UnitProblem | 'phoneInvalid' | 'descriptionMissing'>>;

const PHONE_SHAPE = /^\+?\d{3,20}(?:(?:转|ext\.?|x|#)\d{1,6})?$/i;

export function isPlausiblePhone(text: string): boolean {
  const compact = toHalfWidth(text).replace(/[\s\-()（）]/g, '');
  return PHONE_SHAPE.test(compact);
}

export function validateIntake(draft: IntakeDraft): IntakeProblems {
  const problems: IntakeProblems = {};
  for (const problem of validateUnit({ building: draft.building, room: draft.room })) {
    if (problem.startsWith('building')) problems.building ??= problem;
    else problems.room ??= problem;
  }
  if (draft.callerPhone.trim() && !isPlausiblePhone(draft.callerPhone)) problems.callerPhone = 'phoneInvalid';
  if (!draft.description.trim()) problems.description = 'descriptionMissing';
  return problems;
}
