// Turns a checked preview into events. "Nothing imported when the file has errors unless the
// user chooses to import only the valid rows": mode `all` refuses a preview with any bad row.
// Existing units and residents are updated, not duplicated: a unit by its key, a resident by
// name within the unit. Empty cells leave what the directory has. U2: a row with fewer numbers
// than the directory keeps the others (merge) unless the user chose `replace` for that row; the
// preview lists what `replace` would remove (phoneRemovals). A row with no name is a unit's own
// row (export writes units nobody lives in, U17): it changes the unit only.
import type { EventDraft } from '../../events/envelope';
import { streams } from '../../events/envelope';
import { RESIDENT_ADDED, RESIDENT_UPDATED, UNIT_ADDED, UNIT_UPDATED, type ResidentUpdatedPayload, type UnitUpdatedPayload } from '../directoryEvents';
import type { Resident } from '../residentFold';
import { compact } from '../searchKeys';
import type { Unit } from '../unitFold';
import { unitIdFor } from '../unitFold';
import { samePhones } from './samePhones';
import type { ImportPreview } from './importPreview';
import type { ImportResident } from './importRows';
import type { PhoneNumber } from '../phone/phoneTypes';
import { samePhone } from '../phone/phoneList';

export type ImportMode = 'all' | 'validOnly';
/** U2: what a row's numbers do to a resident's: add to them (the default) or replace them. */
export type PhoneChoice = 'keep' | 'replace';
/** The user's choice per spreadsheet row number; a row not in it keeps. */
export type PhoneChoices = ReadonlyMap<number, PhoneChoice>;

interface ValidRow {
  rowNumber: number;
  resident: ImportResident;
}

/** What the directory holds for the units the file names (the renderer reads it from Dexie). */
export interface ExistingDirectory {
  units: ReadonlyMap<string, Pick<Unit, 'id' | 'floor' | 'notes' | 'added'>>;
  residents: readonly Pick<Resident, 'id' | 'unitId' | 'name' | 'relation' | 'phoneNumbers' | 'notes' | 'active' | 'added'>[];
}

export interface ImportCounts {
  unitsAdded: number;
  unitsUpdated: number;
  residentsAdded: number;
  residentsUpdated: number;
  unchanged: number;
  skippedRows: number;
}

export type ImportPlan =
  | { ok: true; drafts: EventDraft[]; counts: ImportCounts }
  | { ok: false; problem: 'hasErrors' | 'nothingToImport' };

export function planImport(preview: ImportPreview, mode: ImportMode, existing: ExistingDirectory, newId: () => string, choices: PhoneChoices = new Map()): ImportPlan {
  if (mode === 'all' && preview.invalidCount > 0) return { ok: false, problem: 'hasErrors' };
  const valid = validRows(preview);
  if (valid.length === 0) return { ok: false, problem: 'nothingToImport' };
  const counts: ImportCounts = { unitsAdded: 0, unitsUpdated: 0, residentsAdded: 0, residentsUpdated: 0, unchanged: 0, skippedRows: preview.invalidCount };
  const drafts: EventDraft[] = [];
  for (const [unitId, rows] of groupByUnit(valid)) {
    drafts.push(...unitDrafts(unitId, rows.map((r) => r.resident), existing, counts));
    for (const row of rows) {
      if (row.resident.name) drafts.push(...residentDrafts(unitId, row.resident, existing, newId, counts, choices.get(row.rowNumber) ?? 'keep'));
    }
  }
  return { ok: true, drafts, counts };
}

/**
 * U2: per spreadsheet row, the numbers the directory holds for that resident that the row
 * lacks, i.e. what `replace` would remove. Rows that would remove nothing are not listed.
 */
export function phoneRemovals(preview: ImportPreview, existing: ExistingDirectory): Map<number, PhoneNumber[]> {
  const out = new Map<number, PhoneNumber[]>();
  for (const { rowNumber, resident } of validRows(preview)) {
    if (!resident.name || resident.phones.length === 0) continue;
    const current = currentResident(unitIdFor(resident.unit), resident.name, existing);
    const removed = current?.phoneNumbers.filter((p) => !resident.phones.some((q) => samePhone(p, q))) ?? [];
    if (removed.length > 0) out.set(rowNumber, removed);
  }
  return out;
}

function validRows(preview: ImportPreview): ValidRow[] {
  return preview.rows.flatMap((row) => (row.resident ? [{ rowNumber: row.rowNumber, resident: row.resident }] : []));
}

function currentResident(unitId: string, name: string, existing: ExistingDirectory) {
  const key = compact(name);
  return existing.residents.find((r) => r.added && r.unitId === unitId && compact(r.name) === key);
}

function groupByUnit(rows: ValidRow[]): Map<string, ValidRow[]> {
  const groups = new Map<string, ValidRow[]>();
  for (const row of rows) {
    const id = unitIdFor(row.resident.unit);
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  return groups;
}

function unitDrafts(unitId: string, rows: ImportResident[], existing: ExistingDirectory, counts: ImportCounts): EventDraft[] {
  const floor = rows.find((r) => r.floor !== null)?.floor ?? null;
  const notes = rows.find((r) => r.unitNotes !== null)?.unitNotes ?? null;
  const current = existing.units.get(unitId);
  const stream = streams.unit(unitId);
  if (!current?.added) {
    counts.unitsAdded += 1;
    return [{ stream, type: UNIT_ADDED, payload: { building: rows[0]!.unit.building, room: rows[0]!.unit.room, floor, notes: notes ?? '' } }];
  }
  const changes: UnitUpdatedPayload = {};
  if (floor !== null && floor !== current.floor) changes.floor = floor;
  if (notes !== null && notes !== current.notes) changes.notes = notes;
  if (Object.keys(changes).length === 0) return [];
  counts.unitsUpdated += 1;
  return [{ stream, type: UNIT_UPDATED, payload: changes }];
}

function residentDrafts(unitId: string, row: ImportResident, existing: ExistingDirectory, newId: () => string, counts: ImportCounts, choice: PhoneChoice): EventDraft[] {
  const current = currentResident(unitId, row.name, existing);
  if (!current) {
    counts.residentsAdded += 1;
    const payload = { unitId, name: row.name, relation: row.relation ?? 'owner', phones: row.phones, notes: row.notes ?? '' };
    return [{ stream: streams.resident(newId()), type: RESIDENT_ADDED, payload }];
  }
  const changes: ResidentUpdatedPayload = {};
  if (row.relation !== null && row.relation !== current.relation) changes.relation = row.relation;
  if (row.phones.length > 0) {
    // keep: the directory's numbers first, then the file's new ones.
    const phones = choice === 'replace' ? row.phones : [...current.phoneNumbers, ...row.phones.filter((p) => !current.phoneNumbers.some((q) => samePhone(p, q)))];
    if (!samePhones(phones, current.phoneNumbers)) changes.phones = phones;
  }
  if (row.notes !== null && row.notes !== current.notes) changes.notes = row.notes;
  // A resident on the current list lives there (again).
  if (!current.active) changes.active = true;
  if (Object.keys(changes).length === 0) {
    counts.unchanged += 1;
    return [];
  }
  counts.residentsUpdated += 1;
  return [{ stream: streams.resident(current.id), type: RESIDENT_UPDATED, payload: changes }];
}
