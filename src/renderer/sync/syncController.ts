// One per page, started at the root (not per screen): the engine, the leader lock (F18), the
// host's ticks and state, the journal feed of the current store, and the search terms' merger.
// Runs happen only in the leader tab and only while the host is enrolled; every tab feeds the
// journal (saves happen in any); the merger runs in the leader tab, enrolled or not.
import type { DeskBridge } from '@shared/bridge/contract';
import type { SyncHostState } from '@shared/sync/syncContract';
import type { DeskDatabase } from '../db/database';
import type { EventStore } from '../db/eventStore';
import type { SyncEngine } from './engineTypes';
import { createSyncEngine } from './syncEngine';
import { bridgeTransport, type SyncTransport } from './transport';
import { holdLeadership } from './leader';
import { feedJournal, type JournalFeed } from './journalFeed';
import { watchDeskActivity } from './deskActivity';
import { startTermsMerger } from '../db/termsMerger';

export interface SyncController {
  engine: SyncEngine;
  transport: SyncTransport;
  isLeader(): boolean;
  hostState(): SyncHostState | null;
  /** Host state and leadership changes. */
  subscribe(listener: () => void): () => void;
  /** The station's store once there is one (setup, join, boot): clock and journal feed. */
  setStore(store: EventStore | null): void;
  /** A run now if this tab leads and the host is enrolled (join progress, "sync now"). */
  kick(): void;
  dispose(): void;
}

export function bridgeLog(bridge: DeskBridge) {
  return (message: string, context: Record<string, unknown> = {}) => {
    const flat = Object.fromEntries(Object.entries(context).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(Array.isArray(v) ? v.join(',') : v).slice(0, 500)]));
    void bridge.invoke('log:write', { level: 'warn', message, context: flat as Record<string, string | number | boolean | null> }).catch(() => undefined);
  };
}

export function startSyncController(db: DeskDatabase, bridge: DeskBridge, transport: SyncTransport = bridgeTransport(bridge)): SyncController {
  const log = bridgeLog(bridge);
  const activity = watchDeskActivity();
  const engine = createSyncEngine({ db, transport, log, busy: activity.busy });
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let leader = false;
  let host: SyncHostState | null = null;
  let feed: JournalFeed | null = null;
  let offSaves: (() => void) | null = null;
  // Fresh tickets' search terms go into the big index while the desk is idle (db/termsTier.ts).
  const merger = startTermsMerger(db, { busy: activity.busy, allowed: () => leader && !engine.status().running, log });

  const kick = () => {
    if (leader && host?.enrolled) void engine.runOnce();
  };
  const setHost = (next: SyncHostState) => {
    const cameBack = next.reachable === true && host?.reachable !== true;
    const enrolled = next.enrolled && !host?.enrolled;
    host = next;
    notify();
    if (cameBack || enrolled) kick();
  };
  const offState = bridge.on('sync:state', setHost);
  const offTick = bridge.on('sync:tick', kick);
  bridge.invoke('sync:state').then(setHost, (error) => log('sync: host state unavailable', { message: String(error) }));
  const release = holdLeadership(() => {
    leader = true;
    notify();
    kick();
  });

  return {
    engine,
    transport,
    isLeader: () => leader,
    hostState: () => host,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStore(store) {
      feed?.stop();
      offSaves?.();
      feed = store ? feedJournal(store, transport, log) : null;
      offSaves = store ? store.onAppended(activity.touch) : null;
      engine.setClock(store);
    },
    kick,
    dispose() {
      offState();
      offTick();
      feed?.stop();
      offSaves?.();
      merger.stop();
      activity.dispose();
      release();
      engine.dispose();
    },
  };
}
