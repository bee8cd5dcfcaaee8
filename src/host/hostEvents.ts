import type { BridgeEvent, CallerIdCall, EventPayload } from '../shared/bridge/contract';
import { RecentCalls } from './callerid/recentCalls';

/**
 * Fan-out of host events to every connected renderer; each subscription returns its unsubscribe.
 * Calls are also kept for a while (S17): a renderer that was away when one rang gets it from
 * `recentCalls()` when it (re)connects.
 */
export class HostEvents {
  private listeners = new Set<(event: BridgeEvent, payload: unknown) => void>();

  constructor(private readonly calls = new RecentCalls()) {}

  emit<E extends BridgeEvent>(event: E, payload: EventPayload<E>): void {
    if (event === 'callerId:call') this.calls.add(payload as CallerIdCall);
    for (const listener of this.listeners) {
      // One renderer's failing delivery must not keep the event from the others.
      try {
        listener(event, payload);
      } catch {
        // The listener's shell logs its own delivery failures.
      }
    }
  }

  subscribe(listener: (event: BridgeEvent, payload: unknown) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The calls of the last minutes, oldest first, for a renderer that was not listening. */
  recentCalls(): CallerIdCall[] {
    return this.calls.list();
  }
}
