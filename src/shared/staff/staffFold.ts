import type { DeskEvent } from '../events/envelope';
import { applyLww } from '../events/lastWriterWins';
import type { Role } from '../domain/roles';
import type { Language } from '../station/stationEvents';
import { STAFF_ADDED, STAFF_PIN_SET, STAFF_UPDATED, staffAddedPayload, staffPinSetPayload, staffUpdatedPayload, type PinHash } from './staffEvents';

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
}

/** Staff are reference data: last writer wins per field by hlc (design.md). */
export function foldStaff(member: StaffMember | null, event: DeskEvent): StaffMember | null {
  if (event.type === STAFF_ADDED) {
    const p = staffAddedPayload.parse(event.payload);
    const base: StaffMember = member ?? { id: event.stream.slice('staff:'.length), ...p, active: 1, fieldHlc: {}, lastHlc: event.hlc };
    return applyLww(base, event, { ...p, active: 1 });
  }
  if (!member) return null;
  if (event.type === STAFF_UPDATED) {
    const p = staffUpdatedPayload.parse(event.payload);
    return applyLww(member, event, { name: p.name, role: p.role, language: p.language, active: p.active === undefined ? undefined : p.active ? 1 : 0 });
  }
  if (event.type === STAFF_PIN_SET) return applyLww(member, event, { pin: staffPinSetPayload.parse(event.payload).pin });
  return member;
}
