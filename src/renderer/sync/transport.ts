// What the sync loop needs of the host (docs/architecture.md "Sync"): the HTTP calls and the
// token stay there; this side holds the Dexie writes. The desk uses the bridge; the
// convergence tests and the benchmark plug in their own (a simulated network over a real hub).
import type { DeskBridge } from '@shared/bridge/contract';
import type { InstanceAnswer, InstanceRecord, JournalPage, PullAnswer, PushAnswer, SyncEvent } from '@shared/sync/syncContract';

export interface SyncTransport {
  push(events: SyncEvent[], relay: boolean): Promise<PushAnswer>;
  pull(after: number, limit: number): Promise<PullAnswer>;
  /** F14: a save's events go to the host's journal until the hub has them. */
  journalAppend(events: SyncEvent[]): Promise<void>;
  journalAck(ids: string[]): Promise<void>;
  journalPending(from: number): Promise<JournalPage>;
  instance(record: InstanceRecord, adopt: boolean): Promise<InstanceAnswer>;
  /** Ask the host's scheduler for a run: `soon` after a save, `now` after an urgent one. */
  request(when: 'soon' | 'now'): Promise<void>;
}

export function bridgeTransport(bridge: DeskBridge): SyncTransport {
  return {
    push: (events, relay) => bridge.invoke('sync:push', { events, relay }),
    pull: (after, limit) => bridge.invoke('sync:pull', { after, limit }),
    journalAppend: async (events) => void (await bridge.invoke('sync:journalAppend', events)),
    journalAck: async (ids) => void (await bridge.invoke('sync:journalAck', ids)),
    journalPending: (from) => bridge.invoke('sync:journalPending', from),
    instance: (record, adopt) => bridge.invoke('sync:instance', record, adopt),
    request: async (when) => void (await bridge.invoke('sync:request', when)),
  };
}
