import type { DeskEvent } from '../events/envelope';

// Issue 16, R-LEFTOVER: an issue's row in the leftover-issues file (`leftover:<id>`). Pure; never refuses.

export interface LeftoverRow {
  id: string;
  /** 1 until "OK". */
  open: 0 | 1;
  /** The month's file it is in, `YYYY-MM` (carried into the next at month end while open). */
  month: string;
  lastHlc: string;
}

export function foldLeftover(row: LeftoverRow | null, _event: DeskEvent): LeftoverRow | null {
  return row;
}
