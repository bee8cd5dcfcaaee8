import type { DeskEvent } from '@shared/events/envelope';
import { checkEvent, type EventDraft } from '@shared/events/registry';
import { createHlc, type HlcClock } from '@shared/hlc';
import { uuidv7 } from '@shared/ids';
import Dexie from 'dexie';
import type { DeskDatabase } from './database';
import { saveBegun } from './saveGate';
import { perfTrace } from '../diagnostics/perfTrace';
import { projectAll, projectionTables, readStreams } from './projections';
import { appendToLog, LOG_TABLES } from './eventLog';
import { readAuthority } from './authority';
import type { SyncClock } from '../sync/engineTypes';

/** For the sync apply: whether a remote event is one this version knows and can fold (P2). */
export { checkEvent };

export interface StationIdentity {
  name: string;
  code: string;
  nodeId: string;
}

export class SaveError extends Error {
  constructor(readonly reason: 'quota' | 'closed' | 'invalid' | 'unknown', cause: unknown) {
    super(`save failed: ${reason}`, { cause });
  }
}

/**
 * A command's refusal decided inside the save's transaction (e.g. a step out of order, seen on
 * the row as it is then): nothing is written, and it reaches the caller as it was thrown.
 */
export class RefusedError extends Error {
  constructor(readonly code: string) {
    super(`refused: ${code}`);
  }
}

/** A failed write as a `SaveError` (quota, closed, ...): the sync engine reports local failures with it (F15). */
export function classify(error: unknown): SaveError {
  if (error instanceof SaveError) return error;
  const name = (error as { name?: string })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return new SaveError('quota', error);
  if (name === 'DatabaseClosedError' || inner === 'DatabaseClosedError' || name === 'InvalidStateError') return new SaveError('closed', error);
  if (name === 'ZodError') return new SaveError('invalid', error);
  return new SaveError('unknown', error);
}

/**
 * The only writer of the log. One read-write transaction appends the events, queues them in
 * the outbox and updates the projections: a failure anywhere leaves nothing half-written.
 */
export class EventStore implements SyncClock {
  private hlc: HlcClock;
  /** Hub time minus ours (F1): the HLC's physical part is our clock corrected by it. */
  private offsetMs = 0;
  private listeners = new Set<(events: DeskEvent[]) => void>();

  constructor(private db: DeskDatabase, readonly station: StationIdentity, lastHlc: string | null, now: () => number = Date.now, offsetMs = 0) {
    this.offsetMs = Number.isFinite(offsetMs) ? offsetMs : 0;
    this.hlc = createHlc({ node: station.nodeId, now: () => now() + this.offsetMs, resumeFrom: lastHlc });
  }

  setClockOffset(offsetMs: number): void {
    // Often fractional (a midpoint of two clock readings): the HLC keeps whole milliseconds itself.
    if (Number.isFinite(offsetMs)) this.offsetMs = offsetMs;
  }

  clockOffset(): number {
    return this.offsetMs;
  }

  /** F2: a stamp over 10 minutes ahead of our corrected clock is ignored by the HLC itself. */
  receive(hlc: string): void {
    this.hlc.receive(hlc);
  }

  /**
   * Called after a save commits, with its events (the sync's journal feed). A listener's
   * failure never fails the save: the events are in the log and the outbox already.
   */
  onAppended(listener: (events: DeskEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(events: DeskEvent[]): void {
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch {
        // The save is done; the journal feed logs its own failures.
      }
    }
  }

  private stamp(drafts: readonly EventDraft[], actor: string | null): DeskEvent[] {
    return checked(drafts).map((draft) => ({
      id: uuidv7(),
      stream: draft.stream,
      type: draft.type,
      hlc: this.hlc.tick(),
      station: this.station.name,
      actor,
      payload: draft.payload,
    }));
  }

  /**
   * Appends drafts as one atomic unit. Every draft is checked against the event registry first
   * (P2): an unknown type, a stream of the wrong kind or a bad payload is a `SaveError` of kind
   * `invalid` and nothing is written. `extra` runs in the same transaction before the events are
   * stamped (e.g. a counter that numbers them) and may return the finished drafts, on the same
   * streams, in place of `drafts`; a write it hands to `later` is awaited with the others at the
   * end instead of on its own.
   */
  async append(
    drafts: readonly EventDraft[],
    actor: string | null,
    extra?: (later: (write: Promise<unknown>) => void) => Promise<readonly EventDraft[] | void>,
  ): Promise<DeskEvent[]> {
    const tables = [...LOG_TABLES, 'outbox', 'meta', ...projectionTables()];
    let saved: DeskEvent[];
    const ended = saveBegun(this.db);
    perfTrace('save:start');
    try {
      checked(drafts);
      saved = await this.db.transaction('rw', tables, async () => {
        perfTrace('save:began');
        // Requests in one transaction run in the order they are made, and their answers come
        // back together: reads first (the rows, with extra's), then every write, awaited once.
        const writes: Promise<unknown>[] = [];
        const later = (write: Promise<unknown>) => {
          write.catch(() => undefined); // awaited below; this only keeps it from being reported unhandled meanwhile
          writes.push(write);
        };
        const station = this.station.name;
        const before = Dexie.Promise.all([readStreams(this.db, drafts), readAuthority(this.db, drafts.map((d) => ({ ...d, actor, station })))]);
        later(before);
        const finished = (extra && (await extra(later))) || drafts;
        if (!sameStreams(finished, drafts)) throw new SaveError('invalid', new Error('extra changed the streams of the drafts'));
        const events = this.stamp(finished, actor);
        later(appendToLog(this.db, events));
        later(this.db.outbox.bulkAdd(events.map((e) => ({ id: e.id, hlc: e.hlc, event: e }))));
        const [streams, authority] = await before;
        for (const row of await projectAll(this.db, events, streams, authority)) later(row);
        await Promise.all(writes);
        perfTrace('save:written');
        return events;
      });
      perfTrace('save:committed');
    } catch (error) {
      throw error instanceof RefusedError ? error : classify(error);
    } finally {
      ended();
    }
    this.notify(saved);
    return saved;
  }
}

/** The drafts' payloads as their schemas parse them (trimmed); throws `SaveError('invalid')`. */
function checked(drafts: readonly EventDraft[]): { stream: string; type: string; payload: Record<string, unknown> }[] {
  return drafts.map((draft) => {
    const result = checkEvent(draft);
    if (!result.ok) throw new SaveError('invalid', new Error(`${result.reason}: ${result.detail}`));
    return { stream: draft.stream, type: draft.type, payload: result.payload };
  });
}

function sameStreams(a: readonly EventDraft[], b: readonly EventDraft[]): boolean {
  return a.length === b.length && a.every((draft, i) => draft.stream === b[i]!.stream);
}
