// F12: events a newer version wrote (or a payload this version's schema refuses) are kept in
// `unknownEvents`, counted "not understood", and re-checked at each start: after an upgrade the
// registry knows them, and they move to the log and are folded (re-folding late streams).
import { checkEvent } from '@shared/events/registry';
import type { DeskDatabase } from '../db/database';
import { addRemote, applyTables, type EventCheck } from './applyPage';
import { wireEvent } from './syncMeta';

/** Folds the kept events this version now understands; returns how many moved. */
export async function foldUnderstood(db: DeskDatabase, check: EventCheck = checkEvent): Promise<number> {
  const kept = await db.unknownEvents.toArray();
  const understood = kept.filter((row) => check(row).ok).map(wireEvent);
  if (understood.length === 0) return 0;
  await db.transaction('rw', applyTables(), async () => {
    await db.unknownEvents.bulkDelete(understood.map((e) => e.id));
    await addRemote(db, understood, [], check);
  });
  return understood.length;
}
