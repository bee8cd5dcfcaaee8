import type { MedicalBranch } from './checklists';
import type { TriageCategory } from './complaintTriage';
import type { TicketClocks } from '../../deadlines/clockFold';

/**
 * What the rulebook's steps leave on a ticket row (`Ticket.handling`): every time the deadlines
 * will need (received is the row's own `receivedAt`), and what the registers print. Absent on
 * rows folded before issue 14 and on requests with no step yet.
 */
export interface TicketHandling {
  /** Where, when not a unit (a common area or as typed). */
  place?: string;
  /** 补单: entered after the fact; `savedAt` is when it was entered (the row's createdAt). */
  backfill?: { reason: string };
  checks?: { listened: boolean; asked: boolean; readBack: boolean; recorded: boolean };
  reportedTo?: string;
  details?: {
    faultLocation?: string;
    anyoneHome?: 'yes' | 'no' | 'unknown';
    spareKey?: 'none' | 'mayUse' | 'keptNoUse';
    accessTime?: string;
    subtype?: string;
    happenedAt?: number;
  };
  answeredAt?: number;
  consultedAt?: number;
  repliedAt?: number;
  reportedAt?: number;
  department?: string;
  transferredAt?: number;
  promisedAt?: number;
  lastContactAt?: number;
  major?: { at: number; reason: string };
  /** When the supervisor, the manager, the company were told. */
  reportedUp?: { supervisor?: number; manager?: number; company?: number };
  medicalBranch?: MedicalBranch;
  /** `list.item` → when ticked. */
  checked?: Record<string, number>;
  /** 110/119/120/122 → when last called. */
  emergencyCalls?: Record<string, number>;
  workOrders?: WorkOrder[];
  technicianCalledAt?: number;
  technician?: string;
  onSiteAt?: number;
  appointmentAt?: number;
  returned?: { at: number; result: 'fixed' | 'notFixed' | 'temporary' };
  chases?: number;
  lastChasedAt?: number;
  fee?: { standard: string; at: number };
  signedOff?: { at: number; by: 'resident' | 'reporter' };
  triage?: { category: TriageCategory; reason: string };
  resolvedAt?: number;
  confirmedAt?: number;
  closedAt?: number;
  outcome?: { kind: 'done' | 'referred' | 'withdrawn'; referral?: { to: string; how: string } };
  writtenReplyAt?: number;
  specialReport?: { phoneAt?: number; writtenAt?: number };
  /** Issue 15: pauses, acknowledgements, snoozes and escalations per deadline rule (deadlines/clockFold.ts). */
  clocks?: TicketClocks;
}

export interface WorkOrder {
  number: string;
  department: string;
  technician?: string;
  issuedAt: number;
  returned?: { at: number; result: 'fixed' | 'notFixed' | 'temporary' };
}
