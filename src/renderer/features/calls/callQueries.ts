import type { DeskDatabase } from '../../db/database';

/** The unit's open requests and its last five, newest first, through [unitKey+createdAt]. */
export async function unitRequests(db: DeskDatabase, unitKey: string) {
  const range = () => db.tickets.where('[unitKey+createdAt]').between([unitKey, -Infinity], [unitKey, Infinity]).reverse();
  const [open, lastFive] = await Promise.all([range().filter((t) => t.active === 1).limit(20).toArray(), range().limit(5).toArray()]);
  return { open, lastFive };
}

/** Calls since a time (the shift's start), newest first. */
export function callsSince(db: DeskDatabase, since: number, limit = 300) {
  return db.calls.where('at').aboveOrEqual(since).reverse().limit(limit).toArray();
}
