// The store vanishing under a running hub. S5: the SQLite file deleted → 503 for pushes and
// health, nothing acknowledged, never recreated. S10: the PostgreSQL database dropped → 503
// (not 500), health 503; recreated empty it stays 503 and is left empty (no silent new epoch);
// restored from a backup, the hub serves it again without a restart, with the new epoch.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from './support/cli';
import { Station, send, type Answer } from './support/client';
import { enrolStations } from './support/enrol';
import { makeEvents } from './support/events';
import { startHub, type RunningHub } from './support/hubProcess';
import { adminQuery, createStore, describeStores, type TestStore } from './support/stores';

const GENERIC = "the hub's data store is unavailable; retry later";

function expectUnavailable(a: Answer, hub: RunningHub): void {
  expect(a.status, a.text).toBe(503);
  expect(a.body).toMatchObject({ error: 'STORE_UNAVAILABLE', message: GENERIC, hubEpoch: hub.epoch });
}

describeStores('S5: the SQLite file deleted under a running hub', () => {
  let store: TestStore;
  let hub: RunningHub;
  let token: string;
  beforeAll(async () => {
    store = await createStore('sqlite');
    [token] = (await enrolStations(store.env, [['estate-a', 'FD-1']])) as [string];
    hub = await startHub(store.env);
  });
  afterAll(async () => {
    await hub?.stop();
    await store?.drop();
  });

  it('S5: pushes and health answer 503, nothing is acknowledged, the file is not recreated', async () => {
    const station = new Station(hub.url, token);
    expect((await station.push(makeEvents('FD-1', 3))).body.stored).toBe(3);
    const file = join(store.location, 'hub.sqlite');
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });

    const lost = await station.push(makeEvents('FD-1', 2));
    expectUnavailable(lost, hub);
    expect(lost.body.results).toBeUndefined();
    expectUnavailable(await send(hub.url, { path: '/v1/health' }), hub);
    expectUnavailable(await station.pull(), hub);
    expect(existsSync(file)).toBe(false);
    // S11 as well: the answer names no path; the log keeps the detail.
    expect(lost.text).not.toContain(store.location);
    expect(hub.logs.some((l) => String(l.detail ?? '').includes(file))).toBe(true);
  }, 60_000);
}, ['sqlite']);

describeStores('S10: the PostgreSQL database dropped under a running hub', () => {
  let store: TestStore;
  let hub: RunningHub;
  let token: string;
  let name: string;
  beforeAll(async () => {
    store = await createStore('postgres');
    name = new URL(store.location).pathname.slice(1);
    [token] = (await enrolStations(store.env, [['estate-a', 'FD-1']])) as [string];
    hub = await startHub(store.env);
  });
  afterAll(async () => {
    await hub?.stop();
    await store?.drop();
  });

  it('S10: 503 while dropped and while recreated empty, then serves the restored store with its new epoch', async () => {
    const station = new Station(hub.url, token);
    const before = makeEvents('FD-1', 5);
    expect((await station.push(before)).body.stored).toBe(5);
    const backup = join(store.env.HUB_DATA as string, '..', `${name}.ndjson`);
    expect((await cli('backup', ['--out', backup], store.env)).code).toBe(0);

    await adminQuery(`DROP DATABASE ${name} WITH (FORCE)`);
    for (let i = 0; i < 2; i++) {
      const answer = await station.push(makeEvents('FD-1', 1));
      expectUnavailable(answer, hub);
      expect(answer.text).not.toContain(name);
    }
    expectUnavailable(await send(hub.url, { path: '/v1/health' }), hub);
    expectUnavailable(await station.pull(), hub);

    // Recreated empty: still unavailable, and the hub made no schema of its own in it.
    await adminQuery(`CREATE DATABASE ${name}`);
    expectUnavailable(await station.push(makeEvents('FD-1', 1)), hub);
    expectUnavailable(await send(hub.url, { path: '/v1/health' }), hub);
    expect((await adminQuery(`SELECT to_regclass('meta') IS NULL AS none`, store.location)).rows[0].none).toBe(true);

    // Restored: served again without a restart, under the restore's new epoch.
    const restore = await cli('restore', ['--from', backup], store.env);
    expect(restore.code, restore.stderr).toBe(0);
    const epoch = /new hubEpoch (\S+)/.exec(restore.stdout)?.[1];
    const health = await send(hub.url, { path: '/v1/health' });
    expect(health.status, health.text).toBe(200);
    expect(health.body.hubEpoch).toBe(epoch);
    expect(epoch).not.toBe(hub.epoch);
    const after = makeEvents('FD-1', 2);
    expect((await station.push(after)).body.stored).toBe(2);
    expect((await station.pullAll()).map((e) => e.id)).toEqual([...before, ...after].map((e) => e.id));
  }, 90_000);
}, ['postgres']);
