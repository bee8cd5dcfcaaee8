// Units are named by building and room (楼号/房号, as the estate's resident list names them):
// `3栋-1502` or `3-1502`.

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
    ?? /^([\p{L}\p{N}]+?)(?:栋|幢|座|号楼)(\p{N}+)(?:室|房)?$/u.exec(cleaned);
  if (!match) return null;
  const unit = { building: match[1]!, room: match[2]! };
  return validateUnit(unit).length === 0 ? { building: normaliseBuilding(unit.building), room: normaliseRoom(unit.room) } : null;
}

/**
 * U6: what a search box's unit spelling means, as a unit key to look up: a whole unit
 * (`A座1001`, `3栋1502室`, `３－１５０２` → `A-1001`, `3-1502`) or every unit of a building
 * (`A座`, `A栋`, `3号楼` → `A-`, `3-`). 单元 stays part of the building, as when it is saved
 * (`2单元1502` → `2单元-1502`). Null for anything else: without a building word or a digit,
 * `zhang san` is a name, not building zhang room san.
 */
export function unitQueryKey(text: string): string | null {
  const cleaned = toHalfWidth(text.normalize('NFKC')).trim();
  const building = (name: string, word: string | undefined) => normaliseBuilding(word === '单元' ? name + word : name);
  const only = /^([\p{L}\p{N}]+?)(栋|幢|座|号楼|单元)$/u.exec(cleaned);
  if (only) {
    const b = building(only[1]!, only[2]);
    return PART.test(b) ? `${b}-` : null;
  }
  const marked = /^([\p{L}\p{N}]+?)(栋|幢|座|号楼|单元)\s*[-/]?\s*(\p{N}[\p{L}\p{N}]*?)(?:室|房|号)?$/u.exec(cleaned);
  if (marked) {
    const unit = { building: building(marked[1]!, marked[2]), room: marked[3]! };
    return validateUnit(unit).length === 0 ? unitKey(unit) : null;
  }
  if (!/\d/.test(cleaned)) return null;
  const parsed = parseUnitText(cleaned);
  return parsed ? unitKey(parsed) : null;
}

/** Full-width digits and letters (typed with a Chinese IME) become ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
