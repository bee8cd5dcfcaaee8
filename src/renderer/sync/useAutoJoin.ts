// Unattended installs (`--hub <url> --hub-token-file <file>`): the host is enrolled at start and
// this store has no station: the station joins its estate by itself once the estate's
// configuration and staff have arrived (checked after every pulled page), named as the token's
// station, with a code derived from that name and unique in the estate.
import { useEffect, useRef } from 'react';
import type { DeskDatabase } from '../db/database';
import type { EventStore } from '../db/eventStore';
import type { StationRecord } from '../desk/boot';
import { completeJoin, joinReadiness } from '../features/setup/joinEstate';
import type { SyncController } from './syncController';

export function useAutoJoin(sync: SyncController | null, db: DeskDatabase | null, hasStation: boolean, onJoined: (result: { store: EventStore; station: StationRecord }) => void): void {
  const enrolledAtStart = useRef<boolean | null>(null);
  const joining = useRef(false);
  const joined = useRef(onJoined);
  useEffect(() => {
    joined.current = onJoined;
  }, [onJoined]);
  useEffect(() => {
    if (!sync || !db || hasStation) return;
    const attempt = async () => {
      const host = sync.hostState();
      if (host && enrolledAtStart.current === null) enrolledAtStart.current = host.enrolled;
      if (!enrolledAtStart.current || !host?.station || joining.current) return;
      joining.current = true;
      try {
        if ((await joinReadiness(db)).ready) joined.current(await completeJoin(db, { stationName: host.station }));
      } catch {
        // Tried again after the next page; the join screen shows the same readiness.
      } finally {
        joining.current = false;
      }
    };
    const offHost = sync.subscribe(() => void attempt());
    const offEngine = sync.engine.subscribe(() => void attempt());
    void attempt();
    return () => {
      offHost();
      offEngine();
    };
  }, [sync, db, hasStation]);
}
