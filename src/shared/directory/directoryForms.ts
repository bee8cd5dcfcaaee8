// Checks of the add/edit forms, as problem codes the screen translates. The form keeps what
// was typed; only a clean check turns into an event payload.
import { normaliseBuilding, normaliseRoom, validateUnit, type UnitProblem } from '../domain/units';
import type { Relation, ResidentAddedPayload, UnitAddedPayload } from './directoryEvents';
import { normalisePhone } from './phone/normalisePhone';
import { samePhone } from './phone/phoneList';
import type { PhoneContext, PhoneNumber, PhoneProblem } from './phone/phoneTypes';

const MAX_NOTES = 500;
const MAX_NAME = 40;
export const MAX_PHONES = 10;

export interface UnitFormValues {
  building: string;
  room: string;
  floor: string;
  notes: string;
}

export type UnitFormProblem = UnitProblem | 'floorInvalid' | 'notesTooLong';
export type FormCheck<V, P, R> = { ok: true; value: R } | { ok: false; errors: Partial<Record<keyof V, P>> };

export function parseFloor(text: string): number | null | 'invalid' {
  const cleaned = text.trim().replace(/[层楼]$/u, '').replace(/^[bB]/, '-');
  if (!cleaned) return null;
  const n = Number(cleaned);
  return Number.isInteger(n) && n >= -9 && n <= 300 ? n : 'invalid';
}

export function checkUnitForm(values: UnitFormValues): FormCheck<UnitFormValues, UnitFormProblem, UnitAddedPayload> {
  const errors: Partial<Record<keyof UnitFormValues, UnitFormProblem>> = {};
  for (const problem of validateUnit(values)) errors[problem.startsWith('building') ? 'building' : 'room'] ??= problem;
  const floor = parseFloor(values.floor);
  if (floor === 'invalid') errors.floor = 'floorInvalid';
  if ([...values.notes.trim()].length > MAX_NOTES) errors.notes = 'notesTooLong';
  if (Object.keys(errors).length > 0 || floor === 'invalid') return { ok: false, errors };
  return { ok: true, value: { building: normaliseBuilding(values.building), room: normaliseRoom(values.room), floor, notes: values.notes.trim() } };
}

export interface ResidentFormValues {
  name: string;
  relation: Relation;
  phones: PhoneNumber[];
  /** A number typed but not yet added to the list. */
  newPhone: string;
  notes: string;
}

export type ResidentFormProblem = 'nameMissing' | 'nameTooLong' | 'notesTooLong' | 'tooManyPhones' | 'phoneDuplicate' | PhoneProblem;

/** Adds the typed number to the list, or says why not. */
export function addPhone(phones: readonly PhoneNumber[], text: string, context: PhoneContext): { ok: true; phones: PhoneNumber[] } | { ok: false; problem: ResidentFormProblem } {
  const parsed = normalisePhone(text, context);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (phones.some((p) => samePhone(p, parsed.phone))) return { ok: false, problem: 'phoneDuplicate' };
  if (phones.length >= MAX_PHONES) return { ok: false, problem: 'tooManyPhones' };
  return { ok: true, phones: [...phones, parsed.phone] };
}

export function checkResidentForm(values: ResidentFormValues, unitId: string, context: PhoneContext): FormCheck<ResidentFormValues, ResidentFormProblem, ResidentAddedPayload> {
  const errors: Partial<Record<keyof ResidentFormValues, ResidentFormProblem>> = {};
  const name = values.name.trim().replace(/\s+/gu, ' ');
  if (!name) errors.name = 'nameMissing';
  else if ([...name].length > MAX_NAME) errors.name = 'nameTooLong';
  if ([...values.notes.trim()].length > MAX_NOTES) errors.notes = 'notesTooLong';
  let phones = values.phones;
  // A number left in the input counts as added, so "type and press Save" does what staff expect.
  if (values.newPhone.trim()) {
    const added = addPhone(phones, values.newPhone, context);
    if (added.ok) phones = added.phones;
    else errors.newPhone = added.problem;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { unitId, name, relation: values.relation, phones, notes: values.notes.trim() } };
}
