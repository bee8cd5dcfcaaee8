// Decides each pushed event's fate from what the site already holds, in request order, so a
// second copy of an id in the same batch is a duplicate (same content) or a conflict. Both
// stores call this inside their push transaction, after taking the site's lock.
import { canonicalJson } from '../../shared/protocol';
import type { IncomingEvent, PushOutcome, StoredContent } from './types';

export interface PushPlan {
  outcomes: PushOutcome[];
  /** The events to insert, in order; each takes the next seq. */
  toStore: IncomingEvent[];
}

export function planPush(events: IncomingEvent[], existing: Map<string, StoredContent>): PushPlan {
  const known = new Map(existing);
  const outcomes: PushOutcome[] = [];
  const toStore: IncomingEvent[] = [];
  for (const event of events) {
    const held = known.get(event.id);
    if (held === undefined) {
      known.set(event.id, event);
      toStore.push(event);
      outcomes.push('stored');
    } else {
      outcomes.push(sameContent(held, event) ? 'duplicate' : 'conflict');
    }
  }
  return { outcomes, toStore };
}

/**
 * The contract's "same content": the seven fields equal as JSON values, so key order and number
 * spelling in the payload do not matter. Only ids already seen pay for the comparison; new
 * events, the common case, are never canonicalized.
 */
export function sameContent(a: StoredContent, b: StoredContent): boolean {
  return a.id === b.id && a.stream === b.stream && a.type === b.type && a.hlc === b.hlc && a.station === b.station &&
    a.actor === b.actor && (a.payload === b.payload || canonicalJson(JSON.parse(a.payload)) === canonicalJson(JSON.parse(b.payload)));
}
