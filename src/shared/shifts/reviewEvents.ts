import { z } from 'zod';
import { MAX_TIME } from '../tickets/handling/stepEvents';
import type { KindSpecs } from '../events/kindSpecs';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the supervisor's review of a shift's log (on its
// `shift:<day>|<shiftId>` stream) and the daily report (`shift:day|<YYYY-MM-DD>`). Registered from here.
// Each event carries the start of its shift or day: the fold is pure (no plan, no time zone) and
// may be the first to make the row, which the `[kind+startsAt]` index lists.

const at = z.number().int().nonnegative().max(MAX_TIME);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const note = z.string().trim().max(1000);

/** What the review looked at: a request (`ticket:<id>`), one round of an alarm (`alarm:<ticketId>|<rule>|<dueAt>`), a handover item. */
export const reviewRef = z.string().min(1).max(200);

/** One unfinished item seen by the supervisor: chased (the request was opened and followed up) or noted. */
export const SHIFT_ITEM_MARKED = 'shift.itemMarked';
export const shiftItemMarkedPayload = z.object({ at, startsAt: at, ref: reviewRef, mark: z.enum(['chased', 'noted']), text: note.optional() });

/** The read receipt: the supervisor has read the shift's log; how much was still unfinished then. */
export const SHIFT_REVIEWED = 'shift.reviewed';
export const shiftReviewedPayload = z.object({ at, startsAt: at, unfinished: z.number().int().min(0).max(100_000), text: note.optional() });

/** The figures the supervisor checked and signed (物业日报表): what was signed stays as signed, whatever syncs in later. */
export const DAY_REPORT_FIGURES = ['opened', 'closed', 'stillOpen', 'overdue', 'alarms', 'escalations', 'backfills', 'calls', 'callsWithoutRequest'] as const;
export type DayReportFigure = (typeof DAY_REPORT_FIGURES)[number];
const count = z.number().int().min(0).max(1_000_000);
export const dayReportFiguresSchema = z.object(Object.fromEntries(DAY_REPORT_FIGURES.map((f) => [f, count])) as Record<DayReportFigure, typeof count>);

export const SHIFT_DAY_REPORT_SIGNED = 'shift.dayReportSigned';
export const shiftDayReportSignedPayload = z.object({ at, day, startsAt: at, figures: dayReportFiguresSchema, text: note.optional() });

/**
 * A log or report leaving the desk as a file is logged, like the registers (R-CONFIDENTIAL); so is
 * the key register (owners' and borrowers' names, R-KEYS), on the stream of the shift it left in.
 */
export const SHIFT_LOG_EXPORTED = 'shift.logExported';
export const SHIFT_EXPORTS = ['log', 'dayReport', 'keys'] as const;
export const shiftLogExportedPayload = z.object({ at, startsAt: at, what: z.enum(SHIFT_EXPORTS), rows: z.number().int().min(0).max(1_000_000) });

export const REVIEW_PAYLOADS = {
  [SHIFT_ITEM_MARKED]: shiftItemMarkedPayload,
  [SHIFT_REVIEWED]: shiftReviewedPayload,
  [SHIFT_DAY_REPORT_SIGNED]: shiftDayReportSignedPayload,
  [SHIFT_LOG_EXPORTED]: shiftLogExportedPayload,
} as const;

export const REVIEW_SPECS = {
  [SHIFT_ITEM_MARKED]: { schema: shiftItemMarkedPayload, permission: 'shift.review' },
  [SHIFT_REVIEWED]: { schema: shiftReviewedPayload, permission: 'shift.review' },
  [SHIFT_DAY_REPORT_SIGNED]: { schema: shiftDayReportSignedPayload, permission: 'shift.review' },
  // Anyone who may take requests may print and export the log (numbers in it are masked).
  [SHIFT_LOG_EXPORTED]: { schema: shiftLogExportedPayload, permission: 'ticket.create' },
} as const satisfies KindSpecs;

/** The stream of a shift's log and of a day's report. */
export const shiftStream = (day: string, shiftId: string) => `shift:${day}|${shiftId}`;
export const dayReportStream = (day: string) => `shift:day|${day}`;
