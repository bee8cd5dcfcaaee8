import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskDatabase } from '../../db/database';
import { useSyncHostState } from '../../sync/SyncContext';
import type { SyncCounts } from './syncHeaderState';

const NONE: SyncCounts = { waiting: 0, quarantined: 0, notUnderstood: 0 };

/**
 * Counts stop here: a count walks the rows it counts (in a read transaction a save must wait for), and a workstation that ran for two years
 * before it was enrolled holds its whole history in the outbox (a million rows took 1.5 s per
 * save, and held the outbox from the next save). Shown as "1000+".
 */
export const COUNT_CAP = 1000;

/** Events waiting to go, refused by the hub (F10) and not understood (F12): live, each count capped. */
export function useSyncCounts(db: DeskDatabase): SyncCounts {
  const enrolled = Boolean(useSyncHostState()?.enrolled);
  return (
    useLiveQuery(
      async () => {
        const [waiting, quarantined, notUnderstood] = await Promise.all([
          // Not enrolled: nothing is waiting for a hub (the header says "standalone").
          enrolled ? db.outbox.limit(COUNT_CAP).count() : 0,
          db.quarantine.limit(COUNT_CAP).count(),
          db.unknownEvents.limit(COUNT_CAP).count(),
        ]);
        return { waiting, quarantined, notUnderstood };
      },
      [db, enrolled],
    ) ?? NONE
  );
}

/** A capped count as shown: "10000+" at the cap. */
export function shownCount(count: number): string {
  return count >= COUNT_CAP ? `${COUNT_CAP}+` : String(count);
}
