// S4: big events. A pull page ends once it holds 4 MiB of events (as compact JSON), so it is
// at most 4 MiB plus one event, with `more` true; following `last` yields every event exactly
// once. Pulls of one station beyond two at a time, and of all stations beyond four, wait their
// turn (the hub logs how many pulls were ahead of each one and how many ran with it).
import { beforeAll, expect, it, vi } from 'vitest';
import { openStore } from '../../src/hub/store/openStore';
import { CHUNK_BYTES, PageReader, type FetchEvents } from '../../src/hub/store/pullPage';
import { hashToken } from '../../src/hub/store/secrets';
import { makeEvent, type TestEvent } from './support/events';
import { useHub } from './support/fixture';
import { describeStores } from './support/stores';

const CAP = 4 * 1024 * 1024;
const bigEvent = (i: number): TestEvent => makeEvent('FD-1', { payload: { i, text: 'x'.repeat(60 * 1024) } });
const jsonBytes = (e: unknown) => Buffer.byteLength(JSON.stringify(e));

describeStores('S4: pull pages of big events', (kind) => {
  const f = useHub(kind, {
    fd: ['estate-a', 'FD-1'], fd2: ['estate-a', 'FD-2'], fd3: ['estate-a', 'FD-3'], fd4: ['estate-a', 'FD-4'],
    fd5: ['estate-a', 'FD-5'], fd6: ['estate-a', 'FD-6'],
  });
  const pushed = Array.from({ length: 220 }, (_, i) => bigEvent(i));

  beforeAll(async () => {
    // 60 batches of about 4.4 MiB: under the 5 MiB body limit.
    for (let i = 0; i < pushed.length; i += 70) {
      const answer = await f.stations.fd!.push(pushed.slice(i, i + 70));
      expect(answer.body.stored, answer.text.slice(0, 200)).toBe(Math.min(70, pushed.length - i));
    }
  }, 120_000);

  it('S4: pages stop at 4 MiB plus one event with more=true, and following last gets every event once', async () => {
    const seen: string[] = [];
    let after = 0;
    for (let pages = 0; pages < 20; pages++) {
      const page = await f.stations.fd!.pull(`?after=${after}&limit=5000`);
      const events = page.body.events as (TestEvent & { seq: number })[];
      expect(events.length).toBeGreaterThan(0);
      const sizes = events.map(jsonBytes);
      const total = sizes.reduce((a, b) => a + b, 0);
      // Under the cap before its last event; and short of `limit` only because of the cap.
      expect(total - (sizes.at(-1) as number)).toBeLessThan(CAP);
      if (page.body.more) expect(total).toBeGreaterThanOrEqual(CAP);
      expect(page.body.last).toBe(events.at(-1)?.seq);
      seen.push(...events.map((e) => e.id));
      after = page.body.last as number;
      if (!page.body.more) break;
    }
    expect(seen).toEqual(pushed.map((e) => e.id));
    expect((await f.stations.fd!.pull(`?after=${after}`)).body).toMatchObject({ events: [], more: false });
    // A small limit still wins over the cap; a page holds at least one event.
    expect((await f.stations.fd!.pull('?after=0&limit=3')).body).toMatchObject({ last: 3, more: true });
  }, 60_000);

  // On SQLite a page is read synchronously and leaves within a tick or two, so one station's
  // pulls barely overlap; PostgreSQL reads a page in several round trips, where they do.
  it.runIf(kind === 'postgres')('S4: pulls of one station beyond two at a time wait their turn and all get their page', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => f.stations.fd!.pull('?after=0&limit=5000')));
    for (const a of answers) expect(a.body.last).toBe(answers[0]!.body.last);
    const ahead = f.hub.logs.filter((l) => l.msg === 'request' && typeof l.pullsAhead === 'number').map((l) => l.pullsAhead as number);
    expect(ahead.length).toBeGreaterThanOrEqual(8);
    // At least one arrived while two were running, and so waited.
    expect(Math.max(...ahead)).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('S4: at most four pulls run hub-wide; pulls of six stations beyond that wait their turn and all get their page', async () => {
    const names = ['fd', 'fd2', 'fd3', 'fd4', 'fd5', 'fd6'];
    const from = f.hub.logs.length;
    const answers = await Promise.all(names.flatMap((n) => [0, 1].map(() => f.stations[n]!.pull('?after=0&limit=5000'))));
    for (const a of answers) expect(a.status).toBe(200);
    for (const a of answers) expect(a.body.last).toBe(answers[0]!.body.last);
    const logged = () => f.hub.logs.slice(from).filter((l) => l.msg === 'request' && typeof l.pullsRunning === 'number');
    // The hub's log lines arrive a little after the answers.
    await vi.waitFor(() => expect(logged().length).toBeGreaterThanOrEqual(12), { timeout: 10_000 });
    // No pull ran while four others did.
    expect(Math.max(...logged().map((l) => l.pullsRunning as number))).toBeLessThanOrEqual(4);
    // On PostgreSQL a page takes several round trips, so the twelve overlap and some waited.
    if (kind === 'postgres') expect(Math.max(...logged().map((l) => l.pullsHubAhead as number))).toBeGreaterThanOrEqual(4);
  }, 60_000);
});

