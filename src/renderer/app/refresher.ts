/**
 * Runs `run` at once when asked after a quiet spell, and then at most once per `intervalMs`
 * while asks keep coming (a burst of saves, a page of synced events): one trailing run covers
 * every ask made meanwhile, and a run never overlaps the previous one.
 */
export interface Refresher {
  request(): void;
  dispose(): void;
}

export function createRefresher(run: () => Promise<void>, intervalMs: number, now: () => number = () => performance.now()): Refresher {
  let running = false;
  let asked = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastStart = -Infinity;

  const start = async () => {
    timer = undefined;
    if (disposed) return;
    running = true;
    asked = false;
    lastStart = now();
    try {
      await run();
    } finally {
      running = false;
      if (asked && !disposed) schedule();
    }
  };
  const schedule = () => {
    if (timer !== undefined || disposed) return;
    timer = setTimeout(() => void start(), Math.max(0, lastStart + intervalMs - now()));
  };
  return {
    request() {
      asked = true;
      if (!running) schedule();
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
