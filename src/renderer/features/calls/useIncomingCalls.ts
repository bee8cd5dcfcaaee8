import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallerIdCall, DeskBridge } from '@shared/bridge/contract';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import type { StationRecord } from '../../desk/boot';
import { receiveCall, type IncomingCall } from './callCommands';

/**
 * U19: calls waiting for the clerk. A second ring never replaces the first: each waits, newest
 * first, until it is taken or dismissed. Past this many the oldest leaves the list (it stays in
 * the call log as not handled).
 */
export const MAX_WAITING_CALLS = 10;

/**
 * Listens for caller-ID calls for the whole life of the desk, signed in or locked: every call
 * is logged at once (by the person on duty, or the system while the screen is locked) and waits
 * for the call panel (or the lock screen) with the others.
 */
export function useIncomingCalls(bridge: DeskBridge | null, db: DeskDatabase | null, store: EventStore | null, station: StationRecord | null, actor: string | null) {
  const [waiting, setWaiting] = useState<IncomingCall[]>([]);
  const actorRef = useRef(actor);
  useEffect(() => {
    actorRef.current = actor;
  }, [actor]);

  useEffect(() => {
    if (!bridge || !db || !store || !station) return;
    const context = { countryCode: station.countryCode, areaCode: station.areaCode };
    const failed = (error: unknown) => void bridge.invoke('log:write', { level: 'error', message: 'call not logged', context: { error: String(error) } }).catch(() => {});
    const receive = (call: CallerIdCall) => {
      void receiveCall(db, store, context, call, actorRef.current)
        .then((received) => {
          // Null: this call was logged already (delivered again after a reconnect, S17).
          if (!received) return;
          const { incoming } = received;
          setWaiting((list) => [incoming, ...list.filter((c) => c.callId !== incoming.callId)].sort((a, b) => b.call.at - a.call.at).slice(0, MAX_WAITING_CALLS));
          received.logged.catch(failed);
        })
        .catch(failed);
    };
    const off = bridge.on('callerId:call', receive);
    // Calls that rang while this renderer was not listening (a reload, S17): the host kept them.
    bridge.invoke('callerId:recentCalls').then((calls) => calls.forEach(receive), failed);
    return off;
  }, [bridge, db, store, station]);

  const remove = useCallback((callId: string) => setWaiting((list) => list.filter((c) => c.callId !== callId)), []);
  return [waiting, remove] as const;
}
