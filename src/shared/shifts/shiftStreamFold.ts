import type { DeskEvent } from '../events/envelope';
import { foldDuty, type DutyRow } from './dutyFold';
import { foldShiftLog, type ShiftLogRow } from './shiftLogFold';
import { foldDayReport, foldShiftReview, type DayReportRow } from './reviewFold';

// The `shifts` projection (issue 16): one table for the three kinds of shift stream. `shift:desk`
// is who holds the desk; `shift:day|<date>` the daily report; any other `shift:<day>|<shiftId>`
// a shift's log, with its handover and its review.

export type ShiftStreamRow = DutyRow | ShiftLogRow | DayReportRow;

export function foldShiftStream(row: ShiftStreamRow | null, event: DeskEvent): ShiftStreamRow | null {
  const id = event.stream.slice('shift:'.length);
  if (id === 'desk') return foldDuty(row as DutyRow | null, event);
  if (id.startsWith('day|')) return foldDayReport(row as DayReportRow | null, event);
  const log = foldShiftLog(row as ShiftLogRow | null, event);
  return foldShiftReview(log, event);
}
