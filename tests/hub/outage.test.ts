// PostgreSQL going away and coming back: meanwhile every request that needs the database gets
// 503 STORE_UNAVAILABLE with a clear message, the hub stays up, and it recovers by itself.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Station, send, type Answer } from './support/client';
import { enrolStations } from './support/enrol';
import { makeEvents } from './support/events';
import { startHub, type RunningHub } from './support/hubProcess';
import { createStore, describeStores, type TestStore } from './support/stores';
import { TcpProxy } from './support/tcpProxy';

describeStores('PostgreSQL outage', () => {
  let store: TestStore;
  let proxy: TcpProxy;
  let hub: RunningHub;
  let token: string;
  beforeAll(async () => {
    store = await createStore('postgres');
    [token] = (await enrolStations(store.env, [['estate-a', 'FD-1']])) as [string];
    const url = new URL(store.location);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.open();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    hub = await startHub({ ...store.env, DATABASE_URL: url.toString() });
  });
  afterAll(async () => {
    await hub?.stop();
    await proxy?.cut();
    await store?.drop();
  });

  const expectUnavailable = (a: Answer) => {
    expect(a.status, a.text).toBe(503);
    expect(a.body).toMatchObject({ error: 'STORE_UNAVAILABLE', hubEpoch: hub.epoch, hubTime: expect.any(String) });
    // S11: the message names no address; the detail is in the hub's log.
    expect(a.body.message).toBe("the hub's data store is unavailable; retry later");
    expect(a.text).not.toContain(String(proxy.port));
    expect(a.text).not.toContain(new URL(store.location).pathname.slice(1));
  };

  it('S11: answers 503 with a generic message (the address only in the log) while the database is gone and recovers without a restart', async () => {
    const station = new Station(hub.url, token);
    const before = makeEvents('FD-1', 20);
    expect((await station.push(before)).body.stored).toBe(20);

    // A large push racing the cut either commits or fails cleanly; it never hangs or 500s.
    const racing = makeEvents('FD-1', 1000);
    const [raced] = await Promise.all([station.push(racing), proxy.cut()]);
    expect([200, 503]).toContain(raced.status);

    const during = makeEvents('FD-1', 5);
    expectUnavailable(await station.push(during));
    expectUnavailable(await station.pull());
    expectUnavailable(await send(hub.url, { path: '/v1/whoami', token }));
    expectUnavailable(await send(hub.url, { path: '/v1/health' }));
    expect(hub.process.exitCode).toBeNull();
    const logged = hub.logs.filter((l) => l.error === 'STORE_UNAVAILABLE').map((l) => String(l.detail));
    expect(logged.some((d) => d.includes(String(proxy.port)))).toBe(true);

    await proxy.open();
    // Bounded wait for the pool to reconnect: each try is one real request.
    let answer = await station.push(during);
    for (let tries = 0; answer.status !== 200 && tries < 50; tries++) {
      await new Promise((r) => setTimeout(r, 100));
      answer = await station.push(during);
    }
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.stored).toBe(5);

    // The station re-pushes what was not acknowledged; nothing is lost or doubled.
    const repush = await station.push(racing);
    expect(repush.body.rejected).toBe(0);
    const ids = (await station.pullAll()).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...before, ...racing, ...during].map((e) => e.id).sort());
  }, 60_000);
}, ['postgres']);
