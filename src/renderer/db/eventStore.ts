import type { DeskEvent, EventDraft } from '@shared/events/envelope';
import { createHlc, type HlcClock } from '@shared/hlc';
import { uuidv7 } from '@shared/ids';
import type { DeskDatabase } from './database';
import { projectAll, projectionTables, readStreams } from './projections';

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

function classify(error: unknown): SaveError {
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
export class EventStore {
  private hlc: HlcClock;

  constructor(private db: DeskDatabase, readonly station: StationIdentity, lastHlc: string | null, now: () => number = Date.now) {
    this.hlc = createHlc({ node: station.nodeId, now, resumeFrom: lastHlc });
  }

  stamp(drafts: readonly EventDraft[], actor: string | null): DeskEvent[] {
    return drafts.map((draft) => ({
      id: uuidv7(),
      stream: draft.stream,
      type: draft.type,
      hlc: this.hlc.tick(),
      station: this.station.name,
      actor,
      payload: draft.payload as Record<string, unknown>,
    }));
  }

  /**
   * Appends drafts as one atomic unit. `extra` runs in the same transaction before the events
   * are stamped (e.g. a counter that numbers them); a write it hands to `later` is awaited with
   * the others at the end instead of on its own.
   */
  async append(drafts: readonly EventDraft[], actor: string | null, extra?: (later: (write: Promise<unknown>) => void) => Promise<void>): Promise<DeskEvent[]> {
    const tables = ['events', 'outbox', 'meta', ...projectionTables()];
    try {
      return await this.db.transaction('rw', tables, async () => {
        // Requests in one transaction run in the order they are made, and their answers come
        // back together: reads first (the rows, with extra's), then every write, awaited once.
        const writes: Promise<unknown>[] = [];
        const later = (write: Promise<unknown>) => {
          write.catch(() => undefined); // awaited below; this only keeps it from being reported unhandled meanwhile
          writes.push(write);
        };
        const before = readStreams(this.db, drafts);
        later(before);
        if (extra) await extra(later);
        const events = this.stamp(drafts, actor);
        later(this.db.events.bulkAdd(events));
        later(this.db.outbox.bulkAdd(events.map((e) => ({ id: e.id, hlc: e.hlc }))));
        for (const row of await projectAll(this.db, events, await before)) later(row);
        await Promise.all(writes);
        return events;
      });
    } catch (error) {
      throw classify(error);
    }
  }
}
