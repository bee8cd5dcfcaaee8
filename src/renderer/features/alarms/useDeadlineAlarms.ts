import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Dexie, { type ObservabilitySet } from 'dexie';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { defaultHostSettings, type DeskBridge, type HostSettingsState } from '@shared/bridge/contract';
import type { AlarmFiring } from '@shared/alarms/alarmContract';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';
import type { Actor } from '../handling/stepCommands';
import { holdsDesk } from '@shared/shifts/dutyFold';
import { useDutyRow } from '../duty/useDuty';
import { acknowledgeAlarm, ClockRefusedError, escalateAlarm, snoozeAlarm } from './clockCommands';
import { createAlarmDeriver, type AlarmView } from './deriveAlarms';
import { createHostHandover } from './hostHandover';
import { startAlarmDerivation } from './alarmDerivation';

// Issue 15: the deadlines at the root of the renderer (like incoming calls), so they ring while
// the screen is locked. The derivation is re-run when the deadlines, the tickets or the settings
// change (alarmDerivation.ts: at once after quiet, less often while a burst lasts), and the host
// gets what changed whenever it changes; the host's alarm clock (never a renderer timer) says
// when something rings.

export { ALARM_REFRESH } from './alarmDerivation';
/** Levels and snoozes move with time even when nothing is saved: the bar's list is refreshed this often. */
const TICK_MS = 15_000;
/** A list the bridge could not take (a reconnect under way) is handed over again after this. */
const RETRY_MS = 2000;

export interface DeadlineAlarms {
  db: DeskDatabase;
  store: EventStore;
  /** Every running clock's alarm, soonest due first (null until first derived). */
  views: AlarmView[] | null;
  /** What the host rings now. */
  ringing: ReadonlySet<string>;
  /** Escalations that fired here and are not folded yet. */
  escalatedHere: ReadonlySet<string>;
  /** A warning fired (plays once); cleared once played. */
  warning: { id: string; at: number } | null;
  clearWarning(): void;
  ringsHere: boolean;
  volume: number;
  acknowledge(view: AlarmView, actor: Actor): Promise<void>;
  snooze(view: AlarmView, minutes: number, reason: string, actor: Actor): Promise<void>;
}

const without = (set: ReadonlySet<string>, id: string) => new Set([...set].filter((x) => x !== id));

