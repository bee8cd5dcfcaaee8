// The engine's observable status (header, Sync screen) and what of it survives a restart:
// the last good sync and the last 50 runs (meta `sync:history`), the clock offset, the epoch.
import type { DeskDatabase } from '../db/database';
import { readMeta } from '../db/meta';
import { CLOCK_OFFSET_KEY } from '../desk/boot';
import type { SyncRunRecord, SyncStatus } from './engineTypes';
import { META } from './syncMeta';

export const HISTORY_LENGTH = 50;

export const initialStatus: SyncStatus = {
  running: false,
  phase: 'idle',
  lastGoodAt: null,
  lastRun: null,
  progress: null,
  clockOffsetMs: null,
  hubEpoch: null,
  resetDetectedAt: null,
};

export class StatusStore {
  private value: SyncStatus = initialStatus;
  private listeners = new Set<() => void>();

  get(): SyncStatus {
    return this.value;
  }

  /** A new object on every change (useSyncExternalStore compares by identity). */
  update(patch: Partial<SyncStatus>): void {
    this.value = { ...this.value, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** What a restart keeps of the status. */
export async function loadStatus(db: DeskDatabase): Promise<Partial<SyncStatus>> {
  const [lastGoodAt, history, hubEpoch, offset, resetAt] = await Promise.all([
    readMeta<number>(db, META.lastGoodAt),
    readHistory(db),
    readMeta<string>(db, META.hubEpoch),
    readMeta<number>(db, CLOCK_OFFSET_KEY),
    readMeta<number>(db, META.resetAt),
  ]);
  return {
    lastGoodAt: lastGoodAt ?? null,
    lastRun: history.at(-1) ?? null,
    hubEpoch: hubEpoch ?? null,
    clockOffsetMs: offset ?? null,
    resetDetectedAt: resetAt ?? null,
  };
}

/** The last runs, oldest first (the Sync screen's history). */
export async function readHistory(db: DeskDatabase): Promise<SyncRunRecord[]> {
  const kept = await readMeta<SyncRunRecord[]>(db, META.history);
  return Array.isArray(kept) ? kept : [];
}

/** Appends a run to the history (the last 50) and, for a good run, sets the last good sync. */
export async function recordRun(db: DeskDatabase, record: SyncRunRecord, offsetMs: number | null): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    // The poll runs every few seconds: a run that moved nothing replaces a previous one that moved
    // nothing, so the history keeps what happened (its time says when the hub last answered).
    const kept = await readHistory(db);
    const idle = (r: SyncRunRecord | undefined) => r !== undefined && r.failure === null && r.pushed === 0 && r.pulled === 0 && r.quarantined === 0;
    if (idle(record) && idle(kept.at(-1)) && kept.at(-1)!.notUnderstood === record.notUnderstood) kept.pop();
    const history = [...kept, record].slice(-HISTORY_LENGTH);
    const writes = [db.meta.put({ key: META.history, value: history })];
    if (record.failure === null) writes.push(db.meta.put({ key: META.lastGoodAt, value: record.endedAt }));
    if (offsetMs !== null) writes.push(db.meta.put({ key: CLOCK_OFFSET_KEY, value: offsetMs }));
    await Promise.all(writes);
  });
}
