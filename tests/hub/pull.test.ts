// GET /v1/events: paging by seq, `last` and `more`, defaults and limits.
import { beforeAll, expect, it } from 'vitest';
import { makeEvents, sevenOf } from './support/events';
import { useHub } from './support/fixture';
import { describeStores } from './support/stores';

type Pulled = Record<string, unknown> & { seq: number; id: string };

describeStores('pull', (kind) => {
  const f = useHub(kind, { fd: ['estate-a', 'FD-1'], empty: ['estate-empty', 'FD-1'] });
  const pushed = makeEvents('FD-1', 2500);

  beforeAll(async () => {
    for (let i = 0; i < pushed.length; i += 1000) {
      const answer = await f.stations.fd!.push(pushed.slice(i, i + 1000));
      expect(answer.body.stored).toBe(Math.min(1000, pushed.length - i));
    }
  });

  it('gives the site events in push order with seq 1, 2, 3… and exactly the pushed content', async () => {
    const all = (await f.stations.fd!.pullAll(0, 5000)) as Pulled[];
    expect(all.map((e) => e.seq)).toEqual(pushed.map((_, i) => i + 1));
    expect(all.map((e) => sevenOf(e))).toEqual(pushed);
  });

  it('defaults to after=0 and limit=1000, and says more while events remain', async () => {
    const page = (await f.stations.fd!.pull()).body;
    expect((page.events as Pulled[]).length).toBe(1000);
    expect(page).toMatchObject({ last: 1000, more: true });
  });

  it('returns limit events when that many are there, then the rest, then none', async () => {
    const a = (await f.stations.fd!.pull('?after=0&limit=2000')).body;
    expect(a).toMatchObject({ last: 2000, more: true });
    const b = (await f.stations.fd!.pull('?after=2000&limit=500')).body;
    expect((b.events as Pulled[]).map((e) => e.seq)).toEqual(Array.from({ length: 500 }, (_, i) => 2001 + i));
    expect(b).toMatchObject({ last: 2500, more: false });
    const c = (await f.stations.fd!.pull('?after=2500')).body;
    expect(c).toMatchObject({ events: [], last: 2500, more: false });
  });

  it('says more=false on a page that ends exactly at the last event', async () => {
    expect((await f.stations.fd!.pull('?after=2499&limit=1')).body).toMatchObject({ last: 2500, more: false });
    expect((await f.stations.fd!.pull('?after=2498&limit=1')).body).toMatchObject({ last: 2499, more: true });
  });

  it('answers last=after when nothing is beyond it, even far beyond the end', async () => {
    expect((await f.stations.fd!.pull('?after=999999999999999')).body).toMatchObject({ events: [], last: 999999999999999, more: false });
    expect((await f.stations.empty!.pull()).body).toMatchObject({ events: [], last: 0, more: false });
  });

  it('serves pages of up to 5000', async () => {
    const more = makeEvents('FD-1', 1000);
    await f.stations.fd!.push(more);
    await f.stations.fd!.push(makeEvents('FD-1', 1000));
    await f.stations.fd!.push(makeEvents('FD-1', 1000));
    const page = (await f.stations.fd!.pull('?limit=5000')).body;
    expect((page.events as Pulled[]).length).toBe(5000);
    expect(page).toMatchObject({ last: 5000, more: true });
  });
});
