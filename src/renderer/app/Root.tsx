import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/staff/staffFold';
import { useLiveQuery } from 'dexie-react-hooks';
import { useBooted } from './useBooted';
import { DeskContext, type Desk } from '../desk/DeskContext';
import { DeskShell } from './DeskShell';
import { SetupWizard } from '../features/setup/SetupWizard';
import { SignInScreen } from '../features/signin/SignInScreen';
import { signOut } from '../features/signin/signIn';
import { useIdleLock } from './useIdleLock';
import { switchLanguage } from '../i18n';
import { useIncomingCalls } from '../features/calls/useIncomingCalls';
import { IncomingCallContext } from '../features/calls/IncomingCallContext';
import { LockScreenCalls } from '../features/calls/LockScreenCalls';
import { AlarmProvider } from '../features/alarms/AlarmProvider';
import { AlarmBar } from '../features/alarms/AlarmBar';
import { SyncContext } from '../sync/SyncContext';
import { rememberInstance } from '../sync/recovery';
import { useAutoJoin } from '../sync/useAutoJoin';
import { useMonthEndJobs } from '../features/leftovers/useMonthEndJobs';
import type { EventStore } from '../db/eventStore';
import type { StationRecord } from '../desk/boot';

interface Session {
  staffId: string;
  locked: boolean;
}

export function Root() {
  const { t } = useTranslation();
  const [state, setBooted] = useBooted();
  const [session, setSession] = useState<Session | null>(null);
  const ready = state.phase === 'ready' ? state : null;
  const db = ready?.booted.db;
  const member = useLiveQuery(async () => (db && session ? ((await db.staff.get(session.staffId)) ?? null) : null), [db, session?.staffId]);
  const deskSettings = useLiveQuery(async () => (db ? ((await db.settings.get('desk')) ?? null) : null), [db]);

  const lock = useCallback(
    (reason: 'lock' | 'idle') => {
      if (!ready?.booted.store || !session || session.locked) return;
      void signOut(ready.booted.store, session.staffId, reason);
      // What the last person was told is not for whoever comes to the lock screen next.
      notifications.clean();
      setSession({ ...session, locked: true });
    },
    [ready, session],
  );
  const signedIn = session && !session.locked ? session.staffId : null;
  const sync = ready?.sync ?? null;
  const store = ready?.booted.store ?? null;
  useEffect(() => {
    // The sync clock and journal feed follow the station's store (boot, setup, join); the host's
    // instance record learns the station identity (F14 restores it from there).
    if (!sync || !db) return;
    sync.setStore(store);
    if (store) rememberInstance(db, sync.transport).catch(() => undefined);
  }, [sync, db, store]);
  const joined = useCallback(
    ({ store: joinedStore, station }: { store: EventStore; station: StationRecord }) => {
      if (ready) setBooted({ ...ready.booted, store: joinedStore, station });
    },
    [ready, setBooted],
  );
  useAutoJoin(sync, db ?? null, Boolean(ready?.booted.station), joined);
  const [waitingCalls, removeCall] = useIncomingCalls(ready?.bridge ?? null, db ?? null, ready?.booted.store ?? null, ready?.booted.station ?? null, signedIn);
  // Issue 15: the deadlines ring for the whole life of the booted desk, locked or not.
  const alarmActor = useMemo(() => (member && signedIn && member.id === signedIn ? { id: member.id, role: member.role } : null), [member, signedIn]);
  // Issue 16, R-LEFTOVER: the month-end carry of the leftover-issues file, signed in or not.
  useMonthEndJobs(ready?.bridge ?? null, db ?? null, store, ready?.booted.station?.timeZone ?? null, signedIn);
  useIdleLock(Boolean(session && !session.locked), (deskSettings?.idleLockMinutes ?? 5) * 60_000, () => lock('idle'));

  useEffect(() => {
    const language = member?.language ?? deskSettings?.defaultLanguage ?? 'zh-CN';
    void switchLanguage(language);
  }, [member?.language, deskSettings?.defaultLanguage]);

  const desk = useMemo<Desk | null>(() => {
    // The live query answers the previous person until it re-runs: a desk is only ever built for
    // the person signed in, so nothing of theirs (a draft, U5) opens for the next one.
    if (!ready?.booted.store || !ready.booted.station || !member || !session || session.locked || member.id !== session.staffId) return null;
    return {
      db: ready.booted.db, store: ready.booted.store, station: ready.booted.station, bridge: ready.bridge, staff: member as StaffMember,
      hostSettings: ready.hostSettings, persisted: ready.booted.persisted, lock: () => lock('lock'),
    };
  }, [ready, member, session, lock]);
  const incoming = useMemo(() => ({ waitingCalls, removeCall }), [waitingCalls, removeCall]);

  if (state.phase === 'loading') return <Center h="100vh"><Loader aria-label={t('common.loading')} /></Center>;
  if (state.phase === 'noBridge') {
    return (
      <Center h="100vh" p="xl">
        <Alert color="red" title={t('common.bridgeMissing.title')} maw={560}>{t('common.bridgeMissing.body')}</Alert>
      </Center>
    );
  }
  if (state.phase === 'dbFailed') {
    return <Center h="100vh" p="xl"><Alert color="red" maw={560}>{t('common.storage.openFailed', { message: state.message })}</Alert></Center>;
  }
  const { booted, hostSettings, bridge } = state;
  // One sync controller for the page; every screen (setup, join, sign-in, desk) sees it.
  return (
    <SyncContext.Provider value={state.sync}>
      <AlarmProvider bridge={bridge} db={booted.db} store={booted.store ?? null} actor={alarmActor} hostSettings={hostSettings}>
        {screen()}
      </AlarmProvider>
    </SyncContext.Provider>
  );

  function screen() {
    if (!booted.station || !booted.store) {
      return (
        <SetupWizard
          db={booted.db}
          settingsWarning={hostSettings}
          onDone={({ store, station, managerId }) => {
            setBooted({ ...booted, store, station });
            setSession({ staffId: managerId, locked: false });
          }}
          join={{ bridge, onJoined: joined }}
        />
      );
    }
    if (!desk) {
      return (
        <SignInScreen
          db={booted.db}
          store={booted.store}
          lockedStaffId={session?.locked ? session.staffId : null}
          settingsWarning={hostSettings}
          waitingCalls={<LockScreenCalls waiting={waitingCalls} station={booted.station} />}
          alarms={<AlarmBar signedIn={null} timeZone={booted.station.timeZone} />}
          onSignedIn={(staffId) => setSession({ staffId, locked: false })}
        />
      );
    }
    return (
      <DeskContext.Provider value={desk}>
        <IncomingCallContext.Provider value={incoming}>
          <DeskShell key={desk.staff.id} />
        </IncomingCallContext.Provider>
      </DeskContext.Provider>
    );
  }
}