export function useDeadlineAlarms(bridge: DeskBridge | null, db: DeskDatabase | null, store: EventStore | null, actor: Actor | null, hostSettings: HostSettingsState | null): DeadlineAlarms | null {
  const { t } = useTranslation();
  const [views, setViews] = useState<AlarmView[] | null>(null);
  const [ringing, setRinging] = useState<ReadonlySet<string>>(new Set());
  const [escalatedHere, setEscalatedHere] = useState<ReadonlySet<string>>(new Set());
  const [warning, setWarning] = useState<{ id: string; at: number } | null>(null);
  const [station, setStation] = useState((hostSettings?.settings ?? defaultHostSettings).alarms);
  // Issue 16: alarms follow duty: the station holding the desk rings; before anyone holds it, the station's own setting.
  const ringsHere = holdsDesk(useDutyRow(db), store?.station.name ?? '', station.ringsHere);
  const viewsRef = useRef<AlarmView[]>([]);
  const actorRef = useRef(actor);
  const ringsHereRef = useRef(ringsHere);
  const escalating = useRef(new Set<string>());
  useEffect(() => {
    viewsRef.current = views ?? [];
    actorRef.current = actor;
    ringsHereRef.current = ringsHere;
  }, [views, actor, ringsHere]);

  const log = useCallback(
    (level: 'info' | 'warn' | 'error', message: string, context: Record<string, string | number | boolean | null> = {}) =>
      void bridge?.invoke('log:write', { level, message, context }).catch(() => undefined),
    [bridge],
  );
  const refreshRinging = useCallback(() => {
    bridge?.invoke('alarms:state').then((state) => {
      const ids = new Set(state.ringing.map((r) => r.id));
      setRinging(ids);
      // An escalation heard here belongs to the round that rang; once it stops, so does the mark.
      setEscalatedHere((set) => (set.size ? new Set([...set].filter((id) => ids.has(id))) : set));
    }, () => undefined);
  }, [bridge]);

  /** The ringing station tells the role nobody acknowledged in time, once per round. */
  const escalate = useCallback(
    (id: string) => {
      const view = viewsRef.current.find((v) => v.id === id);
      if (!db || !store || !ringsHereRef.current || !view || view.escalated || view.acknowledged || !view.rings) return;
      const round = `${id}@${view.dueAt}`;
      if (escalating.current.has(round)) return;
      escalating.current.add(round);
      escalateAlarm(db, store, view, view.escalateTo, actorRef.current).catch((error: unknown) => {
        // Tried again with the next derivation (the catch-up below).
        escalating.current.delete(round);
        if (!(error instanceof ClockRefusedError)) log('error', 'alarms: escalation not saved', { id, error: String(error) });
      });
    },
    [db, store, log],
  );

  useEffect(() => {
    if (!bridge) return;
    return bridge.on('settings:changed', (state) => setStation(state.settings.alarms));
  }, [bridge]);

  // The host's own channels (the desktop's notification, raise, on top) follow duty as the sound does.
  useEffect(() => {
    void bridge?.invoke('alarms:ringsHere', ringsHere).catch(() => undefined);
  }, [bridge, ringsHere]);

  // The derivation, re-run on changes to what it reads; the host gets the list straight from it.
  useEffect(() => {
    if (!db) return;
    let current = true;
    const derive = createAlarmDeriver(db);
    const handover = bridge
      ? createHostHandover(bridge, (ok, reason) => {
          if (!ok) log('error', 'alarms: the host refused the list of deadlines', { reason: reason ?? '' });
          if (current) refreshRinging();
        }, RETRY_MS)
      : null;
    const derivation = startAlarmDerivation(derive, handover, (derived) => current && setViews(derived), (error) => log('error', 'alarms: deadlines not derived', { error: String(error) }));
    const watched = ['deadlines', 'tickets', 'settings'].map((table) => `idb://${db.name}/${table}/`);
    const onChange = (parts: ObservabilitySet) => {
      if (!Object.keys(parts).some((part) => watched.some((prefix) => part.startsWith(prefix)))) return;
      derivation.changed(parts);
    };
    Dexie.on('storagemutated', onChange);
    const tick = window.setInterval(() => derivation.tick(), TICK_MS);
    return () => {
      current = false;
      handover?.dispose();
      derivation.dispose();
      window.clearInterval(tick);
      Dexie.on.storagemutated.unsubscribe(onChange);
    };
  }, [db, bridge, log, refreshRinging]);

  // What the host fires, and what rang while this renderer was not listening.
  useEffect(() => {
    if (!bridge) return;
    const onFired = (firing: AlarmFiring) => {
      if (firing.level === 'warn') return setWarning({ id: firing.id, at: firing.firedAt });
      setRinging((set) => (set.has(firing.id) ? set : new Set([...set, firing.id])));
      if (firing.level === 'escalate') {
        setEscalatedHere((set) => new Set([...set, firing.id]));
        escalate(firing.id);
      } else if (ringsHereRef.current) {
        void bridge.invoke('window:attention', 'alarm').catch(() => undefined);
      }
    };
    const offFired = bridge.on('alarms:fired', onFired);
    const offStep = bridge.on('alarms:clockStep', (step) => {
      notifications.show({ color: 'orange', autoClose: false, title: t('alarms.clockStep.title'), message: t('alarms.clockStep.body', { minutes: Math.round(step.stepMs / 60_000) }) });
    });
    refreshRinging();
    return () => {
      offFired();
      offStep();
    };
  }, [bridge, escalate, refreshRinging, t]);

  // An escalation that fell due while nobody listened (a reload): the ringing station still tells the role.
  useEffect(() => {
    const now = Date.now();
    for (const view of views ?? []) {
      if (ringing.has(view.id) && now >= Math.max(view.escalateAfter, view.quietUntil ?? 0)) escalate(view.id);
    }
  }, [views, ringing, escalate]);

  const acknowledge = useCallback(
    async (view: AlarmView, who: Actor) => {
      if (!db || !store) return;
      await acknowledgeAlarm(db, store, view, who);
      // Silenced here at once; every other station stops when the acknowledgement reaches it.
      await bridge?.invoke('alarms:acknowledge', view.id).catch(() => false);
      setRinging((set) => without(set, view.id));
    },
    [bridge, db, store],
  );
  const snooze = useCallback(
    async (view: AlarmView, minutes: number, reason: string, who: Actor) => {
      if (!db || !store) return;
      await snoozeAlarm(db, store, view, minutes, reason, who);
      setRinging((set) => without(set, view.id));
    },
    [db, store],
  );
  const clearWarning = useCallback(() => setWarning(null), []);

  return useMemo(
    () => (db && store ? { db, store, views, ringing, escalatedHere, warning, clearWarning, ringsHere, volume: station.volume, acknowledge, snooze } : null),
    [db, store, views, ringing, escalatedHere, warning, clearWarning, ringsHere, station, acknowledge, snooze],
  );
}
