import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { Logger } from '../../logging/logger';
import { createAlarmClock, type AlarmClockOptions, type AlarmFiring } from '../alarmClock';

// An alarm clock on Vitest's fake timers with a monotonic clock of its own: `stepWall` moves
// only the wall clock (vi.setSystemTime keeps pending timers at their monotonic delays), which
// is what a sleep on Linux or a clock change looks like to the host. Tests only.

export const T0 = Date.UTC(2026, 11, 6, 3, 0, 0);
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;

export async function tempDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'dutydesk-alarms-'));
}

export function recordingLogger(): Logger & { lines: { level: string; message: string; context?: Record<string, unknown> }[] } {
  const lines: { level: string; message: string; context?: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (message, context) => void lines.push({ level: 'info', message, context }),
    warn: (message, context) => void lines.push({ level: 'warn', message, context }),
    error: (message, context) => void lines.push({ level: 'error', message, context }),
  };
}

export async function startFakeClock(dataDir: string, extra: Partial<AlarmClockOptions> = {}) {
  let wallAhead = 0;
  const fired: AlarmFiring[] = [];
  const steps: number[] = [];
  const logger = recordingLogger();
  const clock = await createAlarmClock({
    dataDir,
    monotonic: () => Date.now() - wallAhead,
    onFire: (firing) => void fired.push(firing),
    onClockStep: ({ stepMs }) => void steps.push(stepMs),
    logger,
    repeatEveryMs: 30 * SECOND,
    ...extra,
  });
  return {
    clock,
    fired,
    steps,
    logger,
    /** What fired so far as `id:level`, in order. */
    heard: () => fired.map((f) => `${f.id}:${f.level}`),
    /** Both clocks move on; timers run as they fall due. */
    advance: (ms: number) => vi.advanceTimersByTimeAsync(ms),
    /** Only the wall clock moves (sleep, or someone sets the clock). */
    stepWall(ms: number) {
      vi.setSystemTime(Date.now() + ms);
      wallAhead += ms;
    },
  };
}
