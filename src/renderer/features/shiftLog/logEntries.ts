// R-MORNING-REVIEW: what kind of thing each logged event is, and its line in the log. Ticket
// events take their sentence from the ticket timeline (ticket/timelineText.ts, the one copy);
// calls, the desk's duty, reviews and the rest have theirs here. Pure.
import type { DeskEvent } from '@shared/events/envelope';
import { parseHlc } from '@shared/hlc';
import { isClockEventType } from '@shared/deadlines/clockEvents';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import { formatDateTime } from '../../i18n/format';
import { HANDOVER_MARKS, HANDOVER_URGENCIES } from '@shared/shifts/handoverEvents';
import { timelineText, type Translate } from '../ticket/timelineText';
import { keyRecord } from '../keys/keyHistoryText';

export const LOG_KINDS = ['request', 'backfill', 'alarm', 'call', 'handover', 'leftover', 'other'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export interface LogEntry {
  event: DeskEvent;
  kind: LogKind;
  /** The request it is about (ticket events, a linked call). */
  ticketId?: string;
  savedAt: number;
  /**
   * A 补单 shown in the shift it was received in, saved in another (backfillQuery.ts): its
   * received time, where it sits in this log. Absent for an entry saved in the shift.
   */
  receivedHere?: number;
}

export function logKind(event: DeskEvent): LogKind {
  const { stream, type } = event;
  if (stream.startsWith('ticket:')) {
    if (isClockEventType(type)) return 'alarm';
    const backfill = type === 'ticket.opened' && typeof event.payload === 'object' && event.payload !== null && 'backfill' in event.payload && Boolean(event.payload.backfill);
    return backfill ? 'backfill' : 'request';
  }
  if (stream.startsWith('call:')) return 'call';
  if (stream.startsWith('leftover:')) return 'leftover';
  if (stream === 'shift:desk') return 'handover';
  // A shift's own stream: the review is the supervisor's; anything else on it is the handover's.
  if (/^shift:\d{4}-\d{2}-\d{2}\|/.test(stream) && !type.startsWith('shift.')) return 'handover';
  return 'other';
}

export function toEntry(event: DeskEvent): LogEntry {
  const ticketId = event.stream.startsWith('ticket:') ? event.stream.slice('ticket:'.length)
    : event.type === 'call.linked' && typeof event.payload.ticketId === 'string' ? event.payload.ticketId : undefined;
  return { event, kind: logKind(event), savedAt: parseHlc(event.hlc)?.millis ?? 0, ...(ticketId ? { ticketId } : {}) };
}

export interface LineContext {
  timeZone: string;
  language: string;
  /** Numbers in the log are always masked: it is printed and exported (R-CONFIDENTIAL). */
  phone: PhoneContext;
  /** The plan's shift names by id (a review names the shift it was of, which is not the one it was written in). */
  shiftNames?: Readonly<Record<string, string>>;
}

export interface LogLine {
  line: string;
  details: string[];
}

const L = 'shiftLog.text';
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const oneOf = <T extends string>(v: unknown, values: readonly T[], fallback: T): T => ((values as readonly unknown[]).includes(v) ? (v as T) : fallback);
/** A form's list as counted on paper: the rows it holds and those that did not fit (`more`). */
const listed = (p: Record<string, unknown>, list: 'requests' | 'alarms' | 'keys') => {
  const more = typeof p.more === 'object' && p.more !== null ? num((p.more as Record<string, unknown>)[list]) ?? 0 : 0;
  return (Array.isArray(p[list]) ? (p[list] as unknown[]).length : 0) + more;
};
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The entry's sentence: who did what, and its detail lines. */
export function logLine(entry: LogEntry, actor: string, t: Translate, ctx: LineContext): LogLine {
  const { event } = entry;
  const p = event.payload as Record<string, unknown>;
  if (event.stream.startsWith('ticket:')) {
    const text = timelineText(event, actor, t, ctx);
    if (entry.receivedHere !== undefined) {
      const full = (ms: number) => formatDateTime(ms, ctx.timeZone, ctx.language);
      return { line: t(`${L}.backfilledHere`, { actor, entered: full(entry.savedAt), received: full(entry.receivedHere) }), details: text.details };
    }
    const details = [...(text.happenedAt ? [text.happenedAt] : []), ...text.details];
    // An alarm acknowledged after its due time: how late, in minutes (R-MORNING-REVIEW: who, and how late).
    const at = num(p.at);
    const dueAt = num(p.dueAt);
    if (event.type === 'ticket.alarmAcknowledged' && at !== null && dueAt !== null && at > dueAt) details.unshift(t(`${L}.lateBy`, { minutes: Math.ceil((at - dueAt) / 60_000) }));
    return { line: text.line, details };
  }
  // `shift:<day>|<shiftId>`: which shift's log a review or an export was of.
  const of = /^shift:(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(event.stream);
  const shift = of ? { day: of[1], shift: ctx.shiftNames?.[of[2]!] ?? of[2] } : { day: '', shift: '' };
  switch (event.type) {
    case 'call.received': {
      const number = p.withheld || !str(p.number) ? t(`${L}.withheld`) : shownPhone(str(p.e164) || str(p.number), false, ctx.phone).number;
      const units = Array.isArray(p.unitKeys) ? p.unitKeys.filter((u): u is string => typeof u === 'string') : [];
      return { line: t(`${L}.callReceived`, { number }), details: units.length ? [t(`${L}.callUnits`, { units: units.join(', ') })] : [] };
    }
    case 'call.linked':
      return { line: t(`${L}.callLinked`, { actor, number: str(p.ticketNumber) }), details: [] };
    case 'call.dismissed':
      return { line: t(`${L}.callDismissed`, { actor }), details: [] };
    case 'duty.handoverSigned':
      return { line: t(`${L}.handoverSigned.${p.side === 'incoming' ? 'incoming' : 'outgoing'}`, { actor }), details: [] };
    case 'duty.transferred':
      return { line: t(`${L}.transferred`, { actor, station: str(p.toStation) }), details: str(p.text) ? [str(p.text)] : [] };
    case 'duty.takenBack':
      return { line: t(`${L}.takenBack`, { actor, station: str(p.fromStation) }), details: [] };
    case 'shift.reviewed':
      return { line: t(`${L}.reviewed`, { actor, ...shift, count: num(p.unfinished) ?? 0 }), details: str(p.text) ? [str(p.text)] : [] };
    case 'shift.itemMarked':
      return { line: t(`${L}.marked.${p.mark === 'chased' ? 'chased' : 'noted'}`, { actor, ...shift }), details: str(p.text) ? [str(p.text)] : [] };
    case 'shift.dayReportSigned':
      return { line: t(`${L}.daySigned`, { actor, day: str(p.day) }), details: [] };
    case 'shift.logExported':
      return { line: t(`${L}.exported.${p.what === 'dayReport' || p.what === 'keys' ? p.what : 'log'}`, { actor, ...shift, count: num(p.rows) ?? 0 }), details: [] };
    case 'handover.itemAdded':
      return { line: t(`${L}.itemAdded`, { actor, text: str(p.text) }), details: str(p.ticketNumber) ? [str(p.ticketNumber)] : [] };
    case 'handover.itemSorted':
      return { line: t(`${L}.itemSorted`, { actor, urgency: t(`handover.item.urgency.${oneOf(p.urgency, HANDOVER_URGENCIES, 'normal')}`) }), details: [] };
    case 'handover.itemMarked':
      return { line: t(`${L}.itemMarked`, { actor, mark: t(`handover.item.mark.${oneOf(p.mark, HANDOVER_MARKS, 'ok')}`) }), details: str(p.reason) ? [str(p.reason)] : [] };
    case 'handover.formWritten':
      return { line: t(`${L}.formWritten`, { actor, requests: listed(p, 'requests'), alarms: listed(p, 'alarms'), keys: listed(p, 'keys') }), details: [str(p.equipment), str(p.notes)].filter(Boolean) };
    case 'leftover.filed':
      return { line: t(`${L}.leftoverFiled`, { actor, text: str(p.text) }), details: [] };
    case 'leftover.progressed':
      return { line: t(`${L}.leftoverProgressed`, { actor, text: str(p.text) }), details: [] };
    case 'leftover.resolved':
      return { line: t(`${L}.leftoverResolved`, { actor }), details: str(p.text) ? [str(p.text)] : [] };
    case 'leftover.carried':
      return { line: t(`${L}.leftoverCarried`, { from: str(p.fromMonth), to: str(p.toMonth) }), details: [] };
  }
  // The key register's own words (keys/keyHistoryText.ts, the one copy).
  const key = event.stream.startsWith('key:') ? keyRecord(t, event) : null;
  if (key) return { line: t(`${L}.key`, { actor, text: key.text }), details: [] };
  // Anything else (a type this screen has no sentence for): who and what, never nothing.
  return { line: t(`${L}.generic`, { actor, what: t(`${L}.kinds.${entry.kind}`), type: event.type }), details: [] };
}
