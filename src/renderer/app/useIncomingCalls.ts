import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskBridge } from '@shared/bridge/contract';
import type { DeskDatabase } from '../db/database';
import type { EventStore } from '../db/eventStore';
import type { StationRecord } from './boot';
import { receiveCall, type IncomingCall } from '../features/calls/callCommands';

/**
 * Listens for caller-ID calls for the whole life of the desk, signed in or locked: every call
 * is logged at once (by the person on duty, or the system while the screen is locked), and the
 * latest one waits for the call panel.
 */
export function useIncomingCalls(bridge: DeskBridge | null, db: DeskDatabase | null, store: EventStore | null, station: StationRecord | null, actor: string | null) {
  const [incoming, setIncoming] = useState<IncomingCall | null>(null);
  const actorRef = useRef(actor);
  useEffect(() => {
    actorRef.current = actor;
  }, [actor]);

  useEffect(() => {
    if (!bridge || !db || !store || !station) return;
    const context = { countryCode: station.countryCode, areaCode: station.areaCode };
    return bridge.on('callerId:call', (call) => {
      const failed = (error: unknown) => void bridge.invoke('log:write', { level: 'error', message: 'call not logged', context: { error: String(error) } });
      void receiveCall(db, store, context, call, actorRef.current)
        .then(({ incoming: next, logged }) => {
          setIncoming(next);
          logged.catch(failed);
        })
        .catch(failed);
    });
  }, [bridge, db, store, station]);

  const clear = useCallback(() => setIncoming(null), []);
  return [incoming, clear] as const;
}
