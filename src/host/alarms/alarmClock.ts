import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../logging/logger';
import { dueTransitions, isRinging, markFired, nextWakeAt, pendingTransitions, type AlarmEntry, type AlarmLevel } from './alarmSchedule';
import { createAlarmSaver, loadAlarms } from './alarmStore';
import { ALARM_LIMITS, alarmIdList, parseAlarmList, type AlarmDeadline } from '../../shared/alarms/alarmList';

// The host's alarm clock (issue 15, design.md "Deadlines and alarms"). Renderer timers never
// drive an alarm (a hidden page wakes once a minute); this runs in the host. One timer for the
// nearest transition gives the precision; a one-second watchdog compares wall time with
// monotonic time, so a sleep, resume or clock step loses nothing: whatever fell due meanwhile
// fires at once, in order, and a step of more than a minute is reported.

export interface AlarmFiring {
  id: string;
  level: AlarmLevel;
  /** The wall time this transition was due (epoch ms). */
  at: number;
  firedAt: number;
  lateMs: number;
  deadline: AlarmDeadline;
}

export type SetResult = { ok: true; count: number } | { ok: false; reason: string };

export interface AlarmClockOptions {
  /** The data folder; the list is kept in `<dataDir>/alarms/pending.json`. */
  dataDir: string;
  now?: () => number;
  monotonic?: () => number;
  /** Arms a one-shot timer; returns its cancel. */
  setTimer?: (fire: () => void, delayMs: number) => () => void;
  onFire(firing: AlarmFiring): void;
  onClockStep(step: { stepMs: number; at: number }): void;
  logger?: Logger;
  /** How often a due alarm rings again until acknowledged. */
  repeatEveryMs?: number;
  /** A wall-vs-monotonic difference above this is reported (design: more than a minute). */
  stepThresholdMs?: number;
}

export interface AlarmClock {
  /** Replaces the pending list; a refused list leaves the previous one armed. */
  set(deadlines: unknown): SetResult;
  /**
   * Changes the pending list by what changed (deadlines added or changed, ids removed): the same
   * checks as `set` on what is handed, so a save costs the host one deadline's check, not a
   * thousand. A refused patch changes nothing.
   */
  patch(upserts: unknown, removes: unknown): SetResult;
  /** Silences a ringing deadline (no more repeats, no escalation); false if it was not ringing. */
  acknowledge(id: string): boolean;
  pending(): AlarmDeadline[];
  /** What rings now (due rung, not acknowledged), since its due time. */
  ringing(): { id: string; since: number }[];
  /** Resolves once the list on disk is the one in memory. */
  flush(): Promise<void>;
  dispose(): Promise<void>;
}

export const WATCHDOG_MS = 1000;
const MAX_TIMER_MS = 2 ** 31 - 1; // setTimeout fires at once for anything larger
const silent: Logger = { info() {}, warn() {}, error() {} };
const defaultTimer = (fire: () => void, ms: number) => {
  const handle = setTimeout(fire, ms);
  return () => clearTimeout(handle);
};

