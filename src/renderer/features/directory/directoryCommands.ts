// Directory writes: every change is an event (nothing is edited in place), checked against its schema before
// it reaches the store so a bad form never half-saves.
import { streams, type EventDraft } from '@shared/events/envelope';
import { uuidv7 } from '@shared/ids';
import {
  DIRECTORY_EXPORTED, DIRECTORY_EXPORTS_STREAM, PHONE_REVEALED, RESIDENT_ADDED, RESIDENT_UPDATED, UNIT_ADDED, UNIT_UPDATED,
  directoryExportedPayload, phoneRevealedPayload, residentAddedPayload, residentUpdatedPayload, unitAddedPayload, unitUpdatedPayload,
  type DirectoryExportedPayload, type ResidentAddedPayload, type ResidentUpdatedPayload, type UnitAddedPayload, type UnitUpdatedPayload,
} from '@shared/directory/directoryEvents';
import { unitIdFor } from '@shared/directory/unitFold';
import type { EventStore } from '../../db/eventStore';

/** The store's append, as the directory needs it (so tests and the shell can pass their own). */
export type AppendEvents = Pick<EventStore, 'append'>;

export async function addUnit(store: AppendEvents, input: UnitAddedPayload, actor: string): Promise<string> {
  const payload = unitAddedPayload.parse(input);
  const id = unitIdFor(payload);
  await store.append([{ stream: streams.unit(id), type: UNIT_ADDED, payload }], actor);
  return id;
}

export async function updateUnit(store: AppendEvents, unitId: string, changes: UnitUpdatedPayload, actor: string): Promise<void> {
  await store.append([{ stream: streams.unit(unitId), type: UNIT_UPDATED, payload: unitUpdatedPayload.parse(changes) }], actor);
}

export async function addResident(store: AppendEvents, input: ResidentAddedPayload, actor: string): Promise<string> {
  const id = uuidv7();
  await store.append([{ stream: streams.resident(id), type: RESIDENT_ADDED, payload: residentAddedPayload.parse(input) }], actor);
  return id;
}

export async function updateResident(store: AppendEvents, residentId: string, changes: ResidentUpdatedPayload, actor: string): Promise<void> {
  await store.append([{ stream: streams.resident(residentId), type: RESIDENT_UPDATED, payload: residentUpdatedPayload.parse(changes) }], actor);
}

/** R-CONFIDENTIAL: the reveal is saved before the number is shown; who and when are the envelope's actor and hlc. */
export async function revealPhone(store: AppendEvents, residentId: string, e164: string, actor: string): Promise<void> {
  await store.append([{ stream: streams.resident(residentId), type: PHONE_REVEALED, payload: phoneRevealedPayload.parse({ e164 }) }], actor);
}

export async function logExport(store: AppendEvents, input: DirectoryExportedPayload, actor: string): Promise<void> {
  const draft: EventDraft = { stream: DIRECTORY_EXPORTS_STREAM, type: DIRECTORY_EXPORTED, payload: directoryExportedPayload.parse(input) };
  await store.append([draft], actor);
}
