// Turns a checked preview into events. "Nothing imported when the file has errors unless the
// user chooses to import only the valid rows": mode `all` refuses a preview with any bad row.
// Existing units and residents are updated, not duplicated: a unit by its key, a resident by
// name within the unit. Empty cells leave what the directory has.
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

export type ImportMode = 'all' | 'validOnly';

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

export function planImport(preview: ImportPreview, mode: ImportMode, existing: ExistingDirectory, newId: () => string): ImportPlan {
  if (mode === 'all' && preview.invalidCount > 0) return { ok: false, problem: 'hasErrors' };
  const valid = preview.rows.flatMap((row) => (row.resident ? [row.resident] : []));
  if (valid.length === 0) return { ok: false, problem: 'nothingToImport' };
  const counts: ImportCounts = { unitsAdded: 0, unitsUpdated: 0, residentsAdded: 0, residentsUpdated: 0, unchanged: 0, skippedRows: preview.invalidCount };
  const drafts: EventDraft[] = [];
  for (const [unitId, rows] of groupByUnit(valid)) {
    drafts.push(...unitDrafts(unitId, rows, existing, counts));
    for (const row of rows) drafts.push(...residentDrafts(unitId, row, existing, newId, counts));
  }
  return { ok: true, drafts, counts };
}

function groupByUnit(rows: ImportResident[]): Map<string, ImportResident[]> {
  const groups = new Map<string, ImportResident[]>();
  for (const row of rows) {
    const id = unitIdFor(row.unit);
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

function residentDrafts(unitId: string, row: ImportResident, existing: ExistingDirectory, newId: () => string, counts: ImportCounts): EventDraft[] {
  const name = compact(row.name);
  const current = existing.residents.find((r) => r.added && r.unitId === unitId && compact(r.name) === name);
  if (!current) {
    counts.residentsAdded += 1;
    const payload = { unitId, name: row.name, relation: row.relation ?? 'owner', phones: row.phones, notes: row.notes ?? '' };
    return [{ stream: streams.resident(newId()), type: RESIDENT_ADDED, payload }];
  }
  const changes: ResidentUpdatedPayload = {};
  if (row.relation !== null && row.relation !== current.relation) changes.relation = row.relation;
  if (row.phones.length > 0 && !samePhones(row.phones, current.phoneNumbers)) changes.phones = row.phones;
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
