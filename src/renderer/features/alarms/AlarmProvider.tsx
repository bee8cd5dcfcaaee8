import type { ReactNode } from 'react';
import type { DeskBridge, HostSettingsState } from '@shared/bridge/contract';
import type { Role } from '@shared/domain/roles';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import { AlarmContext } from './AlarmContext';
import { AlarmSound } from './AlarmSound';
import { useDeadlineAlarms } from './useDeadlineAlarms';

export interface AlarmProviderProps {
  bridge: DeskBridge | null;
  db: DeskDatabase | null;
  store: EventStore | null;
  actor: { id: string; role: Role } | null;
  hostSettings: HostSettingsState | null;
  children: ReactNode;
}

/**
 * The desk's alarms for everything under it (issue 15). Its own component: a derivation (each
 * save, each synced page) re-renders the alarm bar and the sound, not the root and every screen
 * below it (the children are the root's elements, unchanged by the alarms' state).
 */
export function AlarmProvider({ bridge, db, store, actor, hostSettings, children }: AlarmProviderProps) {
  const alarms = useDeadlineAlarms(bridge, db, store, actor, hostSettings);
  return (
    <AlarmContext.Provider value={alarms}>
      {children}
      <AlarmSound role={actor?.role ?? null} />
    </AlarmContext.Provider>
  );
}
