import type { CallerIdCall } from '../../shared/bridge/contract';

// S17: a call rings while no renderer is listening (the page reloads, the desktop renderer
// restarts). The host keeps the last calls, each with its stable id, and a (re)connecting
// renderer asks for them (`callerId:recentCalls`); the renderer logs each id only once.

export const RECENT_CALLS_MAX = 20;
export const RECENT_CALLS_MAX_AGE_MS = 10 * 60_000;

export class RecentCalls {
  private calls: CallerIdCall[] = [];

  constructor(private readonly now: () => number = Date.now, private readonly max = RECENT_CALLS_MAX, private readonly maxAgeMs = RECENT_CALLS_MAX_AGE_MS) {}

  add(call: CallerIdCall): void {
    this.calls = [...this.calls.filter((c) => c.id !== call.id), call].slice(-this.max);
  }

  /** Oldest first, only those younger than the age limit. */
  list(): CallerIdCall[] {
    const since = this.now() - this.maxAgeMs;
    this.calls = this.calls.filter((c) => c.at >= since);
    return [...this.calls];
  }
}
