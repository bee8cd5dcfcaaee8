import { z } from 'zod';
import { CHECKLIST_IDS, EMERGENCY_NUMBERS, MEDICAL_BRANCHES, isChecklistItem } from './checklists';
import { TRIAGE_CATEGORIES, isTriageReason } from './complaintTriage';
import { REFERENCE_LIMITS } from './references';

// Issue 14: the rulebook's handling of a request, one event per step, each with its actor (the
// envelope) and the time it happened (`at`, epoch ms: a step is often recorded after the fact,
// e.g. "technician on site at 03:12" typed at 03:20). Every type is registered in
// events/registry.ts; the fold (stepFold.ts) accepts them in any order; the commands refuse
// steps out of order (stepGuards.ts). Rule ids (R-…) are domain.md's.

const text = (max: number) => z.string().trim().max(max);
/**
 * The latest time a Date can hold: a later one (a hostile or broken station's) would make every
 * place that shows it throw (the timeline, the registers, the alarms).
 */
export const MAX_TIME = 8.64e15;
const at = z.number().int().nonnegative().max(MAX_TIME);
const who = text(60);
const department = text(REFERENCE_LIMITS.entry).min(1);

/** R-REPLY-NOW, R-INQUIRY-ORAL: answered at once, with what was said. */
export const TICKET_ANSWERED = 'ticket.answered';
export const ticketAnsweredPayload = z.object({ at, text: text(2000) });

/** R-REPLY-5MIN, R-HELP: what the desk cannot solve is raised with the supervisor (the 5 minutes start). */
export const TICKET_SUPERVISOR_CONSULTED = 'ticket.supervisorConsulted';
export const ticketSupervisorConsultedPayload = z.object({ at, whom: who, text: text(2000).optional() });

/** R-REPLY-5MIN: the reply to the resident (stops the 5 minutes). */
export const TICKET_REPLIED = 'ticket.replied';
export const ticketRepliedPayload = z.object({ at, text: text(2000).min(1) });

/** R-FOUR-CLEAR (一报告): reported to the head of the responsible unit. */
export const TICKET_REPORTED = 'ticket.reported';
export const ticketReportedPayload = z.object({ at, to: who.min(1) });

/** Transferred to a department (settings' list, or as typed). */
export const TICKET_TRANSFERRED = 'ticket.transferred';
export const ticketTransferredPayload = z.object({ at, department, text: text(400).optional() });

/** R-VISIT, R-COMPLAINT-CONTACT: the resident is told when it will be done (the promised date). */
export const TICKET_PROMISED = 'ticket.promised';
export const ticketPromisedPayload = z.object({ at, promisedAt: at, text: text(400).optional() });

/** R-VISIT (call back), R-COMPLAINT-LISTEN (kept informed): a contact with the resident. */
export const CONTACT_PURPOSES = ['callback', 'update', 'apology'] as const;
export const TICKET_RESIDENT_CONTACTED = 'ticket.residentContacted';
export const ticketResidentContactedPayload = z.object({ at, purpose: z.enum(CONTACT_PURPOSES), text: text(2000).min(1) });

/** R-MEDICAL-REPORT, R-REPAIR-MAJOR, R-COMPLAINT-MAJOR: a major case, reported up at once. */
export const TICKET_MAJOR_MARKED = 'ticket.majorMarked';
export const ticketMajorMarkedPayload = z.object({ at, reason: text(400).min(1) });

/** Who was told up the line: the supervisor (R-MEDICAL-REPORT), the manager (R-REPAIR-MAJOR, R-COMPLAINT-MAJOR), the company. */
export const REPORT_LEVELS = ['supervisor', 'manager', 'company'] as const;
export const TICKET_REPORTED_UP = 'ticket.reportedUp';
export const ticketReportedUpPayload = z.object({ at, to: z.enum(REPORT_LEVELS), text: text(2000).optional() });

/** R-MEDICAL-REPORT: the branch chosen (hospital, 120, short-term care) opens its checklist. */
export const TICKET_MEDICAL_BRANCH = 'ticket.medicalBranchChosen';
export const ticketMedicalBranchPayload = z.object({ at, branch: z.enum(MEDICAL_BRANCHES) });

