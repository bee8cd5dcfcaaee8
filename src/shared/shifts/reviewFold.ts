import type { DeskEvent } from '../events/envelope';
import { emptyShiftLog, type ShiftLogRow } from './shiftLogFold';
import {
  REVIEW_PAYLOADS, SHIFT_DAY_REPORT_SIGNED, SHIFT_ITEM_MARKED, SHIFT_LOG_EXPORTED, SHIFT_REVIEWED, type DayReportFigure,
} from './reviewEvents';

// Issue 16, R-MORNING-REVIEW / R-DAILY-REPORT: the supervisor's review on a shift's log row, and
// the daily report's row (`shift:day|<YYYY-MM-DD>`). Pure; never refuses (the registry's
// permission `shift.review` is checked before a fold sees the event). Events arrive sorted by hlc:
// the last review and the last signature win, the same on every station.

export interface ShiftReview {
  by: string;
  at: number;
  unfinished: number;
  text?: string;
}

export interface ItemMark {
  mark: 'chased' | 'noted';
  by: string;
  at: number;
  text?: string;
}

/** The review's fields on a shift's log row (16-B's fold owns the rest). */
export interface ReviewedShiftLogRow extends ShiftLogRow {
  review?: ShiftReview;
  /** By ref (`ticket:<id>`, `alarm:…`, a handover item): the last mark. */
  marks?: Record<string, ItemMark>;
  exports?: number;
}

export interface DaySignature {
  by: string;
  at: number;
  figures: Record<DayReportFigure, number>;
  text?: string;
}

export interface DayReportRow {
  /** `day|<YYYY-MM-DD>` */
  id: string;
  kind: 'day';
  day: string;
  /** The day's start in the station's zone (epoch ms), for the `[kind+startsAt]` index. */
  startsAt: number;
  lastHlc: string;
  signed?: DaySignature;
  exports?: number;
}

/** More marks than this on one shift are not kept (the oldest go first). */
const MAX_MARKS = 500;

type Payload<T extends keyof typeof REVIEW_PAYLOADS> = (typeof REVIEW_PAYLOADS)[T]['_output'];

function parsed<T extends keyof typeof REVIEW_PAYLOADS>(type: T, event: DeskEvent): Payload<T> | null {
  if (event.type !== type) return null;
  const result = REVIEW_PAYLOADS[type].safeParse(event.payload);
  return result.success ? (result.data as Payload<T>) : null;
}

const later = (a: string, b: string) => (a > b ? a : b);
const withText = (text: string | undefined) => (text ? { text } : {});

function baseLog(row: ShiftLogRow | null, event: DeskEvent, startsAt: number): ReviewedShiftLogRow | null {
  if (row) return { ...row, lastHlc: later(row.lastHlc, event.hlc) };
  // The review may come before any handover event of the shift: the row is made as 16-B's fold makes it.
  return emptyShiftLog(event, startsAt);
}

export function foldShiftReview(row: ShiftLogRow | null, event: DeskEvent): ShiftLogRow | null {
  if (!event.actor) return row;
  const reviewed = parsed(SHIFT_REVIEWED, event);
  if (reviewed) {
    const next = baseLog(row, event, reviewed.startsAt);
    if (!next) return row;
    next.review = { by: event.actor, at: reviewed.at, unfinished: reviewed.unfinished, ...withText(reviewed.text) };
    return next;
  }
  const marked = parsed(SHIFT_ITEM_MARKED, event);
  if (marked) {
    const next = baseLog(row, event, marked.startsAt);
    if (!next) return row;
    const marks = { ...next.marks };
    delete marks[marked.ref];
    marks[marked.ref] = { mark: marked.mark, by: event.actor, at: marked.at, ...withText(marked.text) };
    const keys = Object.keys(marks);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_MARKS))) delete marks[key];
    next.marks = marks;
    return next;
  }
  const exported = parsed(SHIFT_LOG_EXPORTED, event);
  if (exported && exported.what === 'log') {
    const next = baseLog(row, event, exported.startsAt);
    if (!next) return row;
    next.exports = (next.exports ?? 0) + 1;
    return next;
  }
  return row;
}

export function foldDayReport(row: DayReportRow | null, event: DeskEvent): DayReportRow | null {
  if (!event.actor) return row;
  const m = /^shift:day\|(\d{4}-\d{2}-\d{2})$/.exec(event.stream);
  if (!m) return row;
  const base = (startsAt: number): DayReportRow =>
    row ? { ...row, lastHlc: later(row.lastHlc, event.hlc) } : { id: `day|${m[1]}`, kind: 'day', day: m[1]!, startsAt, lastHlc: event.hlc };
  const signed = parsed(SHIFT_DAY_REPORT_SIGNED, event);
  // The day named in the payload must be the stream's: a signature cannot be moved to another day.
  if (signed && signed.day === m[1]) {
    const next = base(signed.startsAt);
    next.signed = { by: event.actor, at: signed.at, figures: { ...signed.figures }, ...withText(signed.text) };
    return next;
  }
  const exported = parsed(SHIFT_LOG_EXPORTED, event);
  if (exported && exported.what === 'dayReport') {
    const next = base(exported.startsAt);
    next.exports = (next.exports ?? 0) + 1;
    return next;
  }
  return row;
}