export async function createAlarmClock(options: AlarmClockOptions): Promise<AlarmClock> {
  const now = options.now ?? Date.now;
  const monotonic = options.monotonic ?? (() => performance.now());
  const setTimer = options.setTimer ?? defaultTimer;
  const logger = options.logger ?? silent;
  const repeatEveryMs = options.repeatEveryMs ?? 30_000;
  const stepThresholdMs = options.stepThresholdMs ?? 60_000;
  const path = join(options.dataDir, 'alarms', 'pending.json');

  const entries = new Map<string, AlarmEntry>();
  const loaded = await loadAlarms(path, logger);
  for (const entry of loaded) {
    // Still ringing when the desk stopped: it rings again at once.
    if (isRinging(entry)) entry.nextRepeatAt = now();
    entries.set(entry.deadline.id, entry);
  }
  if (loaded.length > 0) logger.info('alarms: saved deadlines loaded', { count: loaded.length });

  let disposed = false;
  let armed: { at: number; cancel: () => void } | null = null;
  let cancelWatchdog: () => void = () => {};
  let lastWall = now();
  let lastMono = monotonic();
  const saver = createAlarmSaver(path, () => entries.values(), now, logger);
  const save = () => saver.save();

  const observeClock = () => {
    const wall = now();
    const mono = monotonic();
    const stepMs = wall - lastWall - (mono - lastMono);
    lastWall = wall;
    lastMono = mono;
    if (Math.abs(stepMs) <= stepThresholdMs) return;
    logger.warn('alarms: the wall clock moved against the monotonic clock (sleep or clock change)', { stepMs, at: wall });
    try {
      options.onClockStep({ stepMs, at: wall });
    } catch (error) {
      logger.error('alarms: onClockStep failed', { error: String(error) });
    }
  };

  const check = () => {
    if (disposed) return;
    observeClock();
    const wall = now();
    let changed = false;
    for (const entry of entries.values()) {
      // After a step back the next repeat would wait out the step: keep the pace instead.
      if (entry.nextRepeatAt !== undefined && entry.nextRepeatAt > wall + repeatEveryMs) entry.nextRepeatAt = wall + repeatEveryMs;
    }
    const late: string[] = [];
    for (const { entry, level, at } of dueTransitions(entries.values(), wall)) {
      // onFire may have replaced the list or acknowledged meanwhile: only what is still pending rings.
      if (entries.get(entry.deadline.id) !== entry || !pendingTransitions(entry).some((t) => t.level === level && t.at === at)) continue;
      const firedAt = now();
      markFired(entry, level, firedAt, repeatEveryMs);
      changed ||= level !== 'overdue';
      if (firedAt - at > WATCHDOG_MS && level !== 'overdue') late.push(`${entry.deadline.id}:${level}:${firedAt - at}`);
      try {
        options.onFire({ id: entry.deadline.id, level, at, firedAt, lateMs: firedAt - at, deadline: structuredClone(entry.deadline) });
      } catch (error) {
        logger.error('alarms: onFire failed', { id: entry.deadline.id, level, error: String(error) });
      }
    }
    // One line for a whole backlog (after a sleep, hundreds can ring at once).
    if (late.length > 0) logger.info('alarms: rang late (id:level:ms)', { count: late.length, first: late.slice(0, 20) });
    if (changed) save();
    rearm();
  };

  const rearm = () => {
    if (disposed) return;
    const next = nextWakeAt(entries.values());
    if (armed && armed.at === next) return;
    armed?.cancel();
    armed = null;
    if (next === null) return;
    const delay = Math.min(Math.max(0, next - now()), MAX_TIMER_MS);
    armed = {
      at: next,
      cancel: setTimer(() => {
        armed = null;
        check();
      }, delay),
    };
  };

  const watchdog = () => {
    check();
    if (!disposed) cancelWatchdog = setTimer(watchdog, WATCHDOG_MS);
  };

  check();
  cancelWatchdog = setTimer(watchdog, WATCHDOG_MS);

  return {
    set(input) {
      if (disposed) return { ok: false, reason: 'the alarm clock is stopped' };
      const parsed = parseAlarmList(input);
      if (!parsed.ok) {
        logger.warn('alarms: a pending list was refused, the previous one stays armed', { reason: parsed.reason });
        return parsed;
      }
      const previous = new Map(entries);
      entries.clear();
      for (const deadline of parsed.deadlines) {
        // What fired is kept per time it fired for (alarmSchedule), so a kept deadline does not ring twice.
        const before = previous.get(deadline.id);
        entries.set(deadline.id, before ? { ...before, deadline } : { deadline, fired: {} });
      }
      save();
      check();
      return { ok: true, count: entries.size };
    },
    patch(upserts, removes) {
      if (disposed) return { ok: false, reason: 'the alarm clock is stopped' };
      const parsed = parseAlarmList(upserts);
      if (!parsed.ok) {
        logger.warn('alarms: a change to the pending list was refused, the list stays as it was', { reason: parsed.reason });
        return parsed;
      }
      const ids = alarmIdList.safeParse(removes);
      if (!ids.success) return { ok: false, reason: 'removed ids: not a list of alarm ids' };
      for (const id of ids.data) entries.delete(id);
      for (const deadline of parsed.deadlines) {
        const before = entries.get(deadline.id);
        entries.set(deadline.id, before ? { ...before, deadline } : { deadline, fired: {} });
      }
      if (entries.size > ALARM_LIMITS.maxDeadlines) logger.warn('alarms: more pending deadlines than a list may hold', { count: entries.size });
      save();
      check();
      return { ok: true, count: entries.size };
    },
    acknowledge(id) {
      const entry = entries.get(id);
      if (!entry || !isRinging(entry)) return false;
      entry.fired.ackedDueAt = entry.deadline.dueAt;
      delete entry.nextRepeatAt;
      save();
      rearm();
      return true;
    },
    pending: () => [...entries.values()].map((entry) => structuredClone(entry.deadline)),
    ringing: () => [...entries.values()].filter(isRinging).map((entry) => ({ id: entry.deadline.id, since: entry.deadline.dueAt })),
    flush: () => saver.flush(),
    async dispose() {
      if (disposed) return;
      disposed = true;
      armed?.cancel();
      armed = null;
      cancelWatchdog();
      // The last save still finishes: a restart must find what was acknowledged.
      await saver.stop();
    },
  };
}
