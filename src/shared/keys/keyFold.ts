import type { DeskEvent } from '../events/envelope';

// Issue 16, R-KEYS: a key's row in the register (`key:<id>`), folded from keyEvents.ts. Pure; never refuses.

export interface KeyRow {
  id: string;
  /** 1 while lent out (an index key: keys out are listed at every handover). */
  out: 0 | 1;
  label: string;
  lastHlc: string;
}

export function foldKey(row: KeyRow | null, _event: DeskEvent): KeyRow | null {
  return row;
}
