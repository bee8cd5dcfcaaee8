import type { DeskEvent } from '../events/envelope';
import { applyLww } from '../events/lastWriterWins';
import type { Role } from '../domain/roles';
import type { Language } from '../station/stationEvents';
import {
  STAFF_ADDED, STAFF_LOCKED_OUT, STAFF_LOCKOUT_LIFTED, STAFF_PIN_SET, STAFF_UPDATED, staffAddedPayload, staffLockedOutPayload, staffPinSetPayload, staffUpdatedPayload, type PinHash,
} from './staffEvents';
import { isSetupBootstrap } from './setupBootstrap';

/** A change of role or of active state, kept in hlc order: what the person could do when (S7). */
export interface StandingChange {
  hlc: string;
  role?: Role;
  active?: boolean;
}

export interface StaffMember {
  id: string;
  name: string;
  role: Role;
  language: Language;
  active: 0 | 1;
  pin: PinHash;
  /** Per-field hlc, for last-writer-wins when stations edit the same person offline. */
  fieldHlc: Record<string, string>;
  lastHlc: string;
  /** Every applied role and active change by hlc; permission checks read the role at an hlc from it. */
  history?: StandingChange[];
  /** Set when this person is a station's first manager, created by its setup (the bootstrap). */
  setupStation?: string;
  setupHlc?: string;
  /** U10: the latest lock-out (any station) and the latest lift (a manager's, or a PIN reset), by hlc. */
  lockout?: { until: number; hlc: string };
  liftedHlc?: string;
}

function withChange(member: StaffMember, change: StandingChange): StandingChange[] {
  const history = (member.history ?? []).filter((c) => c.hlc !== change.hlc);
  return [...history, change].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/**
 * Staff are reference data: last writer wins per field by hlc (events/lastWriterWins.ts). The
 * store calls this only for events whose actor was allowed to take them (staff/authority.ts).
 */
export function foldStaff(member: StaffMember | null, event: DeskEvent): StaffMember | null {
  if (event.type === STAFF_ADDED) {
    const p = staffAddedPayload.parse(event.payload);
    const base: StaffMember = member ?? { id: event.stream.slice('staff:'.length), ...p, active: 1, fieldHlc: {}, lastHlc: event.hlc };
    const next = applyLww(base, event, { ...p, active: 1 });
    const setup = isSetupBootstrap(event) ? { setupStation: event.station, setupHlc: event.hlc } : {};
    return { ...next, ...setup, history: withChange(next, { hlc: event.hlc, role: p.role, active: true }) };
  }
  if (!member) return null;
  if (event.type === STAFF_UPDATED) {
    const p = staffUpdatedPayload.parse(event.payload);
    const next = applyLww(member, event, { name: p.name, role: p.role, language: p.language, active: p.active === undefined ? undefined : p.active ? 1 : 0 });
    if (p.role === undefined && p.active === undefined) return next;
    return { ...next, history: withChange(next, { hlc: event.hlc, role: p.role, active: p.active }) };
  }
  // U10: a new PIN lifts a lock-out, so it works at once.
  if (event.type === STAFF_PIN_SET) return lifted(applyLww(member, event, { pin: staffPinSetPayload.parse(event.payload).pin }), event.hlc);
  if (event.type === STAFF_LOCKOUT_LIFTED) return lifted(member, event.hlc);
  if (event.type === STAFF_LOCKED_OUT) {
    const { until } = staffLockedOutPayload.parse(event.payload);
    if (member.lockout && member.lockout.hlc >= event.hlc) return member;
    return { ...member, lockout: { until, hlc: event.hlc } };
  }
  return member;
}

// The later of two lifts wins, whatever the arrival order (max by hlc).
function lifted(member: StaffMember, hlc: string): StaffMember {
  return member.liftedHlc && member.liftedHlc >= hlc ? member : { ...member, liftedHlc: hlc };
}
