// The columns of each paper form (R-RECORD) and what a ticket row puts in them. Pure: the
// translations, the station's clock and the number masking come in as `RegisterLabels`, so the
// screen, the printed form and the xlsx export show the same cells.
import type { RequestKind, TicketStatus } from '../domain/requestKinds';
import type { Ticket } from '../tickets/ticketFold';
import type { MedicalBranch } from '../tickets/handling/checklists';
import type { TriageCategory } from '../tickets/handling/complaintTriage';
import type { TicketHandling } from '../tickets/handling/handlingState';
import type { RegisterId } from './registerKinds';

const FIRST = ['number', 'receivedAt', 'place', 'caller', 'phone', 'description'] as const;
const LAST = ['status', 'handledBy'] as const;

/** Each form's own columns between the common first and last ones. */
const OWN = {
  // R-MEDICAL-REPORT, R-EMERGENCY-NUMBERS: what happened, who was called, who was told.
  help: ['category', 'emergencyCalls', 'reportedUp'],
  // R-COMPLAINT-TRIAGE, R-COMPLAINT-CONTACT: the triage, who handles it, the promise and its keeping.
  complaint: ['triage', 'department', 'promisedAt', 'resolvedAt', 'confirmedAt'],
  // R-REPAIR-FIELDS, R-REPAIR-ORDER-5MIN, R-REPAIR-RETURN: where, the orders, who, on site, the result, the sign-off.
  repair: ['faultLocation', 'workOrders', 'assignee', 'onSiteAt', 'result', 'signedOff'],
  // R-REPLY-NOW, R-INQUIRY-*, R-NO-BUCK-PASSING: when answered or replied, and the outcome or referral.
  daily: ['category', 'replies', 'outcome'],
} as const satisfies Record<RegisterId, readonly string[]>;

export type RegisterColumn = (typeof FIRST)[number] | (typeof LAST)[number] | (typeof OWN)[RegisterId][number];

export function registerColumns(register: RegisterId): RegisterColumn[] {
  return [...FIRST, ...OWN[register], ...LAST];
}

type ReturnResult = NonNullable<TicketHandling['returned']>['result'];
type Outcome = NonNullable<TicketHandling['outcome']>;

/** What a cell needs from the screen: its language, the station's clock, the reader's role. */
export interface RegisterLabels {
  /** Date and time in the station's time zone. */
  time(epochMs: number): string;
  /** 补单: the received time was set back. */
  backfilled: string;
  kind(kind: RequestKind): string;
  status(status: TicketStatus): string;
  /** A known common-area or department id translated, anything else as typed. */
  place(value: string): string;
  department(value: string): string;
  subtype(value: string): string;
  branch(branch: MedicalBranch): string;
  triage(category: TriageCategory, reason: string): string;
  result(result: ReturnResult): string;
  signedOff(by: 'resident' | 'reporter', time: string): string;
  outcome(outcome: Outcome): string;
  reportedUp(to: 'supervisor' | 'manager' | 'company', time: string): string;
  reply(step: 'answered' | 'consulted' | 'replied' | 'writtenReply', time: string): string;
  emergencyCall(number: string, time: string): string;
  /** R-CONFIDENTIAL: the number as the reader's role may see it. */
  phone(stored: string): string;
  staff(id: string | null): string;
  /** Joins several entries in one cell. */
  separator: string;
}

const when = (labels: RegisterLabels, at: number | undefined) => (at === undefined ? '' : labels.time(at));

function cell(ticket: Ticket, column: RegisterColumn, l: RegisterLabels): string {
  const h: TicketHandling = ticket.handling ?? {};
  const join = (items: string[]) => items.filter(Boolean).join(l.separator);
  switch (column) {
    case 'number': return ticket.number;
    case 'receivedAt': return ticket.backfilled ? `${l.time(ticket.receivedAt)} ${l.backfilled}` : l.time(ticket.receivedAt);
    case 'place': return join([ticket.unitKey, h.place ? l.place(h.place) : '']);
    case 'caller': return ticket.callerName;
    case 'phone': return l.phone(ticket.callerPhone);
    case 'description': return ticket.description;
    case 'status': return l.status(ticket.status);
    case 'handledBy': return l.staff(ticket.createdBy);
    case 'category': return join([l.kind(ticket.kind), h.details?.subtype ? l.subtype(h.details.subtype) : '', h.medicalBranch ? l.branch(h.medicalBranch) : '']);
    case 'emergencyCalls': return join(Object.entries(h.emergencyCalls ?? {}).sort((a, b) => a[1] - b[1]).map(([number, at]) => l.emergencyCall(number, l.time(at))));
    case 'reportedUp': return join((['supervisor', 'manager', 'company'] as const).flatMap((to) => (h.reportedUp?.[to] === undefined ? [] : [l.reportedUp(to, l.time(h.reportedUp[to]))])));
    case 'triage': return h.triage ? l.triage(h.triage.category, h.triage.reason) : '';
    case 'department': return h.department ? l.department(h.department) : '';
    case 'promisedAt': return when(l, h.promisedAt);
    case 'resolvedAt': return when(l, h.resolvedAt);
    case 'confirmedAt': return when(l, h.confirmedAt);
    case 'faultLocation': return h.details?.faultLocation ?? '';
    case 'workOrders': return join((h.workOrders ?? []).map((o) => o.number));
    case 'assignee': return join([...new Set([...(h.workOrders ?? []).flatMap((o) => [l.department(o.department), o.technician ?? '']), h.department ? l.department(h.department) : '', h.technician ?? ''].filter(Boolean))]);
    case 'onSiteAt': return when(l, h.onSiteAt);
    case 'result': return h.returned ? `${l.result(h.returned.result)} ${l.time(h.returned.at)}` : '';
    case 'signedOff': return h.signedOff ? l.signedOff(h.signedOff.by, l.time(h.signedOff.at)) : '';
    case 'replies': return join([
      h.answeredAt === undefined ? '' : l.reply('answered', l.time(h.answeredAt)),
      h.consultedAt === undefined ? '' : l.reply('consulted', l.time(h.consultedAt)),
      h.repliedAt === undefined ? '' : l.reply('replied', l.time(h.repliedAt)),
      h.writtenReplyAt === undefined ? '' : l.reply('writtenReply', l.time(h.writtenReplyAt)),
    ]);
    case 'outcome': return h.outcome ? l.outcome(h.outcome) : '';
  }
}

/** One line of the form: a text per column, in the form's column order. */
export function registerRow(ticket: Ticket, register: RegisterId, labels: RegisterLabels): string[] {
  return registerColumns(register).map((column) => cell(ticket, column, labels));
}
