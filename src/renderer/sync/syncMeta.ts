// The sync engine's keys in `meta`: each is written in the same transaction as what it describes
// (the cursor with the page it follows, F1–F3, F7), so a crash never leaves them apart.
import type { DeskEvent } from '@shared/events/envelope';
import type { SyncEvent } from '@shared/sync/syncContract';

export const META = {
  /** The hub `seq` of the last applied page (`last`). */
  cursor: 'sync:cursor',
  /** The hub epoch the cursor belongs to (F19). */
  hubEpoch: 'sync:hubEpoch',
  /** F19: how far a re-push after a new epoch got, so an interrupted one resumes. */
  relay: 'sync:relay',
  lastGoodAt: 'sync:lastGoodAt',
  history: 'sync:history',
  /** F14: this store's id, also kept by the host beside the data. */
  instanceId: 'instanceId',
  /** F14: when this store was found reset and refilled (shown until a manager dismisses it). */
  resetAt: 'sync:resetAt',
} as const;

/** The seven wire fields of an event, nothing else (a pulled event's `seq`, a row's extras dropped). */
export function wireEvent(event: DeskEvent | SyncEvent): SyncEvent {
  return { id: event.id, stream: event.stream, type: event.type, hlc: event.hlc, station: event.station, actor: event.actor, payload: event.payload };
}
