// Units are named by building and room (domain.md "Residents and units"): `3栋-1502` or `3-1502`.

const BUILDING_SUFFIX = /(栋|幢|座|号楼|楼)$/u;
const ROOM_SUFFIX = /(室|房|号)$/u;
const PART = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,15}$/u;

export interface UnitRef {
  building: string;
  room: string;
}

export type UnitProblem = 'buildingMissing' | 'roomMissing' | 'buildingInvalid' | 'roomInvalid';

/** The canonical key a unit is stored and searched under, e.g. `3-1502`. */
export function unitKey({ building, room }: UnitRef): string {
  return `${normaliseBuilding(building)}-${normaliseRoom(room)}`;
}

export function normaliseBuilding(text: string): string {
  return toHalfWidth(text).trim().replace(BUILDING_SUFFIX, '').trim().toUpperCase();
}

export function normaliseRoom(text: string): string {
  return toHalfWidth(text).trim().replace(ROOM_SUFFIX, '').trim().toUpperCase();
}

export function validateUnit(unit: UnitRef): UnitProblem[] {
  const problems: UnitProblem[] = [];
  const building = normaliseBuilding(unit.building);
  const room = normaliseRoom(unit.room);
  if (!building) problems.push('buildingMissing');
  else if (!PART.test(building)) problems.push('buildingInvalid');
  if (!room) problems.push('roomMissing');
  else if (!PART.test(room)) problems.push('roomInvalid');
  return problems;
}

/** Reads `3栋-1502`, `3-1502`, `3栋1502室` or `A座 1203` into building and room, or null. */
export function parseUnitText(text: string): UnitRef | null {
  const cleaned = toHalfWidth(text).trim();
  const match = /^([\p{L}\p{N}]+?)(?:栋|幢|座|号楼)?\s*[-/\s]\s*([\p{L}\p{N}]+?)(?:室|房)?$/u.exec(cleaned)
    ?? /^(\p{N}+)(?:栋|幢|座|号楼)(\p{N}+)(?:室|房)?$/u.exec(cleaned);
  if (!match) return null;
  const unit = { building: match[1]!, room: match[2]! };
  return validateUnit(unit).length === 0 ? { building: normaliseBuilding(unit.building), room: normaliseRoom(unit.room) } : null;
}

/** Full-width digits and letters (typed with a Chinese IME) become ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
