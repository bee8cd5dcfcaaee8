import { useEffect } from 'react';
import type { DeskBridge } from '@shared/bridge/contract';
import type { DueJob } from '@shared/jobs/jobsContract';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { carryOpenLeftovers } from './leftoverCommands';

// R-LEFTOVER at the root, for the whole life of the booted desk (locked or not: month end comes
// at midnight): the host says when the month-end job is due (at start, catching up, and when the
// month changes while running); the renderer carries what is open and tells the host it is done.

export function useMonthEndJobs(bridge: DeskBridge | null, db: DeskDatabase | null, store: EventStore | null, timeZone: string | null, actorId: string | null): void {
  useEffect(() => {
    if (!bridge || !db || !store || !timeZone) return;
    let running = false;
    let again = false;
    let disposed = false;
    const run = async (jobs: readonly DueJob[]) => {
      for (const job of jobs) {
        if (disposed) return;
        if (job.job === 'leftovers.monthEnd') await carryOpenLeftovers(db, store, timeZone, actorId);
        await bridge.invoke('jobs:done', job);
      }
    };
    const check = (jobs?: readonly DueJob[]) => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      void (jobs ? Promise.resolve(jobs) : bridge.invoke('jobs:due'))
        .then(run)
        // A failed carry stays due: the host asks again within the hour, or at the next start.
        .catch(() => undefined)
        .finally(() => {
          running = false;
          if (again && !disposed) {
            again = false;
            check();
          }
        });
    };
    const off = bridge.on('jobs:due', (jobs) => check(jobs));
    check();
    return () => {
      disposed = true;
      off();
    };
  }, [bridge, db, store, timeZone, actorId]);
}
