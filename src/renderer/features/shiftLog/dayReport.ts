// R-DAILY-REPORT (物业日报表): the day's figures, built from the day's events and the rows of the
// requests they name: requests by kind opened, closed and still open; deadlines overdue; alarms
// acknowledged and escalated; back-fills (补单); calls, and calls that became no request. Pure.
import type { CallRecord } from '@shared/calls/callFold';
import { REQUEST_KINDS, type RequestKind } from '@shared/domain/requestKinds';
import { pendingDeadlines } from '@shared/deadlines/pendingDeadlines';
import type { DeadlineTimings } from '@shared/deadlines/tuning';
import type { DayReportFigure } from '@shared/shifts/reviewEvents';
import type { Ticket } from '@shared/tickets/ticketFold';
import type { LogEntry } from './logEntries';

export interface KindLine {
  kind: RequestKind;
  opened: number;
  closed: number;
  stillOpen: number;
}

export interface DayReport {
  byKind: KindLine[];
  figures: Record<DayReportFigure, number>;
}

const closes = (e: LogEntry) => e.event.type === 'ticket.closed' || (e.event.type === 'ticket.statusChanged' && e.event.payload.status === 'closed');

/** `at`: the report's moment (now, or the day's end once it is over): what is overdue then. */
export function dayReport(entries: readonly LogEntry[], tickets: ReadonlyMap<string, Ticket>, calls: ReadonlyMap<string, CallRecord>, timings: DeadlineTimings, at: number): DayReport {
  const opened = new Set(entries.filter((e) => e.event.type === 'ticket.opened' && e.ticketId).map((e) => e.ticketId!));
  const closed = new Set(entries.filter((e) => closes(e) && e.ticketId).map((e) => e.ticketId!));
  const touched = new Set(entries.flatMap((e) => (e.ticketId ? [e.ticketId] : [])));
  const kindOf = (id: string) => tickets.get(id)?.kind;
  const stillOpen = [...opened].filter((id) => tickets.get(id)?.active === 1);
  const byKind = REQUEST_KINDS.map((kind) => ({
    kind,
    opened: [...opened].filter((id) => kindOf(id) === kind).length,
    closed: [...closed].filter((id) => kindOf(id) === kind).length,
    stillOpen: stillOpen.filter((id) => kindOf(id) === kind).length,
  })).filter((line) => line.opened + line.closed + line.stillOpen > 0);
  const overdue = [...touched].reduce((sum, id) => {
    const ticket = tickets.get(id);
    return sum + (ticket ? pendingDeadlines(ticket, timings, at).filter((d) => d.level === 'overdue').length : 0);
  }, 0);
  const callIds = new Set(entries.filter((e) => e.event.type === 'call.received').map((e) => e.event.stream.slice('call:'.length)));
  const count = (type: string) => entries.filter((e) => e.event.type === type).length;
  return {
    byKind,
    figures: {
      opened: opened.size,
      closed: closed.size,
      stillOpen: stillOpen.length,
      overdue,
      alarms: count('ticket.alarmAcknowledged'),
      escalations: count('ticket.alarmEscalated'),
      backfills: entries.filter((e) => e.kind === 'backfill').length,
      calls: callIds.size,
      callsWithoutRequest: [...callIds].filter((id) => calls.get(id)?.outcome !== 'ticket').length,
    },
  };
}
