// Pushes that write the same lane (one site on PostgreSQL, the whole file on SQLite) take
// turns here rather than queueing in the database. A waiting small push goes before waiting
// slices of big ones, and a big push writes in slices of PUSH_SLICE events, each its own turn,
// so a station pushing ten events waits for at most one slice of another station's thousand,
// not for the thousand (docs/benchmarks.md, "Sync hub": push latency during an ingest).
// Slicing keeps the contract: events are taken in order, each answer comes once every stored
// event is durable, and a batch was never all-or-nothing (one bad event never blocks the rest).

/** Events written per turn. */
export const PUSH_SLICE = 200;
/** A push of at most this many events waits in the small-first queue. */
export const SMALL_PUSH = 50;

interface Lane {
  small: (() => void)[];
  large: (() => void)[];
}

export class PushLanes {
  private busy = new Map<string, Lane>();

  /** Runs `work` when the lane is free; `size` is the number of events it writes. */
  async turn<T>(lane: string, size: number, work: () => Promise<T>): Promise<T> {
    const waiting = this.busy.get(lane);
    if (waiting) await new Promise<void>((resolve) => (size <= SMALL_PUSH ? waiting.small : waiting.large).push(resolve));
    else this.busy.set(lane, { small: [], large: [] });
    try {
      return await work();
    } finally {
      this.handOver(lane);
    }
  }

  /** How many pushes wait for the lane (for tests and the log). */
  waiting(lane: string): number {
    const l = this.busy.get(lane);
    return l ? l.small.length + l.large.length : 0;
  }

  private handOver(lane: string) {
    const l = this.busy.get(lane);
    const next = l?.small.shift() ?? l?.large.shift();
    if (next) next();
    else this.busy.delete(lane);
  }
}
