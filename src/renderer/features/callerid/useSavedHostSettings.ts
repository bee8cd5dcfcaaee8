import { useCallback, useEffect, useState } from 'react';
import type { DeskBridge, HostSettingsState } from '@shared/bridge/contract';

/**
 * U4: the host settings as saved now: read with `settings:get` when the form mounts and again on
 * every `settings:changed` the host sends (a save here, in another window or by the CLI), never
 * the copy read at start. Null until the first answer, so a form cannot save defaults over them.
 */
export function useSavedHostSettings(bridge: DeskBridge): [HostSettingsState | null, (state: HostSettingsState) => void] {
  const [saved, setSaved] = useState<HostSettingsState | null>(null);
  useEffect(() => {
    let live = true;
    const off = bridge.on('settings:changed', (state) => setSaved(state));
    bridge.invoke('settings:get').then((state) => live && setSaved((current) => current ?? state), () => undefined);
    return () => {
      live = false;
      off();
    };
  }, [bridge]);
  const update = useCallback((state: HostSettingsState) => setSaved(state), []);
  return [saved, update];
}
