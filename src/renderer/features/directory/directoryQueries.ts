// Directory reads. Every lookup is an index range (R-CONFIDENTIAL data stays in IndexedDB and
// is only read for a staff member with `directory.browse`, checked by the screen and callers).
import type { Resident } from '@shared/directory/residentFold';
import type { Unit } from '@shared/directory/unitFold';
import { directoryQueries } from '@shared/directory/searchKeys';
import { normalisePhone } from '@shared/directory/phone/normalisePhone';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import type { DeskDatabase } from '../../db/database';

/** A unit with the residents a lookup matched; several when one number serves two flats. */
export interface UnitMatch {
  unit: Unit;
  residents: Resident[];
}

const shown = <T extends { added: 0 | 1 }>(row: T | undefined): row is T => row?.added === 1;

/**
 * Units whose current residents have this E.164 number (caller ID looks up the exact E.164 first: docs/callerid.md "Numbers for the lookup").
 * Several units come back when an owner has two flats; the caller must offer a choice.
 */
export async function findUnitsByPhone(db: DeskDatabase, e164: string): Promise<UnitMatch[]> {
  return db.transaction('r', db.units, db.residents, async () => {
    const residents = (await db.residents.where('phones').equals(e164).toArray()).filter(shown);
    return groupByUnit(db, residents);
  });
}

/** The caller-ID number as the box gave it (digits, maybe a `+`), normalised then looked up. */
export async function findUnitsByCallerNumber(db: DeskDatabase, number: string, context: PhoneContext): Promise<UnitMatch[]> {
  const parsed = normalisePhone(number, context);
  return parsed.ok ? findUnitsByPhone(db, parsed.phone.e164) : [];
}

async function groupByUnit(db: DeskDatabase, residents: Resident[]): Promise<UnitMatch[]> {
  const unitIds = [...new Set(residents.map((r) => r.unitId))];
  const units = (await db.units.bulkGet(unitIds)).filter(shown);
  return units.map((unit) => ({ unit, residents: residents.filter((r) => r.unitId === unit.id) }));
}

export interface DirectoryHit {
  unit: Unit;
  /** Everyone living in the unit, so a hit on one name shows the household. */
  residents: Resident[];
  /** Ids of the residents the query matched (none when the unit itself matched). */
  matchedIds: string[];
}

/**
 * Search by unit, name, pinyin, initials or number: prefix lookups on `*searchKeys`, never a scan.
 * R-CONFIDENTIAL (U18): `phones` only for a role with `phone.unmask`; otherwise a number finds nobody.
 */
export async function searchDirectory(db: DeskDatabase, query: string, limit = 20, phones = false): Promise<DirectoryHit[]> {
  const prefixes = directoryQueries(query, phones);
  if (prefixes.units.length === 0) return [];
  return db.transaction('r', db.units, db.residents, async () => {
    // Every prefix on both tables at once: IndexedDB serves the reads of one transaction in parallel.
    const [unitLists, residentLists] = await Promise.all([
      Promise.all(prefixes.units.map((prefix) => db.units.where('searchKeys').startsWith(prefix).distinct().limit(limit).toArray())),
      Promise.all(prefixes.residents.map((prefix) => db.residents.where('searchKeys').startsWith(prefix).distinct().limit(limit).toArray())),
    ]);
    const unitHits = unitLists.flat();
    const residentHits = residentLists.flat();
    const order = [...new Set([...unitHits.map((u) => u.id), ...residentHits.map((r) => r.unitId)])].slice(0, limit);
    const [unitRows, householdRows] = await Promise.all([db.units.bulkGet(order), residentsOfUnits(db, order)]);
    const units = unitRows.filter(shown);
    const household = householdRows.filter(shown);
    const matched = new Set(residentHits.map((r) => r.id));
    return units.map((unit) => {
      const residents = household.filter((r) => r.unitId === unit.id);
      return { unit, residents, matchedIds: residents.filter((r) => matched.has(r.id)).map((r) => r.id) };
    });
  });
}

/**
 * Residents of several units: one key-range read per unit, in parallel. Dexie's `anyOf` walks
 * one cursor with jumps: 40 ms for 30 units in Chromium, most of a search (bench/directory.ts).
 */
export async function residentsOfUnits(db: DeskDatabase, unitIds: readonly string[]): Promise<Resident[]> {
  const perUnit = await Promise.all(unitIds.map((id) => db.residents.where('unitId').equals(id).toArray()));
  return perUnit.flat();
}

/** One unit and everyone who lives or lived there (moved-out residents are marked, not hidden). */
export async function unitDetail(db: DeskDatabase, unitId: string): Promise<UnitMatch | null> {
  return db.transaction('r', db.units, db.residents, async () => {
    const unit = await db.units.get(unitId);
    if (!shown(unit)) return null;
    const residents = (await db.residents.where('unitId').equals(unitId).toArray()).filter(shown);
    return { unit, residents: residents.sort((a, b) => b.active - a.active || a.name.localeCompare(b.name, 'zh-CN')) };
  });
}
