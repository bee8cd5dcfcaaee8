import { useEffect, useState } from 'react';
import type { DeskBridge, HostSettingsState } from '@shared/bridge/contract';
import { connectBridge } from '../bridge/connectBridge';
import { boot, type Booted } from '../desk/boot';
import { DeskDatabase } from '../db/database';
import { bridgeTransport } from '../sync/transport';
import { checkInstance } from '../sync/recovery';
import { bridgeLog, startSyncController, type SyncController } from '../sync/syncController';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'noBridge' }
  | { phase: 'dbFailed'; message: string }
  | { phase: 'ready'; bridge: DeskBridge; booted: Booted; hostSettings: HostSettingsState; sync: SyncController };

/** Connects the bridge, opens the database and reads the host settings, once. */
export function useBooted(): [BootState, (next: Booted) => void] {
  const [state, setState] = useState<BootState>({ phase: 'loading' });
  useEffect(() => {
    let cancelled = false;
    (async () => {
      let bridge: DeskBridge;
      try {
        bridge = await connectBridge();
      } catch {
        if (!cancelled) setState({ phase: 'noBridge' });
        return;
      }
      try {
        const transport = bridgeTransport(bridge);
        const log = bridgeLog(bridge);
        // F14 before anything reads the station record: a wiped store is refilled from the journal.
        const booted = await boot(new DeskDatabase(), { check: (db) => checkInstance(db, transport) }, (error) => log('sync: instance check failed', { message: String(error) }));
        const hostSettings = await bridge.invoke('settings:get');
        void bridge.invoke('log:write', { level: booted.persisted ? 'info' : 'warn', message: 'storage persistence', context: { persisted: booted.persisted } });
        if (booted.reset) log('sync: this store was reset; refilled from the journal and the hub');
        if (cancelled) return;
        // One sync loop per page, for the page's life (not per screen).
        const sync = startSyncController(booted.db, bridge, transport);
        sync.setStore(booted.store);
        setState({ phase: 'ready', bridge, booted, hostSettings, sync });
      } catch (error) {
        if (!cancelled) setState({ phase: 'dbFailed', message: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  const update = (booted: Booted) => setState((s) => (s.phase === 'ready' ? { ...s, booted } : s));
  return [state, update];
}
