import Dexie from 'dexie';
import type { EventDraft } from '@shared/events/registry';
import { uuidv7 } from '@shared/ids';
import { KEY_PAYLOADS, KEY_REGISTERED, keyStream, type KeyEventType, type KeyPayload } from '@shared/keys/keyEvents';
import { refuseKeyStep, type KeyRefusal, type KeyStep } from '@shared/keys/keyGuards';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';
import type { Actor } from '../handling/stepCommands';

// R-KEYS, the commands: each step is checked by keyGuards.ts on the key's row as it is inside the
// save's transaction (another station's loan synced a moment ago counts), and refused with a
// code (`keys.refused.<code>`) before anything is written.

export class KeyRefusedError extends RefusedError {
  constructor(override readonly code: KeyRefusal) {
    super(code);
  }
}

/** Registers a key (labelled, filed by its category); a label already in the register is refused. */
export async function registerKey(db: DeskDatabase, store: EventStore, payload: KeyPayload<typeof KEY_REGISTERED>, actor: Actor, now = Date.now()): Promise<string> {
  const id = uuidv7();
  const parsed = KEY_PAYLOADS[KEY_REGISTERED].parse(payload);
  const draft = { stream: keyStream(id), type: KEY_REGISTERED, payload: parsed } as EventDraft;
  await store.append([draft], actor.id, async () => {
    const same = await db.keys.where('[out+label]').anyOf([0, parsed.label], [1, parsed.label]).count();
    if (same > 0) throw new KeyRefusedError('duplicateLabel');
    const refusal = refuseKeyStep(null, { type: KEY_REGISTERED, payload: parsed }, now);
    if (refusal) throw new KeyRefusedError(refusal);
  });
  return id;
}

/** A deposit, loan or return of a registered key. */
export async function takeKeyStep<T extends Exclude<KeyEventType, typeof KEY_REGISTERED>>(
  db: DeskDatabase, store: EventStore, keyId: string, type: T, payload: KeyPayload<T>, actor: Actor, now = Date.now(),
): Promise<void> {
  const parsed = KEY_PAYLOADS[type].parse(payload) as KeyPayload<T>;
  const draft = { stream: keyStream(keyId), type, payload: parsed } as EventDraft;
  await store.append([draft], actor.id, async () => {
    // Dexie's own promise: it keeps the transaction's zone.
    const row = await Dexie.Promise.resolve(db.keys.get(keyId));
    const refusal = refuseKeyStep(row, { type, payload: parsed } as KeyStep, now);
    if (refusal) throw new KeyRefusedError(refusal);
  });
}
