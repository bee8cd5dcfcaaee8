// S4: at most PULLS_PER_STATION pulls of one station, and PULLS_AT_ONCE pulls in all, are read
// and sent at a time; the others wait their turn in arrival order (the contract has no status
// for "too many", so they queue). A pull waiting only because its own station is at its limit
// does not hold up a later pull of another station. A turn lasts until the answer has left, so
// at most PULLS_AT_ONCE pages are being read and sent at once, whatever the number of stations.

export const PULLS_PER_STATION = 2;
export const PULLS_AT_ONCE = 4;

interface Waiter {
  stationId: number;
  start: (running: number) => void;
}

export interface Turn {
  /** This station's pulls running or waiting when this one arrived (≥ the station limit: it waited). */
  ahead: number;
  /** Pulls of any station running or waiting when this one arrived. */
  hubAhead: number;
  /** Pulls of any station running when this one started, itself included (never above the hub-wide limit). */
  running: number;
  release(): void;
}

export class PullTurns {
  /** Pulls running, per station. */
  private stations = new Map<number, number>();
  private running = 0;
  private waiting: Waiter[] = [];

  constructor(private readonly perStation = PULLS_PER_STATION, private readonly atOnce = PULLS_AT_ONCE) {}

  async take(stationId: number): Promise<Turn> {
    const ahead = (this.stations.get(stationId) ?? 0) + this.waiting.filter((w) => w.stationId === stationId).length;
    const hubAhead = this.running + this.waiting.length;
    // Whoever still waits cannot start (finish() starts all that can), so a pull that can start
    // now overtakes no one it should not.
    const running = this.canStart(stationId)
      ? this.start(stationId)
      : await new Promise<number>((start) => this.waiting.push({ stationId, start }));
    let released = false;
    return {
      ahead,
      hubAhead,
      running,
      release: () => {
        if (released) return;
        released = true;
        this.finish(stationId);
      },
    };
  }

  private canStart(stationId: number): boolean {
    return this.running < this.atOnce && (this.stations.get(stationId) ?? 0) < this.perStation;
  }

  private start(stationId: number): number {
    this.stations.set(stationId, (this.stations.get(stationId) ?? 0) + 1);
    return ++this.running;
  }

  private finish(stationId: number): void {
    this.running--;
    const left = (this.stations.get(stationId) ?? 1) - 1;
    if (left === 0) this.stations.delete(stationId);
    else this.stations.set(stationId, left);
    // The first waiters in arrival order whose station has room start, while the hub has room.
    for (let i = 0; i < this.waiting.length && this.running < this.atOnce;) {
      const w = this.waiting[i] as Waiter;
      if (!this.canStart(w.stationId)) {
        i++;
        continue;
      }
      this.waiting.splice(i, 1);
      w.start(this.start(w.stationId));
    }
  }
}
