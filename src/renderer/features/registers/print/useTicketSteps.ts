import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskEvent } from '@shared/events/envelope';
import { useDesk } from '../../../desk/DeskContext';
import { streamEvents } from '../../../db/eventLog';

/** A ticket's events of one type, oldest first (the texts a printed document quotes), through the log's `sh` index. */
export function useTicketSteps(ticketId: string, type: string, enabled: boolean): DeskEvent[] | undefined {
  const { db } = useDesk();
  return useLiveQuery(async () => {
    if (!enabled) return [];
    const events = await streamEvents(db, `ticket:${ticketId}`);
    return events.filter((e) => e.type === type);
  }, [db, ticketId, type, enabled]);
}

export function payloadText(event: DeskEvent | undefined, field = 'text'): string {
  const value = event?.payload[field];
  return typeof value === 'string' ? value : '';
}
