// When the host tells the renderer to sync: schedule, soon/now, and the backoff of F9.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncTickReason } from '../../shared/sync/syncContract';
import { BACKOFF_MAX_MS, backoffDelay, createSyncScheduler, cronExpression, nodeCronFactory, POLL_MS, SOON_DELAY_MS, type CronFactory } from './syncScheduler';

function fakeCron() {
  const runs: { expression: string; run: () => void; stopped: boolean }[] = [];
  const factory: CronFactory = (expression, run) => {
    const entry = { expression, run, stopped: false };
    runs.push(entry);
    return { stop: () => void (entry.stopped = true) };
  };
  return { runs, factory, fire: () => runs.filter((r) => !r.stopped).forEach((r) => r.run()) };
}

function setup(probeAnswers: boolean[] = [], random = () => 0.5) {
  const ticks: SyncTickReason[] = [];
  const retryAts: (number | null)[] = [];
  const cron = fakeCron();
  let probes = 0;
  const scheduler = createSyncScheduler({
    tick: (reason) => ticks.push(reason),
    probe: async () => probeAnswers[probes++] ?? true,
    onRetryAt: (at) => retryAts.push(at),
    random,
    cron: cron.factory,
  });
  return { scheduler, ticks, retryAts, cron, probes: () => probes };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('sync scheduler', () => {
  it('ticks on the cron schedule only while enrolled, at the chosen minutes', () => {
    const { scheduler, ticks, cron } = setup();
    cron.fire();
    expect(ticks).toEqual([]);
    scheduler.configure(true, 5);
    expect(cron.runs.at(-1)!.expression).toBe('*/5 * * * *');
    cron.fire();
    expect(ticks).toEqual(['schedule']);
    scheduler.configure(false, 5);
    cron.fire();
    expect(ticks).toEqual(['schedule']);
    expect(cron.runs.every((r) => r.stopped)).toBe(true);
  });

  it('soon: one tick ~1 s after the first of a burst of saves; now: at once', async () => {
    const { scheduler, ticks: all } = setup();
    // The pull check (every POLL_MS) runs beside them; this is about soon and now.
    const ticks = { get list() { return all.filter((t) => t !== 'poll'); } };
    scheduler.configure(true, 1);
    scheduler.request('soon');
    await vi.advanceTimersByTimeAsync(500);
    scheduler.request('soon');
    scheduler.request('soon');
    expect(ticks.list).toEqual([]);
    await vi.advanceTimersByTimeAsync(SOON_DELAY_MS);
    expect(ticks.list).toEqual(['soon']);
    scheduler.request('now');
    expect(ticks.list).toEqual(['soon', 'now']);
    scheduler.dispose();
  });

  it('nothing ticks before enrolment', async () => {
    const { scheduler, ticks } = setup();
    scheduler.request('now');
    scheduler.request('soon');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ticks).toEqual([]);
  });

  it('F9: after a failure it probes 1 s, 2 s, 4 s… and ticks hubBack when the hub answers', async () => {
    const { scheduler, ticks, retryAts, cron, probes } = setup([false, false, true]);
    scheduler.configure(true, 1);
    scheduler.failed();
    // While backing off neither the schedule nor a save's `soon` tick: the probe decides.
    cron.fire();
    scheduler.request('soon');
    await vi.advanceTimersByTimeAsync(999);
    expect(probes()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(probes()).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(probes()).toBe(2);
    await vi.advanceTimersByTimeAsync(3999);
    expect(probes()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(probes()).toBe(3);
    expect(ticks).toEqual(['hubBack']);
    expect(retryAts.at(-1)).toBeNull();
    expect(retryAts.filter((a) => a !== null)).toHaveLength(3);
    cron.fire();
    expect(ticks).toEqual(['hubBack', 'schedule']);
    scheduler.dispose();
  });

  it('F9: a hub that comes back and fails again is not probed from 1 s again until a call succeeds', async () => {
    const { scheduler, probes } = setup([false, true, true]);
    scheduler.configure(true, 1);
    scheduler.failed();
    await vi.advanceTimersByTimeAsync(1000 + 2000);
    expect(probes()).toBe(2);
    // The level reached (one failed probe: 2 s) is kept, not restarted at 1 s.
    scheduler.failed();
    await vi.advanceTimersByTimeAsync(1999);
    expect(probes()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(probes()).toBe(3);
    scheduler.succeeded();
    scheduler.failed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(probes()).toBe(4);
    scheduler.dispose();
  });

  it('backoff delays double to 60 s and stay within ±30 % jitter', () => {
    for (let attempt = 0; attempt < 12; attempt++) {
      const base = Math.min(BACKOFF_MAX_MS, 1000 * 2 ** attempt);
      expect(backoffDelay(attempt, () => 0)).toBe(Math.round(base * 0.7));
      expect(backoffDelay(attempt, () => 0.9999999)).toBe(Math.round(base * 1.3));
    }
    expect(backoffDelay(100, () => 0.5)).toBe(BACKOFF_MAX_MS);
  });

  it('dispose stops the schedule, the pending soon and the backoff', async () => {
    const { scheduler, ticks, cron, probes } = setup([false]);
    scheduler.configure(true, 1);
    scheduler.request('soon');
    scheduler.failed();
    scheduler.dispose();
    cron.fire();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ticks).toEqual([]);
    expect(probes()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('the cron expression is one node-cron accepts for every allowed interval', () => {
    expect(cronExpression(1)).toBe('*/1 * * * *');
    expect(cronExpression(60)).toBe('*/60 * * * *');
  });
});

describe('node-cron wiring (real timers, bounded)', () => {
  it('a real node-cron task fires and stops', async () => {
    vi.useRealTimers();
    let runs = 0;
    const task = nodeCronFactory('* * * * * *', () => runs++);
    await vi.waitFor(() => expect(runs).toBeGreaterThan(0), { timeout: 3500, interval: 100 });
    task.stop();
    const after = runs;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs).toBe(after);
  });
  it('polls every few seconds while enrolled and the hub answers, so another station\'s save shows within seconds; not while backing off or unenrolled', async () => {
    const { scheduler, ticks } = setup([false, true]);
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(ticks).toEqual([]);
    scheduler.configure(true, 1);
    vi.advanceTimersByTime(POLL_MS * 2);
    expect(ticks.filter((t) => t === 'poll')).toHaveLength(2);
    scheduler.failed();
    ticks.length = 0;
    // Backing off: the first probe (about 1 s) fails; no poll meanwhile.
    await vi.advanceTimersByTimeAsync(1400);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(3000);
    expect(ticks[0]).toBe('hubBack');
    scheduler.succeeded();
    ticks.length = 0;
    vi.advanceTimersByTime(POLL_MS);
    expect(ticks).toContain('poll');
    scheduler.configure(false, 1);
    ticks.length = 0;
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(ticks).toEqual([]);
    scheduler.dispose();
  });
});
