import type { DeskEvent } from '@shared/events/envelope';
import { keyStream, type KeyCategory } from '@shared/keys/keyEvents';
import type { KeyRow } from '@shared/keys/keyFold';
import type { DeskDatabase } from '../../db/database';
import { streamEvents } from '../../db/eventLog';

/** An estate's register holds hundreds of keys, not thousands: one bounded read of each index range. */
export const KEY_REGISTER_LIMIT = 1000;

/** R-KEYS: the register, keys out first (listed at every handover), then by label; by the `[out+label]` index. */
export async function readKeyRegister(db: DeskDatabase, category: KeyCategory | null): Promise<KeyRow[]> {
  const range = (out: 0 | 1) => db.keys.where('[out+label]').between([out, ''], [out, '\uffff']).limit(KEY_REGISTER_LIMIT).toArray();
  const [out, held] = await Promise.all([range(1), range(0)]);
  return [...out, ...held].filter((k) => !category || k.category === category);
}

/** Each record of one key, oldest first, with its signatures (they live in the log, not the row). */
export function readKeyHistory(db: DeskDatabase, keyId: string): Promise<DeskEvent[]> {
  return streamEvents(db, keyStream(keyId), { limit: 500 });
}

/** The whole register for the printout and the export: both index ranges, `truncated` if either was cut. */
export async function readWholeKeyRegister(db: DeskDatabase): Promise<{ keys: KeyRow[]; truncated: boolean }> {
  const range = (out: 0 | 1) => db.keys.where('[out+label]').between([out, ''], [out, '\uffff']).limit(KEY_REGISTER_LIMIT + 1).toArray();
  const [out, held] = await Promise.all([range(1), range(0)]);
  return { keys: [...out.slice(0, KEY_REGISTER_LIMIT), ...held.slice(0, KEY_REGISTER_LIMIT)], truncated: out.length > KEY_REGISTER_LIMIT || held.length > KEY_REGISTER_LIMIT };
}
