import { createContext, useContext } from 'react';
import type { DeskBridge, HostSettingsState } from '@shared/bridge/contract';
import type { StaffMember } from '@shared/staff/staffFold';
import type { DeskDatabase } from '../db/database';
import type { EventStore } from '../db/eventStore';
import type { StationRecord } from './boot';
import type { IncomingCall } from '../features/calls/callCommands';

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
  /** The latest caller-ID call waiting for the call panel. */
  incomingCall: IncomingCall | null;
  clearIncomingCall(): void;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk outside a signed-in desk');
  return desk;
}
