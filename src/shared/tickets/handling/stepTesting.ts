// What the handling tests share: a request as the fold makes it from `ticket.opened`, and a
// step taken the way the commands take it (the payload's schema, then the guard, then the
// fold). Pure, no database: the commands' own test (renderer/features/handling) covers the store.
import type { DeskEvent } from '../../events/envelope';
import { formatHlc } from '../../hlc';
import type { Role } from '../../domain/roles';
import { foldTicket, type Ticket } from '../ticketFold';
import { TICKET_OPENED, ticketOpenedPayload, type TicketOpenedPayload } from '../ticketEvents';
import { STEP_PAYLOADS, type StepPayload, type StepType } from './stepEvents';
import { refuseStep, type StepRefusal } from './stepGuards';

/** When the resident called, and this station's clock an hour later. */
export const RECEIVED = Date.parse('2026-11-22T08:00:00Z');
export const NOW = RECEIVED + 3_600_000;
export const MINUTE = 60_000;

let counter = 0;
/** A stamp `millis` after RECEIVED, each one later than the last. */
export function nextHlc(millis = NOW): string {
  counter = (counter + 1) % 0xffff;
  return formatHlc({ millis, counter, node: '00000000000000fd' });
}

export function event(type: string, payload: Record<string, unknown>, hlc = nextHlc(), id = `e-${hlc}`): DeskEvent {
  return { id, stream: 'ticket:t1', type, hlc, station: 'front-desk', actor: 'staff-1', payload };
}

export function openedEvent(overrides: Partial<TicketOpenedPayload> = {}): DeskEvent {
  const payload: TicketOpenedPayload = {
    number: 'FD-20261122-001', channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', unitKey: '3-1502',
    callerName: '张三', callerPhone: '13800138000', description: '厨房水管漏水', paid: false, receivedAt: RECEIVED, ...overrides,
  };
  return event(TICKET_OPENED, ticketOpenedPayload.parse(payload), formatHlc({ millis: RECEIVED, counter: 0, node: '00000000000000fd' }), 'e-opened');
}

/** A request just recorded (status open). */
export function opened(overrides: Partial<TicketOpenedPayload> = {}): Ticket {
  return foldTicket(null, openedEvent(overrides))!;
}

/** Folds events in the order given (what a station does with events in (hlc, id) order). */
export function foldAll(events: readonly DeskEvent[], from: Ticket | null = null): Ticket | null {
  return events.reduce<Ticket | null>((ticket, e) => foldTicket(ticket, e), from);
}

/** Why the commands would refuse this step now (null: they would take it). Throws if the payload's schema refuses it. */
export function refusal<T extends StepType>(ticket: Ticket, type: T, payload: StepPayload<T>, role: Role = 'clerk', now = NOW): StepRefusal | null {
  const parsed = STEP_PAYLOADS[type].parse(payload) as StepPayload<T>;
  return refuseStep(ticket, { type, payload: parsed }, role, now);
}

/** Takes a step as the commands do: refused steps throw with their code; taken ones are folded. */
export function take<T extends StepType>(ticket: Ticket, type: T, payload: StepPayload<T>, role: Role = 'clerk', now = NOW): Ticket {
  const refused = refusal(ticket, type, payload, role, now);
  if (refused) throw new Error(`refused: ${refused}`);
  return foldTicket(ticket, event(type, STEP_PAYLOADS[type].parse(payload) as Record<string, unknown>))!;
}

/** Whether the payload's schema (the registry's check, for drafts and synced events) accepts it. */
export function schemaAccepts(type: StepType, payload: unknown): boolean {
  return STEP_PAYLOADS[type].safeParse(payload).success;
}

/** A payload the schema accepts for every step type (a new type fails to compile until it has one). */
export const STEP_SAMPLES: { [T in StepType]: StepPayload<T> } = {
  'ticket.answered': { at: NOW, text: '已答复' },
  'ticket.supervisorConsulted': { at: NOW, whom: '陈主管' },
  'ticket.replied': { at: NOW, text: '已回复住户' },
  'ticket.reported': { at: NOW, to: '工程部主管' },
  'ticket.transferred': { at: NOW, department: 'engineering' },
  'ticket.promised': { at: NOW, promisedAt: NOW + 3 * 86_400_000 },
  'ticket.residentContacted': { at: NOW, purpose: 'callback', text: '回访' },
  'ticket.majorMarked': { at: NOW, reason: '重大' },
  'ticket.reportedUp': { at: NOW, to: 'manager' },
  'ticket.medicalBranchChosen': { at: NOW, branch: 'hospital' },
  'ticket.checked': { at: NOW, list: 'hospital', item: 'securityTold' },
  'ticket.emergencyCalled': { at: NOW, number: '120' },
  'ticket.workOrderIssued': { at: NOW, orderNumber: 'FD-W20261122-01', department: 'engineering' },
  'ticket.technicianCalled': { at: NOW, how: 'phone', technician: '刘师傅' },
  'ticket.technicianOnSite': { at: NOW },
  'ticket.appointmentAgreed': { at: NOW, appointmentAt: NOW + 86_400_000 },
  'ticket.repairReturned': { at: NOW, result: 'fixed', text: '已修好' },
  'ticket.chased': { at: NOW, whom: '工程部' },
  'ticket.feeAgreed': { at: NOW, feeStandard: '80元/次' },
  'ticket.signedOff': { at: NOW, by: 'resident' },
  'ticket.triaged': { at: NOW, category: 'valid', reason: 'rudeService' },
  'ticket.resolved': { at: NOW, text: '已解决' },
  'ticket.confirmed': { at: NOW },
  'ticket.closed': { at: NOW, outcome: 'done', text: '结束' },
  'ticket.reopened': { at: NOW, reason: '再查' },
  'ticket.writtenReplySent': { at: NOW, text: '书面答复' },
  'ticket.specialReportSent': { at: NOW, mode: 'written', happenedAt: NOW, place: '车库', course: '经过', outcome: '结果' },
};
