// Reads one pull page in chunks and stops once it holds PULL_PAGE_BYTES (S4): 5,000 events of
// 64 KiB made one 326 MB page and 1.75 GB of hub memory. A chunk is sized from the events read
// so far, so a page of small events still costs two queries and one of big ones never holds
// more than the cap plus one chunk in memory.
import { PULL_PAGE_BYTES } from '../../shared/protocol';
import type { StoredEventRow } from './rows';

/** Reads up to `n` events of the site with seq > `after`, in seq order. */
export type FetchEvents = (after: number, n: number) => Promise<StoredEventRow[]> | StoredEventRow[];

const FIRST_CHUNK = 32;
/** A chunk is sized to hold about this much, so a big-event page is read in a few slices. */
const CHUNK_BYTES = 1024 * 1024;

/** The event as the pull answer spells it (compact JSON; the payload is stored compact). */
export function eventJson(r: StoredEventRow): string {
  const s = JSON.stringify;
  return `{"seq":${r.seq},"id":${s(r.id)},"stream":${s(r.stream)},"type":${s(r.type)},"hlc":${s(r.hlc)},` +
    `"station":${s(r.station)},"actor":${s(r.actor)},"payload":${r.payload}}`;
}

export interface JsonPage {
  /** eventJson of each event of the page, in seq order (the rows themselves are not kept). */
  json: string[];
  /** The seq of the page's last event, null when it is empty. */
  lastSeq: number | null;
  /** Whether the site held events beyond the page when it was read. */
  more: boolean;
}

/**
 * `limit` events when that many are there, else all there are, except that the page ends once
 * its events add up to `maxBytes` (then `more` is true); at least one event whenever any remain.
 * The store's seq is handed out in commit order, so consecutive chunks read a growing prefix
 * and `more` is the last chunk's answer to "are there events beyond `last`".
 */
export async function readPage(fetch: FetchEvents, after: number, limit: number, maxBytes = PULL_PAGE_BYTES): Promise<JsonPage> {
  const json: string[] = [];
  let bytes = 0;
  let lastSeq: number | null = null;
  let chunk = Math.min(limit + 1, FIRST_CHUNK);
  for (;;) {
    const got = await fetch(lastSeq ?? after, chunk);
    for (const row of got) {
      if (json.length === limit || (json.length > 0 && bytes >= maxBytes)) return { json, lastSeq, more: true };
      const text = eventJson(row);
      json.push(text);
      bytes += Buffer.byteLength(text);
      lastSeq = row.seq;
    }
    if (got.length < chunk) return { json, lastSeq, more: false };
    // What the rest of the byte budget holds at the average size so far (at most CHUNK_BYTES),
    // plus one to see beyond the page.
    const average = Math.max(bytes / Math.max(json.length, 1), 1);
    const fits = bytes >= maxBytes ? 0 : Math.ceil(Math.min(maxBytes - bytes, CHUNK_BYTES) / average);
    chunk = Math.max(1, Math.min(limit - json.length, fits) + 1);
    // Between slices other requests (health, small pushes) get their turn: SQLite reads block.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
