// A hub killed with SIGKILL right after it acknowledged loses nothing and keeps its epoch and
// its seq order; seq keeps growing after the restart. (SIGKILL tests what the hub does before it
// answers; the page cache survives it, so power-cut durability rests on WAL + synchronous=FULL
// and on synchronous_commit=on, set in the stores.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Station } from './support/client';
import { enrolStations } from './support/enrol';
import { makeEvents } from './support/events';
import { startHub } from './support/hubProcess';
import { createStore, describeStores, type TestStore } from './support/stores';

type Result = { id: string; status: string };
type Pulled = { seq: number; id: string };

describeStores('kill -9 right after an acknowledgement', (kind) => {
  let store: TestStore;
  let token: string;
  beforeAll(async () => {
    store = await createStore(kind);
    [token] = (await enrolStations(store.env, [['estate-a', 'FD-1']])) as [string];
  });
  afterAll(() => store?.drop());

  it('keeps every acknowledged event, the epoch and the seq order across three kills', async () => {
    const acked: string[] = [];
    let epoch: string | undefined;
    let before: Pulled[] = [];
    for (let round = 0; round < 3; round++) {
      const hub = await startHub(store.env);
      const station = new Station(hub.url, token);
      epoch ??= hub.epoch;
      expect(hub.epoch).toBe(epoch);
      const now = (await station.pullAll()) as Pulled[];
      // Everything acknowledged before any kill is there, under the seq it had.
      expect(now.slice(0, before.length)).toEqual(before);
      expect(now.map((e) => e.id)).toEqual(acked);
      expect(now.map((e) => e.seq)).toEqual(acked.map((_, i) => i + 1));
      before = now;

      const answers = await Promise.all([station.push(makeEvents('FD-1', 300)), station.push(makeEvents('FD-1', 5))]);
      const order = (await station.pullAll(before.at(-1)?.seq ?? 0)) as Pulled[];
      for (const a of answers) for (const r of a.body.results as Result[]) expect(r.status).toBe('stored');
      acked.push(...order.map((e) => e.id));
      // The last acknowledgement is in hand: kill at once, no shutdown code runs.
      const last = await station.push(makeEvents('FD-1', 50));
      await hub.kill();
      expect(last.body.stored).toBe(50);
      acked.push(...(last.body.results as Result[]).map((r) => r.id));
    }
    const hub = await startHub(store.env);
    const all = (await new Station(hub.url, token).pullAll()) as Pulled[];
    expect(all.map((e) => e.id)).toEqual(acked);
    expect(hub.epoch).toBe(epoch);
    await hub.stop();
  }, 120_000);
});
