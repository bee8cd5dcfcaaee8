import type { DeskEvent } from '../events/envelope';
import type { ShiftLogRow } from './shiftLogFold';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the supervisor's review on a shift's log row, and
// the daily report's row (`shift:day|<YYYY-MM-DD>`). Pure; never refuses.

export interface DayReportRow {
  /** `day|<YYYY-MM-DD>` */
  id: string;
  kind: 'day';
  day: string;
  /** The day's start in the station's zone (epoch ms), for the `[kind+startsAt]` index. */
  startsAt: number;
  lastHlc: string;
}

export function foldShiftReview(row: ShiftLogRow | null, _event: DeskEvent): ShiftLogRow | null {
  return row;
}

export function foldDayReport(row: DayReportRow | null, _event: DeskEvent): DayReportRow | null {
  return row;
}
