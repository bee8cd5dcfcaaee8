import { uuidv7 } from '@shared/ids';
import { streams } from '@shared/events/envelope';
import { hashPin } from '@shared/staff/pin';
import { STAFF_ADDED, STAFF_PIN_SET, STAFF_UPDATED, staffUpdatedPayload, type StaffUpdatedPayload } from '@shared/staff/staffEvents';
import type { Role } from '@shared/domain/roles';
import type { Language } from '@shared/station/stationEvents';
import type { EventStore } from '../../db/eventStore';

export async function addStaff(store: EventStore, input: { name: string; role: Role; language: Language; pin: string }, actor: string): Promise<string> {
  const id = uuidv7();
  const pin = await hashPin(input.pin);
  await store.append([{ stream: streams.staff(id), type: STAFF_ADDED, payload: { name: input.name.trim(), role: input.role, language: input.language, pin } }], actor);
  return id;
}

export async function updateStaff(store: EventStore, id: string, changes: StaffUpdatedPayload, actor: string) {
  await store.append([{ stream: streams.staff(id), type: STAFF_UPDATED, payload: staffUpdatedPayload.parse(changes) }], actor);
}

export async function resetPin(store: EventStore, id: string, pin: string, actor: string) {
  await store.append([{ stream: streams.staff(id), type: STAFF_PIN_SET, payload: { pin: await hashPin(pin) } }], actor);
}
