import type { BridgeEvent, EventPayload } from '../shared/bridge/contract';

/** Fan-out of host events to every connected renderer; each subscription returns its unsubscribe. */
export class HostEvents {
  private listeners = new Set<(event: BridgeEvent, payload: unknown) => void>();

  emit<E extends BridgeEvent>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: (event: BridgeEvent, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