/** One checklist line ticked, with its time (checklists.ts). */
export const TICKET_CHECKED = 'ticket.checked';
export const ticketCheckedPayload = z
  .object({ at, list: z.enum(CHECKLIST_IDS as [string, ...string[]]), item: z.string().max(40), note: text(400).optional() })
  .refine((p) => isChecklistItem(p.list, p.item), { message: 'not an item of this checklist', path: ['item'] });

/** R-EMERGENCY-NUMBERS: 110, 119, 120 or 122 called, at. */
export const TICKET_EMERGENCY_CALLED = 'ticket.emergencyCalled';
export const ticketEmergencyCalledPayload = z.object({ at, number: z.enum(EMERGENCY_NUMBERS) });

/** R-REPAIR-ORDER-5MIN: the work order (维修服务通知单), its own number, to a department or technician. */
export const TICKET_WORK_ORDER_ISSUED = 'ticket.workOrderIssued';
export const ticketWorkOrderIssuedPayload = z.object({ at, orderNumber: z.string().min(1).max(40), department, technician: who.optional(), text: text(2000).optional() });

/** R-REPAIR-URGENT-15MIN: the technician phoned or radioed (the 15 minutes start). */
export const TICKET_TECHNICIAN_CALLED = 'ticket.technicianCalled';
export const ticketTechnicianCalledPayload = z.object({ at, how: z.enum(['phone', 'radio']), technician: who.min(1) });

/** R-REPAIR-URGENT-15MIN: on site (stops the 15 minutes). */
export const TICKET_TECHNICIAN_ON_SITE = 'ticket.technicianOnSite';
export const ticketTechnicianOnSitePayload = z.object({ at });

/** R-REPAIR-APPOINTMENT: the time agreed with the resident. */
export const TICKET_APPOINTMENT_AGREED = 'ticket.appointmentAgreed';
export const ticketAppointmentAgreedPayload = z.object({ at, appointmentAt: at, text: text(400).optional() });

/** R-REPAIR-RETURN: the order comes back: fixed, not fixed (a new appointment follows) or a temporary measure. */
export const REPAIR_RESULTS = ['fixed', 'notFixed', 'temporary'] as const;
export const TICKET_REPAIR_RETURNED = 'ticket.repairReturned';
export const ticketRepairReturnedPayload = z.object({ at, result: z.enum(REPAIR_RESULTS), text: text(2000).min(1), orderNumber: z.string().max(40).optional() });

/** R-REPAIR-CHASE: an order not returned or not fixed for long is chased (催办). */
export const TICKET_CHASED = 'ticket.chased';
export const ticketChasedPayload = z.object({ at, whom: who.min(1), text: text(400).optional() });

/** Paid service (有偿服务): the fee standard told and accepted before work starts. */
export const TICKET_FEE_AGREED = 'ticket.feeAgreed';
export const ticketFeeAgreedPayload = z.object({ at, feeStandard: text(400).min(1) });

/** R-REPAIR-RETURN: the resident signs the order (paid work); a common-part fault is signed off by its reporter. */
export const SIGNERS = ['resident', 'reporter'] as const;
export const TICKET_SIGNED_OFF = 'ticket.signedOff';
export const ticketSignedOffPayload = z.object({ at, by: z.enum(SIGNERS), name: who.optional() });

/** R-COMPLAINT-TRIAGE: valid, matter to assist with, excessive demand, with the rulebook's reason. */
export const TICKET_TRIAGED = 'ticket.triaged';
export const ticketTriagedPayload = z
  .object({ at, category: z.enum(TRIAGE_CATEGORIES), reason: z.string().max(40), text: text(400).optional() })
  .refine((p) => isTriageReason(p.category, p.reason), { message: 'not a reason of this category', path: ['reason'] });

/** Solved, awaiting the resident's confirmation (R-COMPLAINT-LISTEN: check with them when it is solved). */
export const TICKET_RESOLVED = 'ticket.resolved';
export const ticketResolvedPayload = z.object({ at, text: text(2000).min(1) });

/** The resident confirms it is solved: the request is closed. */
export const TICKET_CONFIRMED = 'ticket.confirmed';
export const ticketConfirmedPayload = z.object({ at, text: text(400).optional() });

/**
 * R-NO-BUCK-PASSING: closed only with an outcome; a request the property cannot handle is
 * closed with a referral (whom the resident was put in touch with, how).
 */
