import { createContext, useContext } from 'react';
import type { DeskBridge, HostSettingsState } from '@shared/bridge/contract';
import type { StaffMember } from '@shared/staff/staffFold';
import type { DeskDatabase } from '../db/database';
import type { EventStore } from '../db/eventStore';
import type { StationRecord } from './boot';

/** What every screen of a signed-in desk works with. */
export interface Desk {
  db: DeskDatabase;
  store: EventStore;
  station: StationRecord;
  bridge: DeskBridge;
  staff: StaffMember;
  hostSettings: HostSettingsState | null;
  persisted: boolean;
  lock(): void;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside a signed-in desk');
  return desk;
}
