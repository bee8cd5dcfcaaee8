// What the host keeps beside the data for one simulated station (F14): the journal of events
// not yet acknowledged by the hub and the instance record. It lives outside the station's
// IndexedDB, so it survives a restart and a wiped store, as the host's files do.
import type { InstanceAnswer, InstanceRecord, JournalPage, SyncEvent } from '@shared/sync/syncContract';

const PAGE = 1000;

export class MemoryHost {
  /** Appended in order; acknowledged ids leave it. */
  journal: SyncEvent[] = [];
  record: InstanceRecord | null = null;
  requests: ('soon' | 'now')[] = [];

  journalAppend(events: SyncEvent[]): void {
    this.journal.push(...events.map((e) => structuredClone(e)));
  }

  journalAck(ids: string[]): void {
    const acked = new Set(ids);
    this.journal = this.journal.filter((e) => !acked.has(e.id));
  }

  journalPending(from: number): JournalPage {
    const events = this.journal.slice(from, from + PAGE);
    return { events, next: from + PAGE < this.journal.length ? from + PAGE : null };
  }

  instance(record: InstanceRecord, adopt: boolean): InstanceAnswer {
    if (!this.record || adopt) {
      const status = this.record && this.record.instanceId !== record.instanceId ? 'reset' : this.record ? 'same' : 'new';
      this.record = structuredClone(record);
      return { status: adopt ? 'same' : status, previous: null };
    }
    if (this.record.instanceId === record.instanceId) {
      // The host keeps the latest station identity with the id (a station that joined later).
      if (record.station) this.record = structuredClone(record);
      return { status: 'same', previous: null };
    }
    return { status: 'reset', previous: structuredClone(this.record) };
  }
}
