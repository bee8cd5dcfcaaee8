import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDatabase } from '../../db/database';
import type { SyncRunRecord } from '../../sync/engineTypes';
import { readHistory } from '../../sync/status';

/** The engine's last runs (kept in meta across restarts), newest first, live. */
export function useRunHistory(db: DeskDatabase): SyncRunRecord[] {
  return useLiveQuery(async () => (await readHistory(db)).reverse(), [db]) ?? [];
}
