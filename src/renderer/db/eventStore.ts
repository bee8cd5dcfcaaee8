import type { DeskEvent, EventDraft } from '@shared/events/envelope';
import { createHlc, type HlcClock } from '@shared/hlc';
import { uuidv7 } from '@shared/ids';
import type { DeskDatabase } from './database';
import { project, projectionTables } from './projections';

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

  /** Appends drafts as one atomic unit; `extra` runs in the same transaction (e.g. a counter). */
  async append(drafts: readonly EventDraft[], actor: string | null, extra?: () => Promise<void>): Promise<DeskEvent[]> {
    const tables = ['events', 'outbox', 'meta', ...projectionTables()];
    try {
      return await this.db.transaction('rw', tables, async () => {
        if (extra) await extra();
        const events = this.stamp(drafts, actor);
        for (const event of events) {
          await this.db.events.add(event);
          await this.db.outbox.add({ id: event.id, hlc: event.hlc });
          await project(this.db, event);
        }
        await this.db.meta.put({ key: 'hlc', value: this.hlc.last() });
        return events;
      });
    } catch (error) {
      throw classify(error);
    }
  }
}
