// R-MORNING-REVIEW: what kind of thing each logged event is, and its line in the log. Ticket
// events take their sentence from the ticket timeline (ticket/timelineText.ts, the one copy);
// calls, the desk's duty, reviews and the rest have theirs here. Pure.
import type { DeskEvent } from '@shared/events/envelope';
import { parseHlc } from '@shared/hlc';
import { isClockEventType } from '@shared/deadlines/clockEvents';
import { shownPhone } from '@shared/directory/phone/shownPhone';
import type { PhoneContext } from '@shared/directory/phone/phoneTypes';
import { timelineText, type Translate } from '../ticket/timelineText';

export const LOG_KINDS = ['request', 'backfill', 'alarm', 'call', 'handover', 'leftover', 'other'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export interface LogEntry {
  event: DeskEvent;
  kind: LogKind;
  /** The request it is about (ticket events, a linked call). */
  ticketId?: string;
  savedAt: number;
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
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The entry's sentence: who did what, and its detail lines. */
export function logLine(entry: LogEntry, actor: string, t: Translate, ctx: LineContext): LogLine {
  const { event } = entry;
  const p = event.payload as Record<string, unknown>;
  if (event.stream.startsWith('ticket:')) {
    const text = timelineText(event, actor, t, ctx);
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
      return { line: t(`${L}.exported.${p.what === 'dayReport' ? 'dayReport' : 'log'}`, { actor, ...shift, count: num(p.rows) ?? 0 }), details: [] };
  }
  // Handover items, leftovers, keys: their own screens say more; the log says who and what.
  return { line: t(`${L}.generic`, { actor, what: t(`${L}.kinds.${entry.kind}`), type: event.type }), details: [] };
}
