// Backup while the hub serves pushes, restore into the other kind of store, a new epoch, and
// stations relaying what they hold until both sides converge.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli } from './support/cli';
import { Station } from './support/client';
import { enrolStations } from './support/enrol';
import { makeEvents, type TestEvent } from './support/events';
import { startHub, type RunningHub } from './support/hubProcess';
import { createStore, describeStores, storeAvailable, type StoreKind, type TestStore } from './support/stores';

type Result = { id: string; status: string };
type Pulled = TestEvent & { seq: number };
const other = (kind: StoreKind): StoreKind => (kind === 'sqlite' ? 'postgres' : 'sqlite');
const dir = mkdtempSync(join(tmpdir(), 'dutydesk-backup-'));

describeStores('backup and restore', (kind) => {
  const stores: TestStore[] = [];
  const hubs: RunningHub[] = [];
  let source: TestStore;
  let hub: RunningHub;
  let tokens: string[];
  beforeAll(async () => {
    source = await createStore(kind);
    stores.push(source);
    tokens = await enrolStations(source.env, [['estate-a', 'FD-1'], ['estate-a', 'CR-1'], ['estate-b', 'FD-1']]);
    hub = await startHub(source.env);
    hubs.push(hub);
  });
  afterAll(async () => {
    for (const h of hubs) await h.stop();
    for (const s of stores) await s.drop();
  });

  // Into the other kind of store: from SQLite that is PostgreSQL, skipped like the PostgreSQL half where there is none.
  it.skipIf(!storeAvailable(other(kind)))(`restores a backup taken under load into ${other(kind)} with a new epoch, and relays converge`, async () => {
    const [fd, cr, b] = tokens.map((t) => new Station(hub.url, t)) as [Station, Station, Station];
    const held: TestEvent[] = [];
    const pushAndKeep = async (station: Station, events: TestEvent[]) => {
      const answer = await station.push(events);
      expect((answer.body.results as Result[]).every((r) => r.status === 'stored')).toBe(true);
      held.push(...events);
    };
    await pushAndKeep(fd, makeEvents('FD-1', 400));
    await pushAndKeep(cr, makeEvents('CR-1', 100));
    await b.push(makeEvents('FD-1', 30));
    const ackedBeforeBackup = held.length;

    // Pushes keep committing while the backup runs.
    const file = join(dir, `${kind}.ndjson`);
    let pushing = true;
    const load = (async () => {
      for (let i = 0; i < 50 && pushing; i++) await pushAndKeep(fd, makeEvents('FD-1', 20));
    })();
    const backup = await cli('backup', ['--out', file], source.env);
    pushing = false;
    await load;
    expect(backup.code, backup.stderr).toBe(0);

    // Restore into the other kind of store, on a "fresh machine" (no hub:init), and serve it.
    const target = await createStore(other(kind), { init: false });
    stores.push(target);
    const restore = await cli('restore', ['--from', file], target.env);
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await startHub(target.env);
    hubs.push(restored);
    expect(restored.epoch).not.toBe(hub.epoch);
    expect(restore.stdout).toContain(restored.epoch);

    // The old tokens work; the snapshot is a consistent prefix of the source's seq order.
    const [fd2, , b2] = tokens.map((t) => new Station(restored.url, t)) as [Station, Station, Station];
    const sourceAll = (await fd.pullAll()) as Pulled[];
    const snapshot = (await fd2.pullAll()) as Pulled[];
    expect(snapshot.length).toBeGreaterThanOrEqual(ackedBeforeBackup);
    expect(snapshot).toEqual(sourceAll.slice(0, snapshot.length));
    expect((await b2.pullAll()).length).toBe(30);

    // After the new epoch a station re-pushes everything it holds, its peers' events included.
    for (let i = 0; i < held.length; i += 1000) {
      const answer = await fd2.push(held.slice(i, i + 1000), { relay: true });
      for (const r of answer.body.results as Result[]) expect(['stored', 'duplicate']).toContain(r.status);
    }
    const converged = (await fd2.pullAll()) as Pulled[];
    expect(converged.map((e) => e.id).sort()).toEqual(sourceAll.map((e) => e.id).sort());
    expect(converged.map((e) => e.seq)).toEqual(converged.map((_, i) => i + 1));
    const more = await fd2.push(makeEvents('FD-1', 1));
    expect((await fd2.pull(`?after=${converged.length}`)).body.last).toBe(converged.length + 1);
    expect(more.body.stored).toBe(1);

    // And back: a backup of the restored store restores into the first kind with identical events.
    const file2 = join(dir, `${kind}-back.ndjson`);
    expect((await cli('backup', ['--out', file2], target.env)).code).toBe(0);
    const back = await createStore(kind);
    stores.push(back);
    expect((await cli('restore', ['--from', file2], back.env)).code).toBe(0);
    const backHub = await startHub(back.env);
    hubs.push(backHub);
    expect(new Set([backHub.epoch, restored.epoch, hub.epoch]).size).toBe(3);
    expect(await new Station(backHub.url, tokens[0]!).pullAll()).toEqual(await fd2.pullAll());
  }, 180_000);

  it('refuses to restore into a store that is not empty, or from a truncated file', async () => {
    const file = join(dir, `${kind}-refuse.ndjson`);
    expect((await cli('backup', ['--out', file], source.env)).code).toBe(0);
    const full = await cli('restore', ['--from', file], source.env);
    expect(full.code).not.toBe(0);
    expect(full.stderr).toMatch(/not empty/);

    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const truncated = join(dir, `${kind}-truncated.ndjson`);
    writeFileSync(truncated, `${lines.slice(0, -5).join('\n')}\n`);
    const empty = await createStore(kind);
    stores.push(empty);
    const cut = await cli('restore', ['--from', truncated], empty.env);
    expect(cut.code).not.toBe(0);
    expect(cut.stderr).toMatch(/incomplete/);
    // Nothing of the refused restore is left behind: the whole file restores afterwards.
    expect((await cli('restore', ['--from', file], empty.env)).code).toBe(0);
  }, 120_000);
});
