import type { LeftoverRow } from '@shared/shifts/leftoverFold';
import type { DeskDatabase } from '../../db/database';

const LIMIT = 500;

export interface MonthFile {
  /** Open issues of this month's file, then those OK, each oldest filed first. */
  rows: LeftoverRow[];
  /** Open issues of earlier months the month-end carry has not moved yet (another station's, arrived by sync). */
  notCarried: LeftoverRow[];
}

/** R-LEFTOVER: one month's file through the `[open+month]` index, open first. */
export async function readMonthFile(db: DeskDatabase, month: string, isCurrent: boolean): Promise<MonthFile> {
  const byFiled = (a: LeftoverRow, b: LeftoverRow) => a.filedAt - b.filedAt;
  const [open, ok, earlier] = await Promise.all([
    db.leftovers.where('[open+month]').equals([1, month]).limit(LIMIT).toArray(),
    db.leftovers.where('[open+month]').equals([0, month]).limit(LIMIT).toArray(),
    isCurrent ? db.leftovers.where('[open+month]').between([1, ''], [1, month]).limit(LIMIT).toArray() : Promise.resolve([]),
  ]);
  return { rows: [...open.sort(byFiled), ...ok.sort(byFiled)], notCarried: earlier.sort(byFiled) };
}

/** The month before or after `YYYY-MM`. */
export function shiftMonth(month: string, by: -1 | 1): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
