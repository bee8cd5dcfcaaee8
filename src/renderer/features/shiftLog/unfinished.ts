// R-MORNING-REVIEW: what the supervisor chases first: of the shift's requests, the alarms due and
// not acknowledged (escalated first), the requests still open (urgent first), then the calls
// nobody turned into a request or dismissed, and the handover items not yet "OK". Pure.
import type { CallRecord } from '@shared/calls/callFold';
import { pendingDeadlines, type PendingDeadline } from '@shared/deadlines/pendingDeadlines';
import type { DeadlineTimings } from '@shared/deadlines/tuning';
import type { Ticket } from '@shared/tickets/ticketFold';
import { isSettled, type HandoverItem, type ShiftLogRow } from '@shared/shifts/shiftLogFold';
import type { LogEntry } from './logEntries';

export type UnfinishedItem =
  | { type: 'alarm'; ref: string; ticket: Ticket; deadline: PendingDeadline }
  | { type: 'request'; ref: string; ticket: Ticket }
  | { type: 'call'; ref: string; call: CallRecord }
  | { type: 'item'; ref: string; item: HandoverItem };

export const alarmRef = (d: PendingDeadline) => `alarm:${d.ticketId}|${d.ruleId}|${d.dueAt}`;

export function unfinishedItems(
  entries: readonly LogEntry[], tickets: ReadonlyMap<string, Ticket>, calls: ReadonlyMap<string, CallRecord>, timings: DeadlineTimings, now: number,
  row?: ShiftLogRow | null,
): UnfinishedItem[] {
  const ids = [...new Set(entries.flatMap((e) => (e.ticketId ? [e.ticketId] : [])))];
  const alarms: UnfinishedItem[] = [];
  const open: UnfinishedItem[] = [];
  for (const id of ids) {
    const ticket = tickets.get(id);
    if (!ticket || ticket.status === 'closed') continue;
    for (const deadline of pendingDeadlines(ticket, timings, now)) {
      if ((deadline.level === 'due' || deadline.level === 'overdue') && !deadline.acknowledged) alarms.push({ type: 'alarm', ref: alarmRef(deadline), ticket, deadline });
    }
    open.push({ type: 'request', ref: `ticket:${id}`, ticket });
  }
  const byAlarm = (a: UnfinishedItem, b: UnfinishedItem) =>
    a.type === 'alarm' && b.type === 'alarm' ? Number(Boolean(b.deadline.escalated)) - Number(Boolean(a.deadline.escalated)) || a.deadline.dueAt - b.deadline.dueAt : 0;
  const byUrgency = (a: UnfinishedItem, b: UnfinishedItem) =>
    a.type === 'request' && b.type === 'request' ? Number(b.ticket.urgency === 'urgent') - Number(a.ticket.urgency === 'urgent') || a.ticket.receivedAt - b.ticket.receivedAt : 0;
  const callIds = [...new Set(entries.filter((e) => e.event.type === 'call.received').map((e) => e.event.stream.slice('call:'.length)))];
  const pendingCalls = callIds.flatMap((id): UnfinishedItem[] => {
    const call = calls.get(id);
    return call && call.outcome === 'pending' ? [{ type: 'call', ref: `call:${id}`, call }] : [];
  });
  const items = (row?.items ?? []).filter((item) => !isSettled(item)).map((item): UnfinishedItem => ({ type: 'item', ref: `item:${item.id}`, item }));
  return [...alarms.sort(byAlarm), ...open.sort(byUrgency), ...pendingCalls, ...items];
}
