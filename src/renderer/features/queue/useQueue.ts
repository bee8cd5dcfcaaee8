import { useLiveQuery } from 'dexie-react-hooks';
import { useDesk } from '../../app/DeskContext';
import { queryQueue, type QueueFilter } from './queueQuery';

/** The work queue, live: re-queried when any ticket changes. */
export function useQueue(filter: QueueFilter) {
  const { db } = useDesk();
  return useLiveQuery(() => queryQueue(db, filter), [db, filter.kind, filter.scope, filter.search, filter.limit]);
}
