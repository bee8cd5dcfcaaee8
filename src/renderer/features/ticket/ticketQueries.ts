import { streams } from '@shared/events/envelope';
import type { DeskDatabase } from '../../db/database';

/** The ticket's events in hlc order, through the [stream+hlc] index. */
export function ticketTimeline(db: DeskDatabase, ticketId: string) {
  const stream = streams.ticket(ticketId);
  return db.events.where('[stream+hlc]').between([stream, ''], [stream, '\uffff']).toArray();
}
