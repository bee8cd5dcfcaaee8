// `npm run hub:init` creates the store and says so, refuses one that exists; the hub and the
// other commands refuse a store that was never created, naming hub:init, so a mistyped HUB_DATA
// or DATABASE_URL never starts an empty hub with a new epoch (sync protocol v1, "Running the
// hub": docs/hub.md). S13: the SQLite store and backups are readable by the hub's user only.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from './support/cli';
import { Station } from './support/client';
import { enrolStations } from './support/enrol';
import { makeEvents } from './support/events';
import { runHubToExit, startHub } from './support/hubProcess';
import { adminQuery, createStore, describeStores, type TestStore } from './support/stores';

describeStores('hub:init', (kind) => {
  let place: TestStore;
  beforeAll(async () => {
    place = await createStore(kind, { init: false });
  });
  afterAll(() => place?.drop());

  it('the hub and every command but restore refuse a store never created, naming hub:init', async () => {
    const hub = await runHubToExit(place.env);
    expect(hub.code).toBe(1);
    expect(hub.stderr).toMatch(/hub:init/);
    for (const [name, args] of [['station', ['--site', 'estate-a', '--name', 'FD-1']], ['status', []], ['backup', ['--out', join(place.location, '..', 'b.ndjson')]]] as const) {
      const result = await cli(name, [...args], place.env);
      expect(result.code, name).not.toBe(0);
      expect(result.stderr, name).toMatch(/hub:init/);
    }
    // Nothing was created on the way.
    if (kind === 'sqlite') expect(() => statSync(place.location)).toThrow();
    else expect((await adminQuery(`SELECT to_regclass('meta') IS NULL AS none`, place.location)).rows[0].none).toBe(true);
  }, 60_000);

  it('creates the store once, says so, and refuses to create it again', async () => {
    const first = await cli('init', [], place.env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/created a (sqlite|postgres) hub store at .* hubEpoch (\S+)\)/);
    const epoch = /hubEpoch (\S+)\)/.exec(first.stdout)?.[1];
    const again = await cli('init', [], place.env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    const hub = await startHub(place.env);
    expect(hub.epoch).toBe(epoch);
    await hub.stop();
  }, 60_000);
});

describeStores('S13: file modes', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createStore('sqlite');
  });
  afterAll(() => store?.drop());

  it('S13: the data folder is 0700, hub.sqlite and its -wal/-shm and backups are 0600', async () => {
    const [token] = await enrolStations(store.env, [['estate-a', 'FD-1']]);
    const hub = await startHub(store.env);
    expect((await new Station(hub.url, token!).push(makeEvents('FD-1', 3))).body.stored).toBe(3);
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(store.location)).toBe(0o700);
    const files = readdirSync(store.location);
    expect(files).toEqual(expect.arrayContaining(['hub.sqlite', 'hub.sqlite-wal', 'hub.sqlite-shm']));
    for (const f of files) expect(mode(join(store.location, f)), f).toBe(0o600);
    const out = join(store.location, '..', 'backup.ndjson');
    expect((await cli('backup', ['--out', out], store.env)).code).toBe(0);
    expect(mode(out)).toBe(0o600);
    await hub.stop();
  }, 60_000);
}, ['sqlite']);
