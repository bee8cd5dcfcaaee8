// R-COMPLAINT-TRIAGE: a complaint is classified as a valid complaint, a matter to assist with or
// an excessive demand, for one of the rulebook's reasons (a pick-list), or another reason typed.

export const TRIAGE_REASONS = {
  valid: ['contractNotKept', 'regulationBroken', 'overcharged', 'notDoneAfterTwoReminders', 'rudeService', 'belongingsDamaged', 'contractorBelowStandard', 'cleaningQuality', 'greeningQuality', 'mailLostOrLate', 'other'],
  assist: ['otherResidentViolation', 'developerObligation', 'ownersCommittee', 'otherUtility', 'otherAuthority', 'other'],
  excessive: ['facilityNotPlanned', 'lowerFees', 'outsideContract', 'other'],
} as const;
export const TRIAGE_CATEGORIES = ['valid', 'assist', 'excessive'] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

export function isTriageReason(category: string, reason: string): boolean {
  return Object.prototype.hasOwnProperty.call(TRIAGE_REASONS, category) && (TRIAGE_REASONS[category as TriageCategory] as readonly string[]).includes(reason);
}

/** R-COMPLAINT-CONTACT: what cannot be solved at once is promised, generally within 3 days. */
export const COMPLAINT_PROMISE_DAYS = 3;
/** R-INQUIRY-WRITTEN: a written inquiry is answered in writing within 2 days. */
export const WRITTEN_REPLY_DAYS = 2;
/** R-SPECIAL-EVENT: the written report within 24 hours, 36 at the latest, from when it happened. */
export const SPECIAL_REPORT_HOURS = 24;
export const SPECIAL_REPORT_HARD_HOURS = 36;
