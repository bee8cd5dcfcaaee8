/**
 * Keeps the latest value of a form as its draft (U5). A write starts at once, so a reload a
 * moment after typing finds the text; while one is under way only the newest value waits, so
 * fast typing costs a few writes, not one per key. After `drop()` nothing more is written: a
 * save or a discard cannot be undone by a write that was still queued.
 */
export class DraftWriter<T> {
  private pending: { value: T } | null = null;
  private running: Promise<void> | null = null;
  private dropped = false;

  constructor(
    private readonly write: (value: T) => Promise<unknown>,
    private readonly remove: () => Promise<unknown>,
    private readonly onWritten: () => void = () => {},
  ) {}

  keep(value: T): void {
    if (this.dropped) return;
    this.pending = { value };
    this.running ??= this.run();
  }

  /** Forgets the draft: nothing queued is written, and the stored one is removed. */
  async drop(): Promise<void> {
    await this.stop();
    await this.remove();
  }

  /** Writes nothing more until `resume()`; resolves once a write under way is done (a save removes the draft itself). */
  async stop(): Promise<void> {
    this.dropped = true;
    this.pending = null;
    await this.running;
  }

  resume(): void {
    this.dropped = false;
  }

  /** Resolves once everything kept so far is stored. */
  async settled(): Promise<void> {
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      while (this.pending && !this.dropped) {
        const { value } = this.pending;
        this.pending = null;
        try {
          await this.write(value);
          this.onWritten();
        } catch {
          // A draft is a convenience: a failed write (quota, closed database) must never stop
          // the form; the next change tries again.
        }
      }
    } finally {
      this.running = null;
    }
  }
}
