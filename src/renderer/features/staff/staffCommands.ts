import { uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { hashPin } from '@shared/staff/pin';
import { pinProblem } from '@shared/staff/pinPolicy';
import { STAFF_ADDED, STAFF_PIN_SET, STAFF_UPDATED, type StaffUpdatedPayload } from '@shared/staff/staffEvents';
import type { StaffMember } from '@shared/staff/staffFold';
import type { Role } from '@shared/domain/roles';
import type { Language } from '@shared/station/stationEvents';
import type { EventStore } from '../../db/eventStore';

/** Thrown when a PIN is too short for the role (docs/pins.md); the forms check first and say so. */
export class PinPolicyError extends Error {}

function checkPin(pin: string, role: Role) {
  const problem = pinProblem(pin, role);
  if (problem) throw new PinPolicyError(problem);
}

export async function addStaff(store: EventStore, input: { name: string; role: Role; language: Language; pin: string }, actor: string): Promise<string> {
  checkPin(input.pin, input.role);
  const id = uuidv7();
  const pin = await hashPin(input.pin);
  await store.append([{ stream: streams.staff(id), type: STAFF_ADDED, payload: { name: input.name, role: input.role, language: input.language, pin } }], actor);
  return id;
}

export async function updateStaff(store: EventStore, id: string, changes: StaffUpdatedPayload, actor: string) {
  await store.append([{ stream: streams.staff(id), type: STAFF_UPDATED, payload: changes }], actor);
}

export async function resetPin(store: EventStore, member: Pick<StaffMember, 'id' | 'role'>, pin: string, actor: string) {
  checkPin(pin, member.role);
  await store.append([{ stream: streams.staff(member.id), type: STAFF_PIN_SET, payload: { pin: await hashPin(pin) } }], actor);
}
