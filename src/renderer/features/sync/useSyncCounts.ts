import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDatabase } from '../../db/database';
import type { SyncCounts } from './syncHeaderState';

const NONE: SyncCounts = { waiting: 0, quarantined: 0, notUnderstood: 0 };

/** Events waiting to go, refused by the hub (F10) and not understood (F12): live, small tables. */
export function useSyncCounts(db: DeskDatabase): SyncCounts {
  return (
    useLiveQuery(
      async () => {
        const [waiting, quarantined, notUnderstood] = await Promise.all([db.outbox.count(), db.quarantine.count(), db.unknownEvents.count()]);
        return { waiting, quarantined, notUnderstood };
      },
      [db],
    ) ?? NONE
  );
}
