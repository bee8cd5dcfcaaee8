// The log's rows as the screen, the paper and the xlsx show them: time, kind, request, what
// happened (the sentence and its details), station. One shaping for all three.
import type { Translate } from '../ticket/timelineText';
import { entryTime } from './backfillQuery';
import { logLine, type LineContext, type LogEntry, type LogKind } from './logEntries';
import type { LoadedLog } from './useShiftLog';

export interface LogRow {
  id: string;
  savedAt: number;
  time: string;
  kind: LogKind;
  kindLabel: string;
  ticketId?: string;
  request: string;
  line: string;
  details: string[];
  station: string;
}

/** Month, day and time on a 24-hour clock (a night shift crosses midnight). */
export function shortDateTime(ms: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

export function logRows(log: Pick<LoadedLog, 'entries' | 'tickets' | 'names'>, entries: readonly LogEntry[], t: Translate, ctx: LineContext): LogRow[] {
  return entries.map((entry) => {
    const { event } = entry;
    const actor = event.actor ? (log.names.get(event.actor) ?? event.actor) : t('shiftLog.systemActor');
    const text = logLine(entry, actor, t, ctx);
    const ticket = entry.ticketId ? log.tickets.get(entry.ticketId) : undefined;
    return {
      id: event.id,
      savedAt: entry.savedAt,
      time: shortDateTime(entryTime(entry), ctx.timeZone, ctx.language),
      kind: entry.kind,
      // The short name in the column; the filter says it in full.
      kindLabel: t(`shiftLog.text.kinds.${entry.kind}`),
      ...(entry.ticketId ? { ticketId: entry.ticketId } : {}),
      request: ticket ? `${ticket.number} ${t(`common.kinds.${ticket.kind}`)}` : '',
      line: text.line,
      details: text.details,
      station: event.station,
    };
  });
}

export const LOG_COLUMNS = ['time', 'kind', 'request', 'what', 'by'] as const;

/** The cells of a row, details on lines of their own (paper and xlsx). */
export const rowCells = (row: LogRow): string[] => [row.time, row.kindLabel, row.request, [row.line, ...row.details].join('\n'), row.station];
