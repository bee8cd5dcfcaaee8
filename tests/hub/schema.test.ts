// The schema upgrade path: a store written by a version-1 hub is migrated on start with its
// data, epoch and tokens intact; a store newer than the hub is refused with a clear message.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS as PG_MIGRATIONS } from '../../src/hub/store/postgres/sql';
import { MIGRATIONS as SQLITE_MIGRATIONS } from '../../src/hub/store/sqlite/sql';
import { Station } from './support/client';
import { makeEvent, makeEvents, type TestEvent } from './support/events';
import { startHub } from './support/hubProcess';
import { adminQuery, createStore, describeStores, type TestStore } from './support/stores';

const TOKEN = 'v1-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Writes what a version-1 hub would have left: its schema and rows, in its own SQL. */
async function seedVersion1(store: TestStore, events: TestEvent[], version = '1'): Promise<void> {
  const now = new Date().toISOString();
  const rows = events.map((e, i) => [1, i + 1, e.id, e.stream, e.type, e.hlc, e.station, e.actor, JSON.stringify(e.payload), now]);
  const statements = [
    `INSERT INTO meta VALUES ('schema_version', '${version}'), ('hub_epoch', 'epoch-of-v1')`,
    `INSERT INTO sites (site_id, name, last_seq, created_at) VALUES (1, 'estate-a', ${events.length}, '${now}')`,
    `INSERT INTO stations (site_id, name, token_hash, created_at) VALUES (1, 'FD-1', '${sha(TOKEN)}', '${now}')`,
  ];
  if (store.kind === 'sqlite') {
    mkdirSync(store.location, { recursive: true });
    const db = new Database(join(store.location, 'hub.sqlite'));
    db.exec(SQLITE_MIGRATIONS[0]!);
    for (const s of statements) db.exec(s);
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const r of rows) insert.run(...r);
    db.close();
  } else {
    await adminQuery(PG_MIGRATIONS[0]!, store.location);
    for (const s of statements) await adminQuery(s, store.location);
    for (const r of rows) await adminQuery(`INSERT INTO events VALUES (${r.map((v) => `'${String(v).replace(/'/g, "''")}'`).join(', ')})`, store.location);
  }
}

describeStores('schema upgrade', (kind) => {
  const stores: TestStore[] = [];
  afterAll(async () => {
    for (const s of stores) await s.drop();
  });
  const fresh = async () => {
    // Not created by hub:init: seedVersion1 writes what a version-1 hub left behind.
    const s = await createStore(kind, { init: false });
    stores.push(s);
    return s;
  };
  let store: TestStore;
  const old = makeEvents('FD-1', 3);
  beforeAll(async () => {
    store = await fresh();
    await seedVersion1(store, old);
  });

  it('migrates a version-1 store on start, keeping its events, epoch and tokens', async () => {
    const hub = await startHub(store.env);
    expect(hub.logs[0]).toMatchObject({ schemaVersion: SQLITE_MIGRATIONS.length, hubEpoch: 'epoch-of-v1' });
    const station = new Station(hub.url, TOKEN);
    const pulled = await station.pullAll();
    expect(pulled.map((e) => e.id)).toEqual(old.map((e) => e.id));
    const answer = await station.push([old[0]!, makeEvent('FD-1')]);
    expect((answer.body.results as { status: string }[]).map((r) => r.status)).toEqual(['duplicate', 'stored']);
    expect((await station.pull('?after=3')).body.last).toBe(4);
    expect(await hub.stop()).toBe(0);
    // A second start finds nothing to migrate.
    const again = await startHub(store.env);
    expect(again.logs[0]).toMatchObject({ schemaVersion: SQLITE_MIGRATIONS.length, hubEpoch: 'epoch-of-v1' });
    await again.stop();
  }, 60_000);

  it('refuses to start on a store with a newer schema than it knows', async () => {
    const newer = await fresh();
    await seedVersion1(newer, [], '99');
    await expect(startHub(newer.env)).rejects.toThrow(/schema version 99/);
  }, 60_000);
});
