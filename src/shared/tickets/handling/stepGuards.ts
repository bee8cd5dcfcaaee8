import { can, type Role } from '../../domain/roles';
import type { Ticket } from '../ticketFold';
import { checklistsFor, type ChecklistId, type IncidentSubtype } from './checklists';
import * as E from './stepEvents';

// The commands' side of the rulebook: a step out of order is refused with a reason the UI
// translates (`handling.refused.<code>`), before anything is written. The fold never refuses
// (stepFold.ts): what arrives by sync was decided on its own station.

export type StepRefusal =
  | 'notPermitted'
  | 'closedTicket'
  | 'notClosed'
  | 'wrongKind'
  | 'inFuture'
  | 'beforeReceived'
  | 'notOrdered'
  | 'technicianNotCalled'
  | 'notReturned'
  | 'notResolved'
  | 'notTriaged'
  | 'complaintNotResolved'
  | 'repairNotDone'
  | 'referralMissing'
  | 'branchNotChosen'
  | 'notOnChecklist'
  | 'notWritten'
  | 'promiseInPast'
  | 'alreadyDone';

/** How far ahead of this station's clock a step's time may be (a clock a little fast elsewhere). */
export const FUTURE_SLACK_MS = 60_000;

/** Which steps a kind has beyond the common ones (R-… per kind). */
const KIND_STEPS: Partial<Record<E.StepType, readonly Ticket['kind'][]>> = {
  [E.TICKET_MEDICAL_BRANCH]: ['medical'],
  [E.TICKET_WORK_ORDER_ISSUED]: ['repair'],
  [E.TICKET_TECHNICIAN_CALLED]: ['repair'],
  [E.TICKET_TECHNICIAN_ON_SITE]: ['repair'],
  [E.TICKET_APPOINTMENT_AGREED]: ['repair'],
  [E.TICKET_REPAIR_RETURNED]: ['repair'],
  [E.TICKET_CHASED]: ['repair', 'complaint', 'other'],
  [E.TICKET_TRIAGED]: ['complaint'],
  [E.TICKET_WRITTEN_REPLY_SENT]: ['inquiry'],
  [E.TICKET_SIGNED_OFF]: ['repair', 'other'],
};

export interface StepDraft<T extends E.StepType = E.StepType> {
  type: T;
  payload: E.StepPayload<T>;
}

/**
 * Why `role` may not take `step` on `ticket` now (null: it may). `now` is this station's clock.
 * Each refusal cites the rule it keeps.
 */
export function refuseStep(ticket: Ticket, step: StepDraft, role: Role, now: number): StepRefusal | null {
  const permission = E.SUPERVISOR_STEPS.includes(step.type) ? 'ticket.supervise' : 'ticket.update';
  if (!can(role, permission)) return 'notPermitted';
  const h = ticket.handling ?? {};
  const p = step.payload as Record<string, unknown> & { at: number };
  if (step.type === E.TICKET_REOPENED) return ticket.status === 'closed' ? refuseTime(ticket, p.at, now) : 'notClosed';
  // A closed request takes no step but a reopen (a note is not a step).
  if (ticket.status === 'closed') return 'closedTicket';
  const kinds = KIND_STEPS[step.type];
  if (kinds && !kinds.includes(ticket.kind)) return 'wrongKind';
  const time = refuseTime(ticket, p.at, now);
  if (time) return time;
  switch (step.type) {
    case E.TICKET_TECHNICIAN_ON_SITE:
      // R-REPAIR-URGENT-15MIN: the 15 minutes run from the call.
      return h.technicianCalledAt === undefined ? 'technicianNotCalled' : h.onSiteAt !== undefined ? 'alreadyDone' : null;
    case E.TICKET_REPAIR_RETURNED:
      // R-REPAIR-RETURN: an order comes back only after it went out.
      return (h.workOrders?.length ?? 0) === 0 && h.technicianCalledAt === undefined ? 'notOrdered' : null;
    case E.TICKET_CHASED:
      // R-REPAIR-CHASE: what is chased is an order out (a repair) or a department's work.
      if (ticket.kind === 'repair') return (h.workOrders?.length ?? 0) === 0 && h.technicianCalledAt === undefined ? 'notOrdered' : null;
      return null;
    case E.TICKET_SIGNED_OFF:
      // R-REPAIR-RETURN: the resident signs the order, the reporter signs off a common-part fault, once it is back.
      return ticket.kind === 'repair' && !h.returned ? 'notReturned' : null;
    case E.TICKET_CONFIRMED:
      return ticket.status === 'resolved' ? null : 'notResolved';
    case E.TICKET_RESOLVED:
      // R-COMPLAINT-TRIAGE comes before a complaint's resolution; a repair is solved once it came
      // back (R-REPAIR-RETURN), else resolved and confirmed would close it done without a return.
      if (ticket.kind === 'complaint' && !h.triage) return 'notTriaged';
      return ticket.kind === 'repair' && (!h.returned || h.returned.result === 'notFixed') ? 'repairNotDone' : null;
    case E.TICKET_CLOSED:
      return refuseClose(ticket, step.payload as E.StepPayload<typeof E.TICKET_CLOSED>);
    case E.TICKET_CHECKED: {
      const lists = checklistsFor(ticket.kind, h.medicalBranch, h.details?.subtype as IncidentSubtype | undefined);
      if (ticket.kind === 'medical' && !h.medicalBranch) return 'branchNotChosen';
      return lists.includes(p.list as ChecklistId) ? null : 'notOnChecklist';
    }
    case E.TICKET_WRITTEN_REPLY_SENT:
      // R-INQUIRY-WRITTEN: a written reply answers a written inquiry.
      return ticket.channel === 'written' ? null : 'notWritten';
    case E.TICKET_PROMISED:
      return (p.promisedAt as number) < p.at ? 'promiseInPast' : null;
    case E.TICKET_APPOINTMENT_AGREED:
      return (p.appointmentAt as number) < p.at - FUTURE_SLACK_MS ? 'promiseInPast' : null;
    default:
      return null;
  }
}

/** A step happened between the request's arrival and now (back-filled ones too). */
function refuseTime(ticket: Ticket, at: number, now: number): StepRefusal | null {
  if (at > now + FUTURE_SLACK_MS) return 'inFuture';
  return at < ticket.receivedAt ? 'beforeReceived' : null;
}

/**
 * R-NO-BUCK-PASSING: never closed without an outcome. A referral names whom and how; a
 * complaint is closed done only once resolved (R-COMPLAINT-CONTACT); a repair only once it came
 * back fixed or with a temporary measure (R-REPAIR-RETURN).
 */
function refuseClose(ticket: Ticket, p: E.StepPayload<typeof E.TICKET_CLOSED>): StepRefusal | null {
  if (p.outcome === 'referred') return p.referral && p.referral.to.trim() && p.referral.how.trim() ? null : 'referralMissing';
  if (p.outcome !== 'done') return null;
  const h = ticket.handling ?? {};
  if (ticket.kind === 'complaint' && h.resolvedAt === undefined) return 'complaintNotResolved';
  if (ticket.kind === 'repair' && (!h.returned || h.returned.result === 'notFixed')) return 'repairNotDone';
  return null;
}
