import { useEffect, useState } from 'react';
import type { DeskBridge, HostSettingsState } from '@shared/bridge/contract';
import { connectBridge } from '../bridge/connectBridge';
import { boot, type Booted } from '../desk/boot';

export type BootState =
  | { phase: 'loading' }
  | { phase: 'noBridge' }
  | { phase: 'dbFailed'; message: string }
  | { phase: 'ready'; bridge: DeskBridge; booted: Booted; hostSettings: HostSettingsState };

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
        const booted = await boot();
        const hostSettings = await bridge.invoke('settings:get');
        void bridge.invoke('log:write', { level: booted.persisted ? 'info' : 'warn', message: 'storage persistence', context: { persisted: booted.persisted } });
        if (!cancelled) setState({ phase: 'ready', bridge, booted, hostSettings });
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
