import type { DeskEvent } from '../events/envelope';

// Issue 16, R-HANDOVER-READ / R-HANDOVER-SIGN: a shift's log row (`shift:<day>|<shiftId>`),
// folded from its handover events (handoverEvents.ts). Pure; never refuses.

export interface ShiftLogRow {
  /** `<YYYY-MM-DD>|<shiftId>` */
  id: string;
  kind: 'shift';
  day: string;
  shiftId: string;
  /** When the shift began (epoch ms): the `[kind+startsAt]` index lists shifts in order. */
  startsAt: number;
  lastHlc: string;
}

export function foldShiftLog(row: ShiftLogRow | null, _event: DeskEvent): ShiftLogRow | null {
  return row;
}
