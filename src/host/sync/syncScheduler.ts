// When the renderer's sync loop runs: `sync:tick` events from the host. node-cron every N
// minutes while enrolled; `soon` ~1 s after a save (one tick for a burst of saves), `now` at
// once (urgent ticket); after a failed call (unreachable/unavailable, F9) the host backs off,
// probing GET /v1/health at 1 s doubling to 60 s with ±30 % jitter (so stations restarting
// together do not hammer a recovering hub), and ticks `hubBack` when it answers.
import { schedule } from 'node-cron';
import type { SyncTickReason } from '../../shared/sync/syncContract';

export const SOON_DELAY_MS = 1000;
/** While enrolled and the hub answers: a pull check this often (another station's save shows within seconds). */
export const POLL_MS = 1500;
export const BACKOFF_FIRST_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;
export const JITTER = 0.3;

export interface CronTask {
  stop(): void;
}
export type CronFactory = (expression: string, run: () => void) => CronTask;

export interface SchedulerOptions {
  tick(reason: SyncTickReason): void;
  /** GET /v1/health: true when the hub answered. */
  probe(): Promise<boolean>;
  /** The backoff's next probe time (epoch ms), or null when not backing off: for `sync:state`. */
  onRetryAt?(at: number | null): void;
  random?: () => number;
  cron?: CronFactory;
}

export interface SyncScheduler {
  /** Cron ticks run only while enrolled, every `everyMinutes` (1–60). */
  configure(enrolled: boolean, everyMinutes: number): void;
  request(kind: 'soon' | 'now'): void;
  /** A call failed in a way that waiting can cure: back off and probe. */
  failed(): void;
  /** A call succeeded: the backoff is over and starts from 1 s next time. */
  succeeded(): void;
  dispose(): void;
}

/** `*\/N * * * *`: minute steps (N that does not divide 60 gives a shorter gap at the hour). */
export function cronExpression(everyMinutes: number): string {
  return `*/${everyMinutes} * * * *`;
}

export const nodeCronFactory: CronFactory = (expression, run) => {
  // unref: the schedule alone never keeps the process alive (dispose stops it anyway).
  const task = schedule(expression, run, { name: 'dutydesk-sync', noOverlap: true, unref: true });
  return { stop: () => void task.destroy() };
};

/** The delay before probe number `attempt` (0 first): doubling, capped, then jittered. */
export function backoffDelay(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.min(attempt, 30));
  return Math.round(base * (1 - JITTER + 2 * JITTER * random()));
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const random = options.random ?? Math.random;
  const cron = options.cron ?? nodeCronFactory;
  let task: CronTask | null = null;
  let enrolled = false;
  let soonTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let probeTimer: ReturnType<typeof setTimeout> | null = null;
  /** null: not backing off; else the number of probes made in this outage. */
  let attempt: number | null = null;
  /** Kept across a hubBack that is followed by another failure, so a flapping hub is not hammered. */
  let level = 0;
  let disposed = false;

  const unref = <T extends ReturnType<typeof setTimeout> | ReturnType<typeof setInterval>>(timer: T): T => {
    (timer as { unref?: () => void }).unref?.();
    return timer;
  };

  function emit(reason: SyncTickReason): void {
    if (!disposed && enrolled) options.tick(reason);
  }

  function scheduleProbe(): void {
    if (disposed || attempt === null) return;
    const delay = backoffDelay(level, random);
    options.onRetryAt?.(Date.now() + delay);
    probeTimer = unref(
      setTimeout(() => {
        probeTimer = null;
        void options.probe().then(
          (ok) => answered(ok),
          () => answered(false),
        );
      }, delay),
    );
  }

  function answered(ok: boolean): void {
    if (disposed || attempt === null) return;
    attempt++;
    if (ok) {
      attempt = null;
      options.onRetryAt?.(null);
      emit('hubBack');
      return;
    }
    level++;
    scheduleProbe();
  }

  return {
    configure(on, everyMinutes) {
      task?.stop();
      task = null;
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = null;
      enrolled = on;
      if (!on) {
        stopBackoff();
        return;
      }
      // The poll pauses while backing off, like the schedule: the probe decides then.
      pollTimer = unref(setInterval(() => attempt === null && emit('poll'), POLL_MS));
      task = cron(cronExpression(everyMinutes), () => {
        // While backing off the probe decides when to try; a scheduled tick would only fail again.
        if (attempt === null) emit('schedule');
      });
    },
    request(kind) {
      if (!enrolled || disposed) return;
      if (kind === 'now') {
        // An urgent save is tried at once even while backing off: it costs one failed call.
        if (soonTimer) clearTimeout(soonTimer);
        soonTimer = null;
        emit('now');
        return;
      }
      // The first save of a burst fixes the tick: later saves ride on it (bounded delay).
      if (soonTimer || attempt !== null) return;
      soonTimer = unref(
        setTimeout(() => {
          soonTimer = null;
          emit('soon');
        }, SOON_DELAY_MS),
      );
    },
    failed() {
      if (disposed || !enrolled || attempt !== null) return;
      attempt = 0;
      scheduleProbe();
    },
    succeeded() {
      level = 0;
      stopBackoff();
    },
    dispose() {
      disposed = true;
      task?.stop();
      task = null;
      if (pollTimer) clearInterval(pollTimer);
      pollTimer = null;
      if (soonTimer) clearTimeout(soonTimer);
      soonTimer = null;
      stopBackoff();
    },
  };

  function stopBackoff(): void {
    if (probeTimer) clearTimeout(probeTimer);
    probeTimer = null;
    if (attempt !== null) options.onRetryAt?.(null);
    attempt = null;
  }
}
