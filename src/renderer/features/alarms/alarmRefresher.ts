import type { Refresher } from '../../desk/refresher';

// The alarms' own refresher (the queue's, desk/refresher.ts, keeps a fixed gap): the first change
// after quiet is derived almost at once (the host must have a new deadline within 50 ms of its
// save), but while changes keep coming (a burst of saves, an import, a pull's pages) the gap
// between derivations doubles up to `maxGapMs`: each derivation takes the main thread (and the
// alarm bar's render) from the saves still landing, and a burst does not need its alarms in 50 ms.
// Once no change came for `minGapMs`, the burst is over: its last changes are derived then, and
// the gap is small again.

export interface AlarmRefreshTiming {
  /** A run starts this long after the last ask, */
  quietMs: number;
  /** but no later than this after the first one while asks keep coming, */
  maxWaitMs: number;
  /** and never sooner than the gap after the previous run ended: this at first, after quiet, */
  minGapMs: number;
  /** doubled after each run that answered a burst, up to this. */
  maxGapMs: number;
}

/**
 * Re-derive almost at once (the host must have a new deadline within 50 ms of its save; a
 * derivation reads only the tickets a change touched), at least this often while changes keep
 * coming (a pull's pages), and no sooner than 150 ms after the last run, that gap doubling up to
 * a second while a burst of saves (an import, a back-fill) goes on: a derivation per save would
 * take the saves' own time. Quiet for 150 ms, the next change is derived at once again.
 */
export const ALARM_REFRESH: AlarmRefreshTiming = { quietMs: 4, maxWaitMs: 250, minGapMs: 150, maxGapMs: 1000 };

export function createAlarmRefresher(run: () => Promise<void>, { quietMs, maxWaitMs, minGapMs, maxGapMs }: AlarmRefreshTiming, now: () => number = () => performance.now()): Refresher {
  let running = false;
  let lastEnd = -Infinity;
  let disposed = false;
  let firstAsk: number | null = null;
  /** The asks waiting came during the last run or within `minGapMs` of its end: a burst goes on. */
  let bursting = false;
  let gap = minGapMs;
  let lastAsk = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const start = async () => {
    timer = undefined;
    if (disposed) return;
    running = true;
    const answeredBurst = bursting;
    firstAsk = null;
    bursting = false;
    try {
      await run();
    } finally {
      running = false;
      lastEnd = now();
      gap = answeredBurst ? Math.min(gap * 2, maxGapMs) : minGapMs;
      if (firstAsk !== null) schedule();
    }
  };
  const schedule = () => {
    if (disposed || running || firstAsk === null) return;
    if (timer !== undefined) clearTimeout(timer);
    const at = now();
    // No ask for the small gap while waiting out a grown one: the burst is over, its last
    // changes go now (not up to a second later), and the gap is small again.
    if (gap > minGapMs && at - lastAsk >= minGapMs) {
      gap = minGapMs;
      bursting = false;
    }
    const due = Math.max(Math.min(at + quietMs, firstAsk + maxWaitMs), lastEnd + gap);
    const wake = gap > minGapMs ? Math.min(due, lastAsk + minGapMs) : due;
    timer = setTimeout(() => (now() >= due ? void start() : schedule()), Math.max(0, wake - at));
  };
  return {
    request() {
      const at = now();
      lastAsk = at;
      if (firstAsk === null) {
        firstAsk = at;
        bursting = running || at - lastEnd < minGapMs;
        // Quiet since the last run: the burst is over, the small gap again.
        if (!bursting) gap = minGapMs;
      }
      schedule();
    },
    runNow() {
      firstAsk = -Infinity;
      gap = minGapMs;
      schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
