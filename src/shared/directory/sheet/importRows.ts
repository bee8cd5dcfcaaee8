// One spreadsheet row to a checked resident, or the reasons it cannot be imported. Every
// problem names its column and carries an i18n key, never an English sentence.
import { parseUnitText, validateUnit, normaliseBuilding, normaliseRoom, type UnitRef, type UnitProblem } from '../../domain/units';
import type { Relation } from '../directoryEvents';
import { parsePhoneList } from '../phone/phoneList';
import type { PhoneContext, PhoneNumber, PhoneProblem } from '../phone/phoneTypes';
import type { HeaderMap, ImportField } from './importHeaders';
import { readRelation } from './relationWords';

export type RowProblemCode = UnitProblem | 'unitUnreadable' | 'nameMissing' | 'nameTooLong' | 'relationUnknown' | 'phoneInvalid' | 'tooManyPhones' | 'notesTooLong' | 'floorInvalid' | 'duplicateRow';

export interface RowProblem {
  field: ImportField;
  code: RowProblemCode;
  /** The cell text, so the message can quote what was wrong. */
  value: string;
  phoneProblem?: PhoneProblem;
}

export interface ImportResident {
  unit: UnitRef;
  floor: number | null;
  unitNotes: string | null;
  /** '' for a unit's own row: no name, number, relation or notes (U17: export writes units nobody lives in). */
  name: string;
  /** null when the cell is empty: a new resident is then an owner (the list is of owners first), an existing one keeps theirs. */
  relation: Relation | null;
  phones: PhoneNumber[];
  notes: string | null;
}

export interface ImportRow {
  /** As the spreadsheet numbers it (the header is usually row 1). */
  rowNumber: number;
  cells: string[];
  resident: ImportResident | null;
  problems: RowProblem[];
}

const MAX_NAME = 40;
const MAX_NOTES = 500;
const MAX_PHONES = 10;

export function readRow(cells: readonly string[], rowNumber: number, map: HeaderMap, context: PhoneContext): ImportRow {
  const cell = (field: Exclude<ImportField, 'phone'>) => {
    const index = map.columns[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const problems: RowProblem[] = [];
  const unit = readUnit(cell('unit'), cell('building'), cell('room'), problems);

  const name = cell('name').replace(/\s+/gu, ' ');
  const unitOnly = !name && !cell('relation') && !cell('notes') && map.phoneColumns.every((i) => !(cells[i] ?? '').trim());
  if (!name && !unitOnly) problems.push({ field: 'name', code: 'nameMissing', value: '' });
  else if ([...name].length > MAX_NAME) problems.push({ field: 'name', code: 'nameTooLong', value: name });

  const relationText = cell('relation');
  const relation = relationText ? readRelation(relationText) : null;
  if (relationText && !relation) problems.push({ field: 'relation', code: 'relationUnknown', value: relationText });

  const phones: PhoneNumber[] = [];
  for (const index of map.phoneColumns) {
    const parsed = parsePhoneList(cells[index] ?? '', context);
    for (const bad of parsed.problems) problems.push({ field: 'phone', code: 'phoneInvalid', value: bad.text, phoneProblem: bad.problem });
    for (const phone of parsed.phones) if (!phones.some((p) => p.e164 === phone.e164 && p.extension === phone.extension)) phones.push(phone);
  }
  if (phones.length > MAX_PHONES) problems.push({ field: 'phone', code: 'tooManyPhones', value: String(phones.length) });

  const floorText = cell('floor');
  const floor = readFloor(floorText, unit);
  if (floor === 'invalid') problems.push({ field: 'floor', code: 'floorInvalid', value: floorText });

  const notes = cell('notes');
  const unitNotes = cell('unitNotes');
  if ([...notes].length > MAX_NOTES) problems.push({ field: 'notes', code: 'notesTooLong', value: notes.slice(0, 20) });
  if ([...unitNotes].length > MAX_NOTES) problems.push({ field: 'unitNotes', code: 'notesTooLong', value: unitNotes.slice(0, 20) });

  const ok = problems.length === 0 && unit && floor !== 'invalid';
  return {
    rowNumber,
    cells: [...cells],
    problems,
    // An empty notes cell leaves what the directory already has (the list may be partial).
    resident: ok ? { unit, floor, unitNotes: unitNotes || null, name, relation, phones, notes: notes || null } : null,
  };
}

function readUnit(unitText: string, building: string, room: string, problems: RowProblem[]): UnitRef | null {
  if (unitText && !building && !room) {
    const unit = parseUnitText(unitText);
    if (!unit) problems.push({ field: 'unit', code: 'unitUnreadable', value: unitText });
    return unit;
  }
  const ref = { building, room };
  const unitProblems = validateUnit(ref);
  for (const code of unitProblems) {
    problems.push({ field: code.startsWith('building') ? 'building' : 'room', code, value: code.startsWith('building') ? building : room });
  }
  return unitProblems.length === 0 ? { building: normaliseBuilding(building), room: normaliseRoom(room) } : null;
}

/** The floor cell, or the floor read from a room number like 1502 (15th floor) when empty. */
function readFloor(text: string, unit: UnitRef | null): number | null | 'invalid' {
  const cleaned = text.replace(/[层楼fF]$/u, '').trim();
  if (cleaned) {
    const n = Number(cleaned.replace(/^[bB]/, '-'));
    return Number.isInteger(n) && n >= -9 && n <= 300 ? n : 'invalid';
  }
  return unit ? floorFromRoom(unit.room) : null;
}

export function floorFromRoom(room: string): number | null {
  return /^\d{3,4}$/.test(room) ? Math.floor(Number(room) / 100) : null;
}
