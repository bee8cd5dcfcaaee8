// Each station's last contact, push, pull and pulled seq, for `hub:status` and `--list`.
// Writing them on every request would turn every pull into a durable write; they are kept in
// memory and written about once a second instead (and at shutdown). Losing a second of them in
// a crash loses nothing a station relies on.
import type { ContactUpdate, HubStore } from './types';

export class ContactLog {
  private pending = new Map<number, ContactUpdate>();
  private timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly store: HubStore, intervalMs = 1000, private readonly onError: (e: unknown) => void = () => undefined) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  note(stationId: number, what: Omit<ContactUpdate, 'stationId' | 'lastSeenAt'> = {}): void {
    const now = new Date().toISOString();
    const prev = this.pending.get(stationId);
    this.pending.set(stationId, { ...prev, ...definedOnly(what), stationId, lastSeenAt: now });
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.pending.size === 0) return;
      const updates = [...this.pending.values()];
      this.pending = new Map();
      try {
        await this.store.recordContacts(updates);
      } catch (error) {
        // Keep them for the next round unless newer news arrived meanwhile.
        for (const u of updates) if (!this.pending.has(u.stationId)) this.pending.set(u.stationId, u);
        this.onError(error);
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
