import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRefresher } from './refresher';

describe('refresher', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once after a quiet spell, then once per interval however many asks come in between', async () => {
    const runs: number[] = [];
    const r = createRefresher(async () => void runs.push(Date.now()), 250, () => Date.now());
    const t0 = Date.now();
    r.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.map((t) => t - t0)).toEqual([0]);
    // A burst: an ask every 20 ms for 600 ms.
    for (let i = 0; i < 30; i++) {
      r.request();
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(500);
    expect(runs.map((t) => t - t0)).toEqual([0, 250, 500, 750]);
    // Quiet again: the next ask runs at once.
    await vi.advanceTimersByTimeAsync(1000);
    const before = runs.length;
    r.request();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(before + 1);
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
    }, 100, () => Date.now());
    r.request();
    await vi.advanceTimersByTimeAsync(10);
    r.request();
    r.request();
    await vi.advanceTimersByTimeAsync(2000);
    expect([runs, most]).toEqual([2, 1]);
    r.dispose();
  });

  it('stops when disposed', async () => {
    const run = vi.fn(async () => undefined);
    const r = createRefresher(run, 250, () => Date.now());
    r.request();
    await vi.advanceTimersByTimeAsync(0);
    r.request();
    r.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
