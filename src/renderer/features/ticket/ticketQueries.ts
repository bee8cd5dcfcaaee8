import { streams } from '@shared/events/envelope';
import type { DeskDatabase } from '../../db/database';
import { streamEvents } from '../../db/eventLog';

/** The ticket's events in hlc order, through the log's `sh` index. */
export function ticketTimeline(db: DeskDatabase, ticketId: string) {
  return streamEvents(db, streams.ticket(ticketId));
}
