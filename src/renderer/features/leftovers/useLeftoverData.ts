import { useLiveQuery } from 'dexie-react-hooks';
import { LEFTOVER_AFTER_DAYS } from '@shared/station/stationEvents';
import { handoverItemLeftoverId } from '@shared/shifts/leftoverEvents';
import type { LeftoverRow } from '@shared/shifts/leftoverFold';
import type { Ticket } from '@shared/tickets/ticketFold';
import { useDesk } from '../../desk/DeskContext';

// R-LEFTOVER: the live reads the file's links need: the estate's threshold, the leftovers of a
// shift's handover items, the requests the leftovers came from. Each a bulkGet by key.

export function useLeftoverAfterDays(): number {
  const { db } = useDesk();
  return useLiveQuery(async () => (await db.settings.get('desk'))?.leftoverAfterDays ?? LEFTOVER_AFTER_DAYS.default, [db]) ?? LEFTOVER_AFTER_DAYS.default;
}

/** itemId → its leftover, if filed; undefined while loading. */
export function useItemLeftovers(items: readonly { id: string; ticketId?: string | undefined }[]): Map<string, LeftoverRow> | undefined {
  const { db } = useDesk();
  const key = items.map((i) => `${i.id}:${i.ticketId ?? ''}`).join(',');
  return useLiveQuery(async () => {
    const rows = await db.leftovers.bulkGet(items.map(handoverItemLeftoverId));
    return new Map(rows.flatMap((row, i) => (row ? [[items[i]!.id, row] as const] : [])));
  }, [db, key]);
}

/** ticketId → the request a leftover came from (absent: not synced to this station yet). */
export function useLeftoverTickets(rows: readonly LeftoverRow[] | undefined): Map<string, Ticket> {
  const { db } = useDesk();
  const ids = [...new Set((rows ?? []).flatMap((r) => (r.fromTicket ? [r.fromTicket.id] : [])))];
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const tickets = await db.tickets.bulkGet(ids);
    return new Map(tickets.flatMap((t) => (t ? [[t.id, t] as const] : [])));
  }, [db, key]) ?? EMPTY;
}

const EMPTY = new Map<string, Ticket>();
