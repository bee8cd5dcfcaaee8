import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefresher } from './refresher';

const timing = { quietMs: 100, maxWaitMs: 1000 };

describe('refresher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once asks have been quiet for a moment', async () => {
    const runs: number[] = [];
    const t0 = Date.now();
    const r = createRefresher(async () => void runs.push(Date.now() - t0), timing, () => Date.now());
    r.request();
    await vi.advanceTimersByTimeAsync(50);
    r.request();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([150]);
    r.dispose();
  });

  it('still runs at least every maxWaitMs while asks keep coming', async () => {
    const runs: number[] = [];
    const t0 = Date.now();
    const r = createRefresher(async () => void runs.push(Date.now() - t0), timing, () => Date.now());
    // An ask every 20 ms for 2.5 s, then quiet.
    for (let i = 0; i < 125; i++) {
      r.request();
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toEqual([1000, 2000, 2580]);
    r.dispose();
  });

  it('never overlaps runs, and an ask made during a run is answered by one more run after it', async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const r = createRefresher(async () => {
      active++;
      most = Math.max(most, active);
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 400));
      active--;
    }, timing, () => Date.now());
    r.request();
    await vi.advanceTimersByTimeAsync(150);
    r.request();
    r.request();
    await vi.advanceTimersByTimeAsync(2000);
    expect([runs, most]).toEqual([2, 1]);
    r.dispose();
  });

  it('runs at once when asked to, or right after the run under way', async () => {
    const runs: number[] = [];
    const t0 = Date.now();
    const r = createRefresher(async () => {
      runs.push(Date.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }, timing, () => Date.now());
    r.runNow();
    await vi.advanceTimersByTimeAsync(10);
    r.runNow();
    await vi.advanceTimersByTimeAsync(500);
    // The second ask waits for the first run to end (50 ms), not for asks to settle (100 ms).
    expect(runs).toHaveLength(2);
    expect(runs[0]).toBe(0);
    expect(runs[1]).toBeGreaterThanOrEqual(50);
    expect(runs[1]).toBeLessThan(100);
    r.dispose();
  });

  it('flush runs what was asked at once, and with nothing asked runs nothing (a pulled page is one commit)', async () => {
    const runs: number[] = [];
    const t0 = Date.now();
    const r = createRefresher(async () => void runs.push(Date.now() - t0), timing, () => Date.now());
    r.flush();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([]);
    r.request();
    await vi.advanceTimersByTimeAsync(10);
    r.flush();
    await vi.advanceTimersByTimeAsync(0);
    // 500 ms of nothing, then an ask 10 ms before the flush: run at the flush, not 100 ms later.
    expect(runs).toEqual([510]);
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([510]);
    r.dispose();
  });

  it('stops when disposed', async () => {
    const run = vi.fn(async () => undefined);
    const r = createRefresher(run, timing, () => Date.now());
    r.request();
    await vi.advanceTimersByTimeAsync(150);
    r.request();
    r.dispose();
    await vi.advanceTimersByTimeAsync(2000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('with a minimum gap, a burst of asks gets a run every so often, and a lone ask after a pause runs at once', async () => {
    const runs: number[] = [];
    const t0 = Date.now();
    const r = createRefresher(async () => void runs.push(Date.now() - t0), { quietMs: 4, maxWaitMs: 250, minGapMs: 150 }, () => Date.now());
    // An ask every 10 ms for 1 s (a burst of saves), then quiet.
    for (let i = 0; i < 100; i++) {
      r.request();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.length).toBeGreaterThanOrEqual(6);
    expect(runs.length).toBeLessThanOrEqual(8);
    for (let i = 1; i < runs.length; i++) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(150);
    const before = runs.length;
    r.request();
    await vi.advanceTimersByTimeAsync(5);
    expect(runs.length).toBe(before + 1);
    r.dispose();
  });
});
