import type { DeskEvent } from '../events/envelope';
import { STAFF_ADDED } from './staffEvents';

/**
 * The setup bootstrap (S7): a station's setup creates its first manager, who cannot have been
 * given the role by anyone. Exactly: a `staff.added` whose actor is the person it adds and whose
 * role is `manager`. It is allowed once per station name (the hub checks that an event's
 * `station` is the pushing station's own): a second one from the same station, later by hlc,
 * is refused like any other event without the permission.
 */
export function isSetupBootstrap(event: Pick<DeskEvent, 'type' | 'stream' | 'actor' | 'payload'>): boolean {
  return event.type === STAFF_ADDED && event.actor !== null && event.stream === `staff:${event.actor}` && (event.payload as { role?: unknown }).role === 'manager';
}