// A page whose events start tiny: the row count of the next slice is sized from them (thousands
// of rows), so it is the store that must stop a slice at about CHUNK_BYTES of payload.
describeStores('S4: pull pages that start with tiny events', (kind) => {
  const f = useHub(kind, { fd: ['estate-a', 'FD-1'] });
  const pushed = [
    ...Array.from({ length: 40 }, (_, i) => makeEvent('FD-1', { payload: { i } })),
    ...Array.from({ length: 150 }, (_, i) => bigEvent(i)),
  ];

  beforeAll(async () => {
    for (let i = 0; i < pushed.length; i += 70) {
      const answer = await f.stations.fd!.push(pushed.slice(i, i + 70));
      expect(answer.body.stored, answer.text.slice(0, 200)).toBe(Math.min(70, pushed.length - i));
    }
  }, 120_000);

  it('S4: a page whose first events are tiny and the rest 64 KiB never reads more than about one slice at a time', async () => {
    // Over HTTP: every page at most 4 MiB plus one event, every event once.
    const seen: string[] = [];
    let after = 0;
    for (let pages = 0; pages < 20; pages++) {
      const page = await f.stations.fd!.pull(`?after=${after}&limit=5000`);
      const events = page.body.events as (TestEvent & { seq: number })[];
      expect(events.length).toBeGreaterThan(0);
      const sizes = events.map(jsonBytes);
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(total - (sizes.at(-1) as number)).toBeLessThan(CAP);
      if (page.body.more) expect(total).toBeGreaterThanOrEqual(CAP);
      seen.push(...events.map((e) => e.id));
      after = page.body.last as number;
      if (!page.body.more) break;
    }
    expect(seen).toEqual(pushed.map((e) => e.id));

    // In the store: each fetch of the same pages, as asked for and as returned.
    const store = await openStore({ databaseUrl: f.store.env.DATABASE_URL || undefined, dataDir: f.store.env.HUB_DATA ?? '' });
    try {
      const siteId = (await store.stationByTokenHash(hashToken(f.tokens.fd as string)))!.siteId;
      const calls: { n: number; maxBytes: number; rows: number; payloadBytes: number }[] = [];
      const fetch: FetchEvents = async (from, n, maxBytes) => {
        const slice = await store.pullSlice(siteId, from, n, maxBytes);
        const payloadBytes = slice.rows.reduce((a, r) => a + Buffer.byteLength(r.payload as string), 0);
        calls.push({ n, maxBytes, rows: slice.rows.length, payloadBytes });
        return slice;
      };
      const ids: string[] = [];
      for (let from = 0, pages = 0; pages < 20; pages++) {
        const reader = new PageReader(fetch, from, 5000);
        const parts: Buffer[] = [];
        for (let slice = await reader.next(); slice; slice = await reader.next()) parts.push(slice);
        ids.push(...(JSON.parse(`[${Buffer.concat(parts).toString()}]`) as { id: string }[]).map((e) => e.id));
        from = reader.lastSeq ?? from;
        if (!reader.more) break;
      }
      expect(ids).toEqual(pushed.map((e) => e.id));
      // The tiny events made a slice ask for thousands of rows; the store still stopped at the bytes.
      expect(Math.max(...calls.map((c) => c.n))).toBeGreaterThan(1000);
      const oneEvent = Buffer.byteLength(JSON.stringify(pushed.at(-1)!.payload));
      for (const c of calls) expect(c.payloadBytes).toBeLessThan(Math.min(c.maxBytes, CHUNK_BYTES) + oneEvent);
      // Straight at the store: 5,000 rows asked for past the tiny events, about one MiB returned.
      const slice = await store.pullSlice(siteId, 40, 5000, CHUNK_BYTES);
      expect(slice.cut).toBe(true);
      expect(slice.rows.length).toBe(Math.ceil(CHUNK_BYTES / oneEvent));
      expect(slice.rows.map((r) => r.seq)).toEqual(Array.from({ length: slice.rows.length }, (_, i) => 41 + i));
      // The end of the site: fewer rows than asked, not cut.
      expect(await store.pullSlice(siteId, 185, 5000, CHUNK_BYTES)).toMatchObject({ cut: false, rows: { length: 5 } });
      expect(await store.pullSlice(siteId, 190, 5000, CHUNK_BYTES)).toMatchObject({ cut: false, rows: [] });
    } finally {
      await store.close();
    }
  }, 60_000);
});
