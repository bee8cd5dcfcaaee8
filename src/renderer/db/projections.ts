import type { Table } from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import { streamKind } from '@shared/events/envelope';
import { foldTicket } from '@shared/tickets/ticketFold';
import { foldStaff } from '@shared/staff/staffFold';
import { foldDeskSettings } from '@shared/station/settingsFold';
import { foldUnit } from '@shared/directory/unitFold';
import { foldResident } from '@shared/directory/residentFold';
import { foldCall } from '@shared/calls/callFold';
import type { DeskDatabase } from './database';

/** A projection table kept as the fold of one kind of stream. */
export interface Projection {
  table: string;
  key: (event: DeskEvent) => string;
  fold: (row: never, event: DeskEvent) => unknown;
}

const byStreamId = (event: DeskEvent) => event.stream.slice(event.stream.indexOf(':') + 1);

export const projections: Record<string, Projection> = {
  ticket: { table: 'tickets', key: byStreamId, fold: foldTicket as Projection['fold'] },
  staff: { table: 'staff', key: byStreamId, fold: foldStaff as Projection['fold'] },
  settings: { table: 'settings', key: () => 'desk', fold: foldDeskSettings as Projection['fold'] },
  unit: { table: 'units', key: byStreamId, fold: foldUnit as Projection['fold'] },
  resident: { table: 'residents', key: byStreamId, fold: foldResident as Projection['fold'] },
  call: { table: 'calls', key: byStreamId, fold: foldCall as Projection['fold'] },
};

export function projectionTables(): string[] {
  return [...new Set(Object.values(projections).map((p) => p.table))];
}

/**
 * Applies an event to its projection inside the caller's transaction (the event is already in
 * the log). The stream is re-folded from the log in hlc order when the event is older than the
 * row's last one (a remote event arriving late), or when there is no row yet but the stream
 * already holds other events (an edit that arrived by sync before its "added"), so the same
 * events in any order give the same row.
 */
export async function project(db: DeskDatabase, event: DeskEvent): Promise<void> {
  const projection = projections[streamKind(event.stream)];
  if (!projection) return;
  const table = db.table(projection.table) as Table<{ lastHlc?: string }, string>;
  const row = (await table.get(projection.key(event))) ?? null;
  const history = () => db.events.where('[stream+hlc]').between([event.stream, ''], [event.stream, '\uffff']);
  const refold = async () => (await history().toArray()).reduce<unknown>((state, e) => projection.fold(state as never, e), null);
  let next: unknown;
  if (row?.lastHlc && event.hlc < row.lastHlc) next = await refold();
  else if (!row && (await history().limit(2).count()) > 1) next = await refold();
  else next = projection.fold(row as never, event);
  if (next) await table.put(next as { lastHlc?: string });
}
