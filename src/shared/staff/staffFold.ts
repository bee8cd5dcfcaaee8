import type { DeskEvent } from '../events/envelope';
import { applyLww } from '../events/lastWriterWins';
import type { Role } from '../domain/roles';
import type { Language } from '../station/stationEvents';
import { STAFF_ADDED, STAFF_PIN_SET, STAFF_UPDATED, staffAddedPayload, staffPinSetPayload, staffUpdatedPayload, type PinHash } from './staffEvents';
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
}

function withChange(member: StaffMember, change: StandingChange): StandingChange[] {
  const history = (member.history ?? []).filter((c) => c.hlc !== change.hlc);
  return [...history, change].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/**
 * Staff are reference data: last writer wins per field by hlc (design.md). The store calls this
 * only for events whose actor was allowed to take them (staff/authority.ts).
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
  if (event.type === STAFF_PIN_SET) return applyLww(member, event, { pin: staffPinSetPayload.parse(event.payload).pin });
  return member;
}
