import type { DeskEvent } from '../../events/envelope';
import type { TicketStatus } from '../../domain/requestKinds';
import type { TicketHandling } from './handlingState';
import type { TriageCategory } from './complaintTriage';
import * as E from './stepEvents';

// Folds a step into the ticket's handling and status. Pure, and it never refuses: whatever
// arrives by sync is recorded (the commands refuse steps out of order, stepGuards.ts). The
// store folds a stream in (hlc, id) order, so every station reaches the same row.

export interface StepResult {
  handling: TicketHandling;
  status: TicketStatus;
  /** Set by a step that changes whether it is a paid service (the fee agreed). */
  paid?: boolean;
}

/** A step on a request that has not been worked on yet starts the work. */
const started = (status: TicketStatus): TicketStatus => (status === 'open' ? 'inProgress' : status);
/** A closed request stays closed whatever arrives late; only a reopen opens it. */
const working = (status: TicketStatus): TicketStatus => (status === 'closed' || status === 'resolved' ? status : 'inProgress');

export function foldStep(handling: TicketHandling, status: TicketStatus, event: DeskEvent): StepResult | null {
  if (!E.isStepType(event.type)) return null;
  const parsed = E.STEP_PAYLOADS[event.type].safeParse(event.payload);
  if (!parsed.success) return null;
  const h: TicketHandling = { ...handling };
  const p = parsed.data as Record<string, unknown> & { at: number };
  switch (event.type) {
    case E.TICKET_ANSWERED:
      h.answeredAt = p.at;
      return { handling: h, status: started(status) };
    case E.TICKET_SUPERVISOR_CONSULTED:
      h.consultedAt = p.at;
      return { handling: h, status: started(status) };
    case E.TICKET_REPLIED:
      h.repliedAt = p.at;
      return { handling: h, status: started(status) };
    case E.TICKET_REPORTED:
      h.reportedAt = p.at;
      return { handling: h, status: started(status) };
    case E.TICKET_TRANSFERRED:
      h.department = p.department as string;
      h.transferredAt = p.at;
      return { handling: h, status: working(status) };
    case E.TICKET_PROMISED:
      h.promisedAt = p.promisedAt as number;
      return { handling: h, status: started(status) };
    case E.TICKET_RESIDENT_CONTACTED:
      h.lastContactAt = p.at;
      return { handling: h, status: started(status) };
    case E.TICKET_MAJOR_MARKED:
      h.major = { at: p.at, reason: p.reason as string };
      return { handling: h, status };
    case E.TICKET_REPORTED_UP:
      h.reportedUp = { ...h.reportedUp, [p.to as string]: p.at };
      return { handling: h, status };
    case E.TICKET_MEDICAL_BRANCH:
      h.medicalBranch = p.branch as TicketHandling['medicalBranch'];
      return { handling: h, status: started(status) };
    case E.TICKET_CHECKED:
      h.checked = { ...h.checked, [`${p.list as string}.${p.item as string}`]: p.at };
      return { handling: h, status: started(status) };
    case E.TICKET_EMERGENCY_CALLED:
      h.emergencyCalls = { ...h.emergencyCalls, [p.number as string]: p.at };
      return { handling: h, status: started(status) };
    case E.TICKET_WORK_ORDER_ISSUED: {
      const order = { number: p.orderNumber as string, department: p.department as string, issuedAt: p.at, ...(p.technician ? { technician: p.technician as string } : {}) };
      h.workOrders = [...(h.workOrders ?? []).filter((o) => o.number !== order.number), order];
      h.department = order.department;
      return { handling: h, status: working(status) };
    }
    case E.TICKET_TECHNICIAN_CALLED:
      h.technicianCalledAt = p.at;
      h.technician = p.technician as string;
      return { handling: h, status: working(status) };
    case E.TICKET_TECHNICIAN_ON_SITE:
      h.onSiteAt = p.at;
      return { handling: h, status: working(status) };
    case E.TICKET_APPOINTMENT_AGREED:
      h.appointmentAt = p.appointmentAt as number;
      return { handling: h, status: working(status) };
    case E.TICKET_REPAIR_RETURNED: {
      const result = p.result as 'fixed' | 'notFixed' | 'temporary';
      h.returned = { at: p.at, result };
      const number = (p.orderNumber as string | undefined) ?? h.workOrders?.at(-1)?.number;
      if (h.workOrders && number) h.workOrders = h.workOrders.map((o) => (o.number === number ? { ...o, returned: { at: p.at, result } } : o));
      // R-REPAIR-RETURN: fixed is solved (the resident is told, then confirms); not fixed or a
      // temporary measure needs a new visit.
      if (result === 'fixed') {
        h.resolvedAt = p.at;
        return { handling: h, status: status === 'closed' ? status : 'resolved' };
      }
      // A new appointment follows: the old one no longer stands.
      delete h.appointmentAt;
      return { handling: h, status: status === 'closed' ? status : 'inProgress' };
    }
    case E.TICKET_CHASED:
      h.chases = (h.chases ?? 0) + 1;
      h.lastChasedAt = p.at;
      return { handling: h, status };
    case E.TICKET_FEE_AGREED:
      h.fee = { standard: p.feeStandard as string, at: p.at };
      return { handling: h, status: started(status), paid: true };
    case E.TICKET_SIGNED_OFF:
      h.signedOff = { at: p.at, by: p.by as 'resident' | 'reporter' };
      return { handling: h, status };
    case E.TICKET_TRIAGED:
      h.triage = { category: p.category as TriageCategory, reason: p.reason as string };
      return { handling: h, status: started(status) };
    case E.TICKET_RESOLVED:
      h.resolvedAt = p.at;
      return { handling: h, status: status === 'closed' ? status : 'resolved' };
    case E.TICKET_CONFIRMED:
      h.confirmedAt = p.at;
      h.closedAt = h.closedAt ?? p.at;
      h.outcome = h.outcome ?? { kind: 'done' };
      return { handling: h, status: 'closed' };
    case E.TICKET_CLOSED: {
      const referral = p.referral as { to: string; how: string } | undefined;
      h.closedAt = p.at;
      h.outcome = { kind: p.outcome as 'done' | 'referred' | 'withdrawn', ...(referral ? { referral } : {}) };
      return { handling: h, status: 'closed' };
    }
    case E.TICKET_REOPENED:
      // Reopened: it is not solved any more, so a complaint needs a new resolution and a repair
      // a new return before it is closed done (the work orders keep their own returns).
      delete h.closedAt;
      delete h.outcome;
      delete h.confirmedAt;
      delete h.resolvedAt;
      delete h.returned;
      return { handling: h, status: 'inProgress' };
    case E.TICKET_WRITTEN_REPLY_SENT:
      h.writtenReplyAt = p.at;
      h.repliedAt = h.repliedAt ?? p.at;
      return { handling: h, status: status === 'closed' ? status : 'resolved' };
    case E.TICKET_SPECIAL_REPORT_SENT:
      h.specialReport = { ...h.specialReport, [p.mode === 'phone' ? 'phoneAt' : 'writtenAt']: p.at };
      return { handling: h, status };
    default:
      return null;
  }
}
