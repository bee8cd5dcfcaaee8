// Tests only: an in-memory hub that keeps protocol v1's promises that the engine relies on
// (seq in order, duplicate vs ID_CONFLICT by content, WRONG_STATION unless relayed, epochs,
// paging with `last`/`more`), and a station's transport to it with a journal and an instance
// record. The real hub's convergence tests are in tests/sync.
import type { InstanceRecord, PulledEvent, PushAnswer, SyncEvent } from '@shared/sync/syncContract';
import type { SyncTransport } from './transport';

const same = (a: SyncEvent, b: SyncEvent) => JSON.stringify([a.stream, a.type, a.hlc, a.station, a.actor, a.payload]) === JSON.stringify([b.stream, b.type, b.hlc, b.station, b.actor, b.payload]);

export class FakeHub {
  events: PulledEvent[] = [];
  epoch = 'epoch-1';
  offsetMs = 0;
  stations = new Set<string>();

  answered() {
    return { ok: true as const, hubTime: new Date().toISOString(), hubEpoch: this.epoch, offsetMs: this.offsetMs };
  }

  push(station: string, events: SyncEvent[], relay: boolean): PushAnswer {
    const results = events.map((event) => {
      if (event.station !== station && !(relay && this.stations.has(event.station))) return { id: event.id, status: 'rejected' as const, code: 'WRONG_STATION', message: 'not this station' };
      const held = this.events.find((e) => e.id === event.id);
      if (held) return same(held, event) ? { id: event.id, status: 'duplicate' as const } : { id: event.id, status: 'rejected' as const, code: 'ID_CONFLICT', message: 'other content' };
      this.events.push({ ...event, seq: this.events.length + 1 });
      return { id: event.id, status: 'stored' as const };
    });
    return { ...this.answered(), results };
  }

  pull(after: number, limit: number) {
    const events = this.events.filter((e) => e.seq > after).slice(0, limit);
    const last = events.at(-1)?.seq ?? after;
    return { ...this.answered(), events, last, more: this.events.some((e) => e.seq > last) };
  }

  /** A restore from a backup: a new epoch and only the first `keep` events. */
  restore(keep: number): void {
    this.events = this.events.slice(0, keep);
    this.epoch = `epoch-${Math.random()}`;
  }
}

export interface FakeStationTransport extends SyncTransport {
  journal: SyncEvent[];
  requests: ('soon' | 'now')[];
  instanceRecord: InstanceRecord | null;
  pushes: { count: number; relay: boolean }[];
  /** Makes the next calls fail: a thrown bridge error, or a hub failure answer. */
  down: boolean;
  /** Answers 413 to a push of more than this many events. */
  tooLargeOver: number;
  failJournal: number;
}

export function fakeTransport(hub: FakeHub, station: string): FakeStationTransport {
  hub.stations.add(station);
  const unreachable = { ok: false as const, failure: 'unreachable' as const, status: null, message: 'hub down' };
  const t: FakeStationTransport = {
    journal: [], requests: [], instanceRecord: null, pushes: [], down: false, tooLargeOver: Infinity, failJournal: 0,
    async push(events, relay) {
      if (t.down) return unreachable;
      if (events.length > t.tooLargeOver) return { ok: false, failure: 'tooLarge', status: 413, message: 'too large' };
      t.pushes.push({ count: events.length, relay });
      return hub.push(station, structuredClone(events), relay);
    },
    async pull(after, limit) {
      if (t.down) return unreachable;
      return structuredClone(hub.pull(after, limit));
    },
    async journalAppend(events) {
      if (t.failJournal > 0) {
        t.failJournal--;
        throw new Error('host gone');
      }
      t.journal.push(...structuredClone(events));
    },
    async journalAck(ids) {
      const done = new Set(ids);
      t.journal = t.journal.filter((e) => !done.has(e.id));
    },
    async journalPending(from) {
      return { events: t.journal.slice(from, from + 1000), next: from + 1000 < t.journal.length ? from + 1000 : null };
    },
    async instance(record, adopt) {
      const previous = t.instanceRecord;
      if (!previous || adopt) {
        t.instanceRecord = structuredClone(record);
        return { status: previous ? (previous.instanceId === record.instanceId ? 'same' : 'reset') : 'new', previous: null };
      }
      return previous.instanceId === record.instanceId ? { status: 'same', previous: null } : { status: 'reset', previous };
    },
    async request(when) {
      t.requests.push(when);
    },
  };
  return t;
}
