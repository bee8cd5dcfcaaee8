// Who may do what on the shared workstation: staff sign in with their own PIN and their role
// decides what they may see and do (R-CONFIDENTIAL).

export const ROLES = ['clerk', 'supervisor', 'manager', 'controlRoom'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'ticket.create',
  'ticket.update',
  // Issue 14: the steps of a request only a supervisor or a manager takes (the written reply to a
  // written inquiry, R-INQUIRY-WRITTEN; the special event report, R-SPECIAL-EVENT; reopening).
  'ticket.supervise',
  // R-CONFIDENTIAL: only the property assistant (front desk) and the managers look residents up.
  'directory.browse',
  'directory.edit',
  'phone.unmask',
  'staff.manage',
  'settings.manage',
  // Issue 13: connecting the workstation to the estate's hub, disconnecting it, its schedule
  // (a token is the station's identity towards the hub): the manager only. Supervisors see the
  // Sync screen (they hold settings.manage) but change nothing there.
  'sync.manage',
  // Issue 15: the estate's deadline durations and warnings (the rulebook's numbers): the manager only.
  'deadline.tune',
  // Issue 16, R-MORNING-REVIEW, R-DAILY-REPORT: reviewing a shift's log, signing the daily report.
  'shift.review',
  // Issue 16, R-KEYS: the key register (deposit, lend, return).
  'keys.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const grants: Record<Role, readonly Permission[]> = {
  clerk: ['ticket.create', 'ticket.update', 'directory.browse', 'directory.edit', 'phone.unmask', 'keys.manage'],
  supervisor: ['ticket.create', 'ticket.update', 'ticket.supervise', 'directory.browse', 'directory.edit', 'phone.unmask', 'settings.manage', 'shift.review', 'keys.manage'],
  manager: PERMISSIONS,
  // The control room takes the phone at night and records calls, but does not browse residents' data.
  controlRoom: ['ticket.create', 'ticket.update'],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
