// The directory written out as the resident list, in the columns the import reads back.
// R-CONFIDENTIAL: the file holds every number in full; the caller checks `phone.unmask` and
// logs the export as an event.
import type { Relation } from '../directoryEvents';
import { formatPhone } from '../phone/formatPhone';
import type { PhoneContext } from '../phone/phoneTypes';
import type { Resident } from '../residentFold';
import type { Unit } from '../unitFold';
import { RELATION_EXPORT_WORD } from './relationWords';
import type { SheetRows } from './sheetTypes';

export const EXPORT_COLUMNS = ['building', 'room', 'floor', 'name', 'relation', 'phone', 'notes', 'unitNotes'] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export interface ExportLabels {
  headings: Record<ExportColumn, string>;
  relation: Record<Relation, string>;
  /** Between a number and its extension; the import reads 转, ext. and #. */
  extension: string;
}

/** The resident list's own words: the file is a Chinese office document whatever the UI language. */
export const CHINESE_EXPORT_LABELS: ExportLabels = {
  headings: { building: '楼号', room: '房号', floor: '楼层', name: '姓名', relation: '身份', phone: '电话', notes: '备注', unitNotes: '房屋备注' },
  relation: RELATION_EXPORT_WORD,
  extension: '转',
};

type ExportUnit = Pick<Unit, 'id' | 'building' | 'room' | 'floor' | 'notes'>;
type ExportResident = Pick<Resident, 'unitId' | 'name' | 'relation' | 'phoneNumbers' | 'notes' | 'active'>;

/**
 * Header and one row per resident still living there, by building and room. U17: a unit nobody
 * lives in gets one row of its own (no name), so it and its notes survive an export and import.
 */
export function exportRows(units: readonly ExportUnit[], residents: readonly ExportResident[], context: PhoneContext, labels = CHINESE_EXPORT_LABELS): SheetRows {
  const byUnit = new Map<string, ExportResident[]>();
  for (const r of residents) if (r.active) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
  const sorted = [...units].sort((a, b) => a.building.localeCompare(b.building, 'zh-CN', { numeric: true }) || a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
  const rows: SheetRows = [EXPORT_COLUMNS.map((c) => labels.headings[c])];
  for (const unit of sorted) {
    const floor = unit.floor === null ? '' : String(unit.floor);
    const living = byUnit.get(unit.id) ?? [];
    if (living.length === 0) rows.push([unit.building, unit.room, floor, '', '', '', '', unit.notes]);
    for (const r of living) {
      const phones = r.phoneNumbers.map((p) => formatPhone(p.e164, context) + (p.extension ? ` ${labels.extension} ${p.extension}` : ''));
      rows.push([unit.building, unit.room, floor, r.name, labels.relation[r.relation], phones.join('; '), r.notes, unit.notes]);
    }
  }
  return rows;
}
