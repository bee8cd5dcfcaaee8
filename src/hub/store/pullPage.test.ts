// S4: a pull page is read slice by slice, each slice cut by the store at about CHUNK_BYTES of
// payload, and the page at 4 MiB of JSON. The fetch here keeps the stores' contract over an
// array (as SQLite's iterate does) and records what each call was asked for and returned.
import { describe, expect, it } from 'vitest';
import { PULL_PAGE_BYTES } from '../../shared/protocol';
import { CHUNK_BYTES, PageReader, type FetchEvents, type PullRow } from './pullPage';

interface Call { after: number; n: number; maxBytes: number; rows: number; payloadBytes: number; biggest: number }

function row(seq: number, payloadSize: number): PullRow {
  return {
    seq, id: `ev-${seq}`, stream: 'ticket:0190f6b2', type: 'ticket.created', hlc: '2026-01-01T00:00:00.000Z-0001-a1b2c3d4e5f60708',
    station: 'FD-1', actor: 'staff-017', payload: JSON.stringify({ i: seq, text: 'x'.repeat(Math.max(0, payloadSize - 20)) }),
  };
}

function recordingFetch(events: PullRow[]): { fetch: FetchEvents; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchEvents = (after, n, maxBytes) => {
    const rows: PullRow[] = [];
    let bytes = 0;
    let cut = false;
    for (const e of events) {
      if (e.seq <= after) continue;
      if (rows.length === n) break;
      rows.push(e);
      bytes += Buffer.byteLength(e.payload as string);
      if (bytes >= maxBytes) {
        cut = true;
        break;
      }
    }
    const sizes = rows.map((r) => Buffer.byteLength(r.payload as string));
    calls.push({ after, n, maxBytes, rows: rows.length, payloadBytes: bytes, biggest: Math.max(0, ...sizes) });
    return { rows, cut };
  };
  return { fetch, calls };
}

interface Page { events: { seq: number; id: string }[]; sizes: number[]; last: number; more: boolean }

async function readPage(fetch: FetchEvents, after: number, limit: number, maxBytes?: number): Promise<Page> {
  const reader = new PageReader(fetch, after, limit, maxBytes);
  const parts: Buffer[] = [];
  for (let slice = await reader.next(); slice; slice = await reader.next()) parts.push(slice);
  const events = JSON.parse(`[${Buffer.concat(parts).toString('utf8')}]`) as { seq: number; id: string }[];
  return { events, sizes: events.map((e) => Buffer.byteLength(JSON.stringify(e))), last: reader.lastSeq ?? after, more: reader.more };
}

/** The page the contract describes: `limit` events, fewer only once 4 MiB is reached, at least one. */
function expectedPage(events: PullRow[], after: number, limit: number, maxBytes: number, jsonBytes: (r: PullRow) => number) {
  const rest = events.filter((e) => e.seq > after);
  const seqs: number[] = [];
  let bytes = 0;
  for (const e of rest) {
    if (seqs.length === limit || (seqs.length > 0 && bytes >= maxBytes)) break;
    seqs.push(e.seq);
    bytes += jsonBytes(e);
  }
  return { seqs, more: rest.length > seqs.length };
}

describe('PageReader', () => {
  it('S4: a page whose first events are tiny and the rest 64 KiB never reads more than about one slice at a time', async () => {
    const events = [
      ...Array.from({ length: 40 }, (_, i) => row(i + 1, 30)),
      ...Array.from({ length: 150 }, (_, i) => row(i + 41, 64 * 1024)),
    ];
    const { fetch, calls } = recordingFetch(events);
    const seen: number[] = [];
    let after = 0;
    for (let pages = 0; pages < 10; pages++) {
      const page = await readPage(fetch, after, 5000);
      expect(page.events.length).toBeGreaterThan(0);
      const total = page.sizes.reduce((a, b) => a + b, 0);
      expect(total - (page.sizes.at(-1) as number)).toBeLessThan(PULL_PAGE_BYTES);
      if (page.more) expect(total).toBeGreaterThanOrEqual(PULL_PAGE_BYTES);
      seen.push(...page.events.map((e) => e.seq));
      after = page.last;
      if (!page.more) break;
    }
    expect(seen).toEqual(events.map((e) => e.seq));
    // The tiny events had the row count ask for thousands of rows (what used to load 320 MB)...
    expect(Math.max(...calls.map((c) => c.n))).toBeGreaterThan(1000);
    // ...yet no fetch was allowed more than CHUNK_BYTES, nor returned more than that plus one event.
    for (const c of calls) {
      expect(c.maxBytes).toBeLessThanOrEqual(CHUNK_BYTES);
      expect(c.payloadBytes).toBeLessThan(c.maxBytes + c.biggest);
      expect(c.payloadBytes).toBeLessThanOrEqual(CHUNK_BYTES + 64 * 1024 + 64);
    }
  });

  it('S4: small events still take two fetches per page, and a small limit wins over the cap', async () => {
    const events = Array.from({ length: 20_000 }, (_, i) => row(i + 1, 20));
    const { fetch, calls } = recordingFetch(events);
    const page = await readPage(fetch, 0, 5000);
    expect(page.events.length).toBe(5000);
    expect(page.more).toBe(true);
    expect(calls.length).toBe(2);
    expect(await readPage(fetch, 0, 3)).toMatchObject({ last: 3, more: true });
    expect(await readPage(fetch, 19_999, 5000)).toMatchObject({ last: 20_000, more: false });
    expect(await readPage(fetch, 20_000, 5000)).toMatchObject({ events: [], last: 20_000, more: false });
  });

  it('S4: pages match the contract whatever the mix of sizes, limits and page caps', async () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const sizes = [10, 100, 2_000, 64 * 1024, 300 * 1024];
    for (let round = 0; round < 12; round++) {
      const count = 1 + Math.floor(random() * 120);
      const events = Array.from({ length: count }, (_, i) => row(i + 1, sizes[Math.floor(random() * sizes.length)] as number));
      const limit = 1 + Math.floor(random() * 150);
      const maxBytes = [PULL_PAGE_BYTES, 200 * 1024, 1][round % 3] as number;
      const { fetch, calls } = recordingFetch(events);
      // The JSON of an event as a page spells it, measured once through a page of its own.
      const json = new Map<number, number>();
      for (const e of events) json.set(e.seq, (await readPage(recordingFetch([e]).fetch, e.seq - 1, 1)).sizes[0] as number);
      let after = 0;
      const seen: number[] = [];
      for (let pages = 0; pages <= count; pages++) {
        const page = await readPage(fetch, after, limit, maxBytes);
        const want = expectedPage(events, after, limit, maxBytes, (r) => json.get(r.seq) as number);
        expect(page.events.map((e) => e.seq)).toEqual(want.seqs);
        expect(page.more).toBe(want.more);
        seen.push(...want.seqs);
        after = page.last;
        if (!page.more) break;
      }
      expect(seen).toEqual(events.map((e) => e.seq));
      for (const c of calls) expect(c.payloadBytes).toBeLessThan(Math.min(CHUNK_BYTES, maxBytes) + c.biggest + 1);
    }
  });
});
