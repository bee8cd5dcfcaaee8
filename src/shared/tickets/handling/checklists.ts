// The rulebook's checklists, one line each, ticked with its time (`ticket.checked`).
// R-MEDICAL-REPORT's three branches (domain.md "Emergency medical help") and the incident
// checklists of R-INCIDENT-PRINCIPLES (crime in progress, fire, lost or stolen property).

export const MEDICAL_BRANCHES = ['hospital', 'ambulance', 'care'] as const;
export type MedicalBranch = (typeof MEDICAL_BRANCHES)[number];

export const CHECKLISTS = {
  /** Branch 1: take the patient to hospital. */
  hospital: ['securityTold', 'twoGuardsSent', 'vehicleArranged', 'residentAccompanied', 'hospitalHelped', 'backAndReported'],
  /** Branch 2: call 120 for the resident. */
  ambulance: ['called120', 'residentToldMeet', 'shiftLeaderTold', 'gateGuardReady', 'ambulanceMet', 'leaderReported'],
  /** Branch 3: someone cares for the patient briefly; a carer is never alone with the patient. */
  care: ['shiftLeaderTold', 'carerSent', 'relativePresent', 'dutyOfficerChecked', 'backAndReported'],
  /** Crime in progress (security). */
  crime: ['departmentHeadTold', 'called110', 'exitsClosed', 'sceneIsolated', 'injuredToHospital', 'policeAssisted', 'writtenRecordPhotos'],
  /** Fire (disaster). */
  fire: ['extinguishersUsed', 'managementTold', 'called119', 'powerGasCut', 'peopleRescued', 'fireLanesOpen', 'liftsSecured', 'sceneIsolated', 'brigadeAssisted', 'serviceRestored', 'residentsNotified', 'writtenRecordPhotos'],
  /** Lost or stolen property (security). */
  lostProperty: ['securityLeaderAtScene', 'cctvReviewed', 'leadersTold', 'policeCalled', 'sceneProtected'],
  /** Typhoon or flooding (disaster): the incident principles. */
  flood: ['peopleSafe', 'managementTold', 'powerCut', 'drainsCleared', 'sandbagsPlaced', 'liftsSecured', 'residentsNotified', 'serviceRestored', 'writtenRecordPhotos'],
} as const satisfies Record<string, readonly string[]>;
export type ChecklistId = keyof typeof CHECKLISTS;
export const CHECKLIST_IDS = Object.keys(CHECKLISTS) as ChecklistId[];

/** Subtypes of the security and disaster kinds (domain.md table), each with its checklist. */
export const SECURITY_SUBTYPES = ['theft', 'fight', 'robbery', 'homicide', 'poisoning', 'trafficAccident', 'lostProperty'] as const;
export const DISASTER_SUBTYPES = ['typhoon', 'flooding', 'fire'] as const;
export const INCIDENT_SUBTYPES = [...SECURITY_SUBTYPES, ...DISASTER_SUBTYPES] as const;
export type IncidentSubtype = (typeof INCIDENT_SUBTYPES)[number];

/** R-EMERGENCY-NUMBERS: fire 119, ambulance 120, police 110, traffic accident 122. */
export const EMERGENCY_NUMBERS = ['110', '119', '120', '122'] as const;
export type EmergencyNumber = (typeof EMERGENCY_NUMBERS)[number];

/** The checklists that apply to a ticket: a medical branch's, or its incident subtype's. */
export function checklistsFor(kind: string, branch: MedicalBranch | undefined, subtype: IncidentSubtype | undefined): ChecklistId[] {
  if (kind === 'medical') return branch ? [branch] : [];
  if (kind === 'security') {
    if (subtype === 'lostProperty' || subtype === 'theft') return ['lostProperty', 'crime'];
    return ['crime'];
  }
  if (kind === 'disaster') return subtype === 'fire' ? ['fire'] : ['flood'];
  return [];
}

export function isChecklistItem(list: string, item: string): boolean {
  return Object.prototype.hasOwnProperty.call(CHECKLISTS, list) && (CHECKLISTS[list as ChecklistId] as readonly string[]).includes(item);
}
