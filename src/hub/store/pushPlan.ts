// Decides each pushed event's fate from what the site already holds, in request order, so a
// second copy of an id in the same batch is a duplicate (same content) or a conflict. Both
// stores call this inside their push transaction, after taking the site's lock.
import type { IncomingEvent, PushOutcome } from './types';

export interface PushPlan {
  outcomes: PushOutcome[];
  /** The events to insert, in order; each takes the next seq. */
  toStore: IncomingEvent[];
}

export function planPush(events: IncomingEvent[], existingHashes: Map<string, string>): PushPlan {
  const known = new Map(existingHashes);
  const outcomes: PushOutcome[] = [];
  const toStore: IncomingEvent[] = [];
  for (const event of events) {
    const hash = known.get(event.id);
    if (hash === undefined) {
      known.set(event.id, event.hash);
      toStore.push(event);
      outcomes.push('stored');
    } else {
      outcomes.push(hash === event.hash ? 'duplicate' : 'conflict');
    }
  }
  return { outcomes, toStore };
}
