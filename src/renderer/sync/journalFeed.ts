// F14: a save's events go to the host's journal (append + fsync) right after the Dexie commit, so
// the outbox is never their only copy for long; then the host is asked for a run: `now` after an
// urgent request (URGENCIES in shared/domain/requestKinds), `soon` after anything else. A failed
// append is logged and retried (1 s doubling to 60 s); the events stay in the outbox meanwhile.
import type { DeskEvent } from '@shared/events/envelope';
import { TICKET_OPENED } from '@shared/tickets/ticketEvents';
import type { SyncEvent } from '@shared/sync/syncContract';
import type { SyncTransport } from './transport';
import { fitting, MAX_PUSH_EVENTS } from './batches';
import { wireEvent } from './syncMeta';

export const JOURNAL_CHUNK_BYTES = 512 * 1024;

export interface AppendSource {
  onAppended(listener: (events: DeskEvent[]) => void): () => void;
}

/** A ticket opened as urgent: synced at once, not a second or two later. */
export function isUrgent(events: readonly DeskEvent[]): boolean {
  return events.some((e) => e.type === TICKET_OPENED && (e.payload as { urgency?: unknown }).urgency === 'urgent');
}

export interface JournalFeed {
  stop(): void;
  /** Resolves once everything handed over so far is in the journal (tests, shutdown). */
  flushed(): Promise<void>;
}

export function feedJournal(store: AppendSource, transport: SyncTransport, log: (message: string, context?: Record<string, unknown>) => void = () => undefined, retryBaseMs = 1000): JournalFeed {
  const pending: SyncEvent[] = [];
  let urgent = false;
  let flushing: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let delay = retryBaseMs;
  let stopped = false;

  async function drain(): Promise<void> {
    while (pending.length && !stopped) {
      const n = fitting(pending, MAX_PUSH_EVENTS, JOURNAL_CHUNK_BYTES);
      try {
        await transport.journalAppend(pending.slice(0, n));
      } catch (error) {
        log('sync: journal append failed, retrying', { message: error instanceof Error ? error.message : String(error), waiting: pending.length, retryMs: delay });
        timer = setTimeout(() => {
          timer = null;
          flush();
        }, delay);
        delay = Math.min(60_000, delay * 2);
        return;
      }
      pending.splice(0, n);
      delay = retryBaseMs;
    }
    if (stopped) return;
    const when = urgent ? 'now' : 'soon';
    urgent = false;
    await transport.request(when).catch((error) => log('sync: request failed', { message: String(error) }));
  }

  function flush(): void {
    if (flushing || timer) return;
    flushing = drain().finally(() => {
      flushing = null;
      if (pending.length && !stopped) flush(); // handed over while the request was under way
    });
  }

  const off = store.onAppended((events) => {
    pending.push(...events.map(wireEvent));
    urgent ||= isUrgent(events);
    flush();
  });

  return {
    stop() {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
    },
    async flushed() {
      while (flushing) await flushing;
    },
  };
}
