// Reads one pull page slice by slice and stops once it holds PULL_PAGE_BYTES (S4): 5,000 events
// of 64 KiB made one 326 MB page and 1.75 GB of hub memory. Each slice is turned straight into
// the bytes of its events' JSON, so the HTTP layer can send it and let it go before the next is
// read: a page never exists as rows, a joined string and a UTF-8 copy at once. A slice's row count
// is sized from the events read so far, so a page of small events still costs two queries; and
// the store itself stops reading a slice once its payloads reach CHUNK_BYTES, so a page whose
// events grow from tiny to 64 KiB still holds about one slice (plus one event) at a time: a row
// count alone would have had 32 tiny events size the next slice at 5,000 rows, 320 MB of them.
import { PULL_PAGE_BYTES } from '../../shared/protocol';
import type { StoredEventRow } from './rows';

/** A stored event as a store reads it for a pull; the payload may come as its UTF-8 bytes. */
export type PullRow = Omit<StoredEventRow, 'payload'> & { payload: string | Uint8Array };

/** What one fetch read: the rows, and whether the store stopped because of the byte budget. */
export interface PullSlice {
  rows: PullRow[];
  /** True when the store stopped reading at `maxBytes` (events may remain beyond the rows). */
  cut: boolean;
}

/**
 * Reads the site's events with seq > `after` in seq order: at most `n`, and no more once the
 * payloads read add up to `maxBytes` (UTF-8 bytes; the store never loads the rows beyond that);
 * at least one whenever any remain. `cut` says the byte budget, not the end of the events or
 * `n`, ended the slice. The budget counts payloads only: the rest of an event is short and
 * bounded, and `n` bounds how many there are.
 */
export type FetchEvents = (after: number, n: number, maxBytes: number) => Promise<PullSlice> | PullSlice;

const FIRST_CHUNK = 32;
/** A slice holds about this much (its rows are sized for it and the store cuts it there), so a
 * big-event page is read in a few slices. */
export const CHUNK_BYTES = 1024 * 1024;

/** The event as the pull answer spells it up to its payload (compact JSON; the payload is stored compact). */
function eventHead(r: PullRow): string {
  const s = JSON.stringify;
  return `{"seq":${r.seq},"id":${s(r.id)},"stream":${s(r.stream)},"type":${s(r.type)},"hlc":${s(r.hlc)},` +
    `"station":${s(r.station)},"actor":${s(r.actor)},"payload":`;
}

/**
 * One page: `limit` events when that many are there, else all there are, except that the page
 * ends once its events add up to `maxBytes` (then `more` is true); at least one event whenever
 * any remain. The store's seq is handed out in commit order, so consecutive slices read a
 * growing prefix and `more` is the last slice's answer to "are there events beyond `last`".
 */
export class PageReader {
  /** Events in the page so far, and their bytes as compact JSON. */
  count = 0;
  bytes = 0;
  /** The seq of the page's last event so far, null while it is empty. */
  lastSeq: number | null = null;
  /** Once `finished`: whether the site held events beyond the page when it was read. */
  more = false;
  finished = false;
  private chunk: number;
  /** The payload bytes the next slice may read (the store stops once they are reached). */
  private budget: number;

  constructor(
    private readonly fetch: FetchEvents,
    private readonly after: number,
    private readonly limit: number,
    private readonly maxBytes = PULL_PAGE_BYTES,
  ) {
    this.chunk = Math.min(limit + 1, FIRST_CHUNK);
    this.budget = Math.max(1, Math.min(maxBytes, CHUNK_BYTES));
  }

  /**
   * Reads the next slice: its events' JSON joined by commas (with a leading comma when events
   * came before it), possibly empty; null once the page is finished.
   */
  async next(): Promise<Buffer | null> {
    if (this.finished) return null;
    // Between slices other requests (health, small pushes) get their turn: SQLite reads block.
    if (this.lastSeq !== null) await new Promise((resolve) => setImmediate(resolve));
    const { rows: got, cut } = await this.fetch(this.lastSeq ?? this.after, this.chunk, this.budget);
    const heads: string[] = [];
    let size = 0;
    let taken = 0;
    for (const row of got) {
      if (this.count === this.limit || (this.count > 0 && this.bytes >= this.maxBytes)) {
        this.finish(true);
        break;
      }
      const head = eventHead(row);
      const eventBytes = Buffer.byteLength(head) + byteLength(row.payload) + 1;
      heads.push(head);
      size += eventBytes + (this.count > 0 ? 1 : 0);
      this.bytes += eventBytes;
      this.count++;
      this.lastSeq = row.seq;
      taken++;
    }
    // Fewer rows than asked for, and not for the byte budget: the site holds no more.
    if (!this.finished && got.length < this.chunk && !cut) this.finish(false);
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    for (let i = 0; i < taken; i++) {
      if (at > 0 || this.count > taken) out[at++] = 0x2c; // ','
      at += out.write(heads[i] as string, at, 'utf8');
      const payload = (got[i] as PullRow).payload;
      if (typeof payload === 'string') at += out.write(payload, at, 'utf8');
      else {
        out.set(payload, at);
        at += payload.length;
      }
      out[at++] = 0x7d; // '}'
    }
    if (!this.finished) {
      // What the rest of the byte budget holds at the average size so far (at most CHUNK_BYTES),
      // plus one to see beyond the page. The store stops at the bytes in any case, so events
      // bigger than the average so far cannot make a slice load more than about CHUNK_BYTES;
      // once the page is full, one row (of one byte's budget) says whether more remain.
      const left = Math.max(0, Math.min(this.maxBytes - this.bytes, CHUNK_BYTES));
      const average = Math.max(this.bytes / Math.max(this.count, 1), 1);
      this.chunk = Math.max(1, Math.min(this.limit - this.count, Math.ceil(left / average)) + 1);
      this.budget = Math.max(1, left);
    }
    return out;
  }

  private finish(more: boolean): void {
    this.more = more;
    this.finished = true;
  }
}

function byteLength(payload: string | Uint8Array): number {
  return typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
}
