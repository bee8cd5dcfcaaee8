/**
 * Runs `run` once asks have settled: `quietMs` after the last ask, but no later than `maxWaitMs`
 * after the first one while asks keep coming (a burst of saves, pages of synced events). One run
 * answers every ask made before it starts, and a run never overlaps the previous one: an ask made
 * during a run is answered by one more run after it.
 */
export interface Refresher {
  /** Asks for a run once asks have settled. */
  request(): void;
  /** Asks for a run now (or right after the one under way): for a new question, not a change. */
  runNow(): void;
  dispose(): void;
}

export interface QuietRefresher extends Refresher {
  /** Runs the asks made so far now, without waiting for quiet (their writer says its burst is over). Nothing asked: nothing run. */
  flush(): void;
}

export interface RefresherTiming {
  quietMs: number;
  maxWaitMs: number;
  /** A run starts at least this long after the previous one ended (a burst of asks gets a run every so often, not one per ask). */
  minGapMs?: number;
}

export function createRefresher(run: () => Promise<void>, { quietMs, maxWaitMs, minGapMs = 0 }: RefresherTiming, now: () => number = () => performance.now()): QuietRefresher {
  let running = false;
  let lastEnd = -Infinity;
  let disposed = false;
  let firstAsk: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = async () => {
    timer = undefined;
    if (disposed) return;
    running = true;
    firstAsk = null;
    try {
      await run();
    } finally {
      running = false;
      lastEnd = now();
      if (firstAsk !== null) schedule();
    }
  };
  const schedule = () => {
    if (disposed || running || firstAsk === null) return;
    if (timer !== undefined) clearTimeout(timer);
    const due = Math.max(Math.min(now() + quietMs, firstAsk + maxWaitMs), lastEnd + minGapMs);
    timer = setTimeout(() => void start(), Math.max(0, due - now()));
  };
  const runNow = () => {
    firstAsk = -Infinity;
    schedule();
  };
  return {
    request() {
      if (firstAsk === null) firstAsk = now();
      schedule();
    },
    runNow,
    flush() {
      if (firstAsk !== null) runNow();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
