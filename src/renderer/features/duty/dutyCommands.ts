import { DUTY_STREAM, DUTY_TAKEN_BACK, DUTY_TRANSFERRED, dutyTakenBackPayload, dutyTransferredPayload } from '@shared/shifts/dutyEvents';
import type { DutyRow } from '@shared/shifts/dutyFold';
import type { DeskDatabase } from '../../db/database';
import { RefusedError, type EventStore } from '../../db/eventStore';

// R-NIGHT-TRANSFER: the desk goes to the control room's station at night and comes back in the
// morning. Checked against who holds the desk as the save's own transaction reads it (the fold
// itself never refuses: a transfer synced from elsewhere always counts).

export type DutyRefusal = 'notHolder' | 'sameStation' | 'notAway';

/** A transfer or taking back refused now: the UI shows `duty.refused.<code>`. */
export class DutyRefusedError extends RefusedError {
  constructor(override readonly code: DutyRefusal) {
    super(code);
  }
}

const dutyRow = async (db: DeskDatabase) => ((await db.shifts.get('desk')) as DutyRow | undefined) ?? null;

/** Only the station holding the desk, or any while nobody does yet, hands it to another station. */
export function refuseTransfer(row: DutyRow | null, here: string, toStation: string): DutyRefusal | null {
  if (toStation === here) return 'sameStation';
  const holder = row?.holder.station ?? null;
  return holder === null || holder === here ? null : 'notHolder';
}

/** Taking the desk back happens on another station than the one holding it. */
export function refuseTakeBack(row: DutyRow | null, here: string): DutyRefusal | null {
  const holder = row?.holder.station ?? null;
  return holder === null || holder === here ? 'notAway' : null;
}

/** The clerk at the end of the desk's day: the control room's station holds the desk from now. */
export async function transferDesk(db: DeskDatabase, store: EventStore, toStation: string, text: string, actor: string, now = Date.now()): Promise<void> {
  const trimmed = text.trim();
  const payload = dutyTransferredPayload.parse({ at: now, toStation: toStation.trim(), ...(trimmed ? { text: trimmed } : {}) });
  await store.append([{ stream: DUTY_STREAM, type: DUTY_TRANSFERRED, payload }], actor, async () => {
    const refusal = refuseTransfer(await dutyRow(db), store.station.name, payload.toStation);
    if (refusal) throw new DutyRefusedError(refusal);
  });
}

/** The clerk in the morning, having read what the night handled: this station holds the desk again. */
export async function takeDeskBack(db: DeskDatabase, store: EventStore, actor: string, now = Date.now()): Promise<void> {
  const seen = await dutyRow(db);
  const refusal = refuseTakeBack(seen, store.station.name);
  if (refusal) throw new DutyRefusedError(refusal);
  const fromStation = seen!.holder.station!;
  const payload = dutyTakenBackPayload.parse({ at: now, fromStation, readConfirmed: true });
  await store.append([{ stream: DUTY_STREAM, type: DUTY_TAKEN_BACK, payload }], actor, async () => {
    // Checked again in the save's transaction: the desk may have moved since the list was read.
    const row = await dutyRow(db);
    if (refuseTakeBack(row, store.station.name) || row!.holder.station !== fromStation) throw new DutyRefusedError('notAway');
  });
}
