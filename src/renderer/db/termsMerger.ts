// The fresh tier of the search terms (termsTier.ts) is merged into the big index while nobody
// works at the desk and no sync run is under way: small transactions (a save or a pull waits
// for one at most), one after another until the tier is empty or someone is back. One per
// workstation: it runs in the tab that leads the sync (syncController.ts).
import type { DeskDatabase } from './database';
import { mergeFreshTerms } from './termsTier';

export const TERMS_MERGE = {
  /** How often an idle desk looks for fresh tickets to merge. */
  everyMs: 20_000,
  /**
   * Tickets per transaction: merging 250 took 0.64–0.9 s on the 1,000,000-event store (bench:sync
   * rawCosts), so a save or a pull that comes during a batch waits about 30 ms at most.
   */
  batch: 10,
} as const;

export interface TermsMerger {
  /** Merges while allowed; resolves with how many tickets moved. */
  runNow(): Promise<number>;
  stop(): void;
}

export interface TermsMergerOptions {
  /** Someone is working at the desk (deskActivity.ts). */
  busy: () => boolean;
  /** This tab may merge now (it leads, and no sync run is under way). */
  allowed: () => boolean;
  log?: (message: string, context?: Record<string, unknown>) => void;
  everyMs?: number;
  batch?: number;
}

export function startTermsMerger(db: DeskDatabase, { busy, allowed, log, everyMs = TERMS_MERGE.everyMs, batch = TERMS_MERGE.batch }: TermsMergerOptions): TermsMerger {
  let running: Promise<number> | null = null;
  let stopped = false;
  const mayGoOn = () => !stopped && !busy() && allowed() && db.isOpen();

  async function merge(): Promise<number> {
    let moved = 0;
    while (mayGoOn()) {
      const step = await mergeFreshTerms(db, batch);
      moved += step.moved;
      if (step.done) break;
      // Let a save or a pull that came meanwhile take the tables first.
      await new Promise((resume) => setTimeout(resume, 0));
    }
    return moved;
  }

  const runNow = () => {
    running ??= merge()
      .catch((error: unknown) => {
        // Nothing is lost: the rows stay in the fresh tier and are found there; tried again later.
        log?.('terms merge failed', { message: error instanceof Error ? error.message : String(error) });
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void runNow(), everyMs);
  return {
    runNow,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
