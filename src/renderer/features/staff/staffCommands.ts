import { uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { hashPin } from '@shared/staff/pin';
import { pinProblem } from '@shared/staff/pinPolicy';
import { STAFF_ADDED, STAFF_LOCKOUT_LIFTED, STAFF_PIN_SET, STAFF_UPDATED, type StaffUpdatedPayload } from '@shared/staff/staffEvents';
import { isNameTaken } from '@shared/staff/staffNames';
import type { StaffMember } from '@shared/staff/staffFold';
import type { Role } from '@shared/domain/roles';
import type { Language } from '@shared/station/stationEvents';
import type { DeskDatabase } from '../../db/database';
import { SaveError, type EventStore } from '../../db/eventStore';

/** Thrown when a PIN is too short for the role (docs/pins.md); the forms check first and say so. */
export class PinPolicyError extends Error {}

/** U9: thrown when the name is someone else's already (case, width and spacing ignored); the form says so. */
export class DuplicateNameError extends Error {}

/** Whether a failed save was refused for a duplicate name. */
export const isDuplicateName = (error: unknown) => error instanceof SaveError && error.cause instanceof DuplicateNameError;

/**
 * The check, run in the save's transaction (two windows of one desk cannot both take a name). The
 * staff table is a few dozen rows: read whole, like the staff screen does.
 */
const nameFree = (db: DeskDatabase, name: string, exceptId?: string) => async () => {
  if (isNameTaken(name, await db.staff.toArray(), exceptId)) throw new SaveError('invalid', new DuplicateNameError(name));
};

function checkPin(pin: string, role: Role) {
  const problem = pinProblem(pin, role);
  if (problem) throw new PinPolicyError(problem);
}

export async function addStaff(db: DeskDatabase, store: EventStore, input: { name: string; role: Role; language: Language; pin: string }, actor: string): Promise<string> {
  checkPin(input.pin, input.role);
  const id = uuidv7();
  const pin = await hashPin(input.pin);
  await store.append([{ stream: streams.staff(id), type: STAFF_ADDED, payload: { name: input.name, role: input.role, language: input.language, pin } }], actor, nameFree(db, input.name));
  return id;
}

export async function updateStaff(db: DeskDatabase, store: EventStore, id: string, changes: StaffUpdatedPayload, actor: string) {
  await store.append([{ stream: streams.staff(id), type: STAFF_UPDATED, payload: changes }], actor, changes.name === undefined ? undefined : nameFree(db, changes.name, id));
}

export async function resetPin(store: EventStore, member: Pick<StaffMember, 'id' | 'role'>, pin: string, actor: string) {
  checkPin(pin, member.role);
  await store.append([{ stream: streams.staff(member.id), type: STAFF_PIN_SET, payload: { pin: await hashPin(pin) } }], actor);
}

/** U10: a manager lifts a person's PIN lock-out; sign-in on every station honours it (staffFold.ts). */
export async function liftLockout(store: EventStore, staffId: string, actor: string) {
  await store.append([{ stream: streams.staff(staffId), type: STAFF_LOCKOUT_LIFTED, payload: {} }], actor);
}