export const CLOSE_OUTCOMES = ['done', 'referred', 'withdrawn'] as const;
export const TICKET_CLOSED = 'ticket.closed';
export const ticketClosedPayload = z
  .object({ at, outcome: z.enum(CLOSE_OUTCOMES), text: text(2000).min(1), referral: z.object({ to: who.min(1), how: text(400).min(1) }).optional() })
  .refine((p) => p.outcome !== 'referred' || p.referral !== undefined, { message: 'a referral names whom and how', path: ['referral'] });

/** Reopened, with the reason (a supervisor's step). */
export const TICKET_REOPENED = 'ticket.reopened';
export const ticketReopenedPayload = z.object({ at, reason: text(400).min(1) });

/** R-INQUIRY-WRITTEN: the written reply (its text kept and printable), by the supervisor. */
export const TICKET_WRITTEN_REPLY_SENT = 'ticket.writtenReplySent';
export const ticketWrittenReplySentPayload = z.object({ at, text: text(4000).min(1) });

/** R-SPECIAL-EVENT: the special event report (特别事件报告): time, place, course, outcome. */
export const SPECIAL_REPORT_MODES = ['phone', 'written'] as const;
export const TICKET_SPECIAL_REPORT_SENT = 'ticket.specialReportSent';
export const ticketSpecialReportSentPayload = z.object({
  at,
  mode: z.enum(SPECIAL_REPORT_MODES),
  happenedAt: at,
  place: text(200).min(1),
  course: text(4000).min(1),
  outcome: text(2000).min(1),
});

/** Every step type with its payload schema (the registry's entries; stepFold.ts folds them). */
export const STEP_PAYLOADS = {
  [TICKET_ANSWERED]: ticketAnsweredPayload,
  [TICKET_SUPERVISOR_CONSULTED]: ticketSupervisorConsultedPayload,
  [TICKET_REPLIED]: ticketRepliedPayload,
  [TICKET_REPORTED]: ticketReportedPayload,
  [TICKET_TRANSFERRED]: ticketTransferredPayload,
  [TICKET_PROMISED]: ticketPromisedPayload,
  [TICKET_RESIDENT_CONTACTED]: ticketResidentContactedPayload,
  [TICKET_MAJOR_MARKED]: ticketMajorMarkedPayload,
  [TICKET_REPORTED_UP]: ticketReportedUpPayload,
  [TICKET_MEDICAL_BRANCH]: ticketMedicalBranchPayload,
  [TICKET_CHECKED]: ticketCheckedPayload,
  [TICKET_EMERGENCY_CALLED]: ticketEmergencyCalledPayload,
  [TICKET_WORK_ORDER_ISSUED]: ticketWorkOrderIssuedPayload,
  [TICKET_TECHNICIAN_CALLED]: ticketTechnicianCalledPayload,
  [TICKET_TECHNICIAN_ON_SITE]: ticketTechnicianOnSitePayload,
  [TICKET_APPOINTMENT_AGREED]: ticketAppointmentAgreedPayload,
  [TICKET_REPAIR_RETURNED]: ticketRepairReturnedPayload,
  [TICKET_CHASED]: ticketChasedPayload,
  [TICKET_FEE_AGREED]: ticketFeeAgreedPayload,
  [TICKET_SIGNED_OFF]: ticketSignedOffPayload,
  [TICKET_TRIAGED]: ticketTriagedPayload,
  [TICKET_RESOLVED]: ticketResolvedPayload,
  [TICKET_CONFIRMED]: ticketConfirmedPayload,
  [TICKET_CLOSED]: ticketClosedPayload,
  [TICKET_REOPENED]: ticketReopenedPayload,
  [TICKET_WRITTEN_REPLY_SENT]: ticketWrittenReplySentPayload,
  [TICKET_SPECIAL_REPORT_SENT]: ticketSpecialReportSentPayload,
} as const;
export type StepType = keyof typeof STEP_PAYLOADS;
export const STEP_TYPES = Object.keys(STEP_PAYLOADS) as StepType[];
export type StepPayload<T extends StepType> = z.infer<(typeof STEP_PAYLOADS)[T]>;

/** Steps only a supervisor or a manager takes (permission `ticket.supervise`). */
export const SUPERVISOR_STEPS: readonly StepType[] = [TICKET_WRITTEN_REPLY_SENT, TICKET_SPECIAL_REPORT_SENT, TICKET_REOPENED];

export function isStepType(type: string): type is StepType {
  return Object.prototype.hasOwnProperty.call(STEP_PAYLOADS, type);
}
