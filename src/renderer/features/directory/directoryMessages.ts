// Problem codes from shared/directory to translated messages, in one place so every form and
// the import wizard say the same thing for the same problem.
import type { TFunction } from 'i18next';
import type { ResidentFormProblem, UnitFormProblem } from '@shared/directory/directoryForms';
import { PHONE_PROBLEMS, type PhoneProblem } from '@shared/directory/phone/phoneTypes';
import type { RowProblem } from '@shared/directory/sheet/importRows';

export function unitFormMessage(t: TFunction, code: UnitFormProblem): string {
  if (code === 'floorInvalid' || code === 'notesTooLong') return t(`directory.unit.${code}`);
  return t(`directory.unitProblem.${code}`);
}

function isPhoneProblem(code: string): code is PhoneProblem {
  return (PHONE_PROBLEMS as readonly string[]).includes(code);
}

export function residentFormMessage(t: TFunction, code: ResidentFormProblem): string {
  if (isPhoneProblem(code)) return t(`directory.phoneProblem.${code}`);
  return t(`directory.resident.${code}`);
}

export function rowProblemMessage(t: TFunction, problem: RowProblem): string {
  const reason = problem.phoneProblem ? t(`directory.phoneProblem.${problem.phoneProblem}`) : '';
  return t(`directory.import.rowProblem.${problem.code}`, { value: problem.value, reason });
}

/** Translated errors for a Mantine form, keeping the form's own field names. */
export function formErrors<F extends string, P>(errors: Partial<Record<F, P>>, message: (code: P) => string): Partial<Record<F, string>> {
  const out: Partial<Record<F, string>> = {};
  for (const [field, code] of Object.entries(errors) as [F, P | undefined][]) if (code !== undefined) out[field] = message(code);
  return out;
}
