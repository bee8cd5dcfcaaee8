// Dexie tells live queries what a write changed. For a write of fewer than 50 rows it records
// every index key the rows hold, one by one; for more it marks the whole table changed. A log
// record (eventLog.ts) holds up to 250 events with three index keys each, so a pulled page of
// 1000 in a few records had Dexie record 3000 keys: about 80 ms of the page's thread per page,
// and as long again when the transaction completed and the change sets were compared and
// broadcast (measured, bench:sync --profile-pull). This does for the log what Dexie does for a
// bulk write of 50 rows or more: a write of 50 events or more marks the log changed as a whole
// (as a write of 1000 events one row each did before v16); a save's record is still tracked key
// by key, so a live query of another stream is not re-run by it.
import { RangeSet, type DBCore, type DBCoreMutateRequest, type Middleware } from 'dexie';
import type { LogRecord } from './eventLog';

/** Events in one write past which the log is marked changed as a whole. */
export const WHOLE_LOG_CHANGE = 50;

const LOG_INDEXES = ['', ':dels', 'ids', 'hlcs', 'sh'];

function eventsIn(req: DBCoreMutateRequest): number {
  if (req.type !== 'add' && req.type !== 'put') return 0;
  return (req.values as Partial<LogRecord>[]).reduce((n, record) => n + (record.events?.length ?? 0), 0);
}

export function logChangesMiddleware(dbName: string): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'logChanges',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'log') return table;
        return {
          ...table,
          mutate: (req) => {
            if (eventsIn(req) >= WHOLE_LOG_CHANGE) {
              // Dexie's change tracking (below this) adds each key to these sets; a set that
              // already covers every key takes them without growing.
              const parts = (req.mutatedParts ??= {});
              for (const index of LOG_INDEXES) parts[`idb://${dbName}/log/${index}`] = new RangeSet(down.MIN_KEY, down.MAX_KEY);
            }
            return table.mutate(req);
          },
        };
      },
    }),
  };
}
