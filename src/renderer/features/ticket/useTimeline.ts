import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskEvent } from '@shared/events/envelope';
import type { DeskDatabase } from '../../db/database';
import { ticketTimeline } from './ticketQueries';

export interface TimelineItem {
  event: DeskEvent;
  /** The actor's name as the staff table knows it; undefined for the system or an unknown id. */
  actorName: string | undefined;
}

/** A ticket's history with its actors' names: one live query for the whole timeline, not one per row (P3). */
export function useTimeline(db: DeskDatabase, ticketId: string): TimelineItem[] | undefined {
  return useLiveQuery(async () => {
    const events = await ticketTimeline(db, ticketId);
    const actorIds = [...new Set(events.flatMap((e) => (e.actor ? [e.actor] : [])))];
    const members = await db.staff.bulkGet(actorIds);
    const names = new Map(actorIds.map((id, i) => [id, members[i]?.name]));
    return events.map((event) => ({ event, actorName: event.actor ? names.get(event.actor) : undefined }));
  }, [db, ticketId]);
}
