import { perfTrace } from '../../diagnostics/perfTrace';
import { useEffect, useState } from 'react';
import Dexie, { type ObservabilitySet } from 'dexie';
import { useDesk } from '../../desk/DeskContext';
import { createRefresher } from '../../desk/refresher';
import { onChangesSettled } from '../../desk/changesSettled';
import { queryQueue, type QueueFilter, type QueueResult } from './queueQuery';
import { QUEUE_REFRESH } from './queueRefresh';

/** The work queue, live: re-queried when a ticket changes in this page, another Dexie or tab. */
export function useQueue(filter: QueueFilter): QueueResult | undefined {
  const { db } = useDesk();
  const [state, setState] = useState<{ result?: QueueResult; error?: unknown }>({});
  const { kind, scope, search, limit, phones } = filter;
  useEffect(() => {
    let current = true;
    const refresher = createRefresher(async () => {
      try {
        perfTrace('queue:query');
        const result = await queryQueue(db, { kind, scope, search, limit, phones });
        perfTrace('queue:result');
        if (current) setState({ result });
      } catch (error) {
        if (current) setState({ error });
      }
    }, QUEUE_REFRESH);
    const tickets = `idb://${db.name}/tickets/`;
    const onChange = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((part) => part.startsWith(tickets))) refresher.request();
    };
    Dexie.on('storagemutated', onChange);
    // A pulled page is one commit: its changes are re-queried at once, not after the quiet.
    const offSettled = onChangesSettled(() => refresher.flush());
    // A new filter or search is answered at once; only changes to the tickets wait to settle.
    refresher.runNow();
    return () => {
      current = false;
      refresher.dispose();
      Dexie.on.storagemutated.unsubscribe(onChange);
      offSettled();
    };
  }, [db, kind, scope, search, limit, phones]);
  // As with useLiveQuery: a failed query reaches the nearest error boundary.
  if (state.error) throw state.error;
  return state.result;
}
