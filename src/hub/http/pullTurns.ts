// S4: at most PULLS_PER_STATION pulls of one station are read and sent at a time; the others
// wait their turn in arrival order (the contract has no status for "too many", so they queue).
// A turn lasts until the answer has left, so at most two pages of a station are in memory.

export const PULLS_PER_STATION = 2;

interface Station {
  running: number;
  waiting: (() => void)[];
}

export interface Turn {
  /** This station's pulls running or waiting when this one arrived (≥ the limit: it waited). */
  ahead: number;
  release(): void;
}

export class PullTurns {
  private stations = new Map<number, Station>();

  constructor(private readonly limit = PULLS_PER_STATION) {}

  async take(stationId: number): Promise<Turn> {
    let s = this.stations.get(stationId);
    if (!s) this.stations.set(stationId, (s = { running: 0, waiting: [] }));
    const ahead = s.running + s.waiting.length;
    if (s.running >= this.limit) await new Promise<void>((resolve) => s.waiting.push(resolve));
    else s.running++;
    let released = false;
    return {
      ahead,
      release: () => {
        if (released) return;
        released = true;
        this.handOver(stationId, s);
      },
    };
  }

  private handOver(stationId: number, s: Station): void {
    const next = s.waiting.shift();
    // The turn passes straight to the next in line; `running` stays the same.
    if (next) next();
    else if (--s.running === 0) this.stations.delete(stationId);
  }
}
