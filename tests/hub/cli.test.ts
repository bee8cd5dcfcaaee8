// The administration CLIs against a running hub: tokens work and stop working at once, are
// stored only hashed, and status/list report what the stations did.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cli, createStation } from './support/cli';
import { send, Station } from './support/client';
import { makeEvents } from './support/events';
import { startHub, type RunningHub } from './support/hubProcess';
import { adminQuery, createStore, describeStores, type TestStore } from './support/stores';

describeStores('administration CLIs', (kind) => {
  let store: TestStore;
  let hub: RunningHub;
  beforeAll(async () => {
    store = await createStore(kind);
    hub = await startHub(store.env);
  });
  afterAll(async () => {
    await hub?.stop();
    await store?.drop();
  });

  it('enrols, lists, revokes and reports while the hub runs', async () => {
    const token = await createStation(store.env, 'estate-a', 'FD-1');
    const spare = await createStation(store.env, 'estate-a', 'CR-1');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits, base64url
    expect(token).not.toBe(spare);

    // The token works at once, without restarting the hub.
    const fd = new Station(hub.url, token);
    expect((await send(hub.url, { path: '/v1/whoami', token })).body).toMatchObject({ site: 'estate-a', station: 'FD-1' });
    expect((await fd.push(makeEvents('FD-1', 3))).body.stored).toBe(3);
    expect((await fd.pull()).body.last).toBe(3);

    // Names are unique per site and must keep to their alphabet.
    const again = await cli('station', ['--site', 'estate-a', '--name', 'FD-1'], store.env);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists/);
    expect((await cli('station', ['--site', 'estate a', '--name', 'X'], store.env)).code).toBe(2);
    expect((await cli('station', ['--site', 'estate-a', '--name', 'x'.repeat(33)], store.env)).code).toBe(2);

    // Revocation takes effect on the very next request.
    expect((await send(hub.url, { path: '/v1/whoami', token: spare })).status).toBe(200);
    const revoke = await cli('station', ['--revoke', 'CR-1', '--site', 'estate-a'], store.env);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect((await send(hub.url, { path: '/v1/whoami', token: spare })).status).toBe(401);
    expect((await cli('station', ['--revoke', 'NOPE', '--site', 'estate-a'], store.env)).code).not.toBe(0);

    // Contacts are written at least at shutdown; then status and --list show them.
    expect(await hub.stop()).toBe(0);
    const status = await cli('status', ['--json'], store.env);
    expect(status.code, status.stderr).toBe(0);
    const report = JSON.parse(status.stdout) as { hubEpoch: string; sites: { site: string; eventCount: number; lastSeq: number; stations: { name: string; lastSeenAt: string | null; lastPulledSeq: number | null; revokedAt: string | null }[] }[] };
    expect(report.hubEpoch).toBe(hub.epoch);
    const site = report.sites.find((s) => s.site === 'estate-a')!;
    expect(site).toMatchObject({ eventCount: 3, lastSeq: 3 });
    expect(site.stations.find((s) => s.name === 'FD-1')).toMatchObject({ lastPulledSeq: 3, lastSeenAt: expect.any(String), revokedAt: null });
    expect(site.stations.find((s) => s.name === 'CR-1')?.revokedAt).toEqual(expect.any(String));
    const text = await cli('status', [], store.env);
    expect(text.stdout).toMatch(/site estate-a: 3 events, last seq 3/);

    const list = await cli('station', ['--list', '--site', 'estate-a'], store.env);
    const fdLine = list.stdout.split('\n').find((l) => l.startsWith('FD-1\t'))!;
    expect(fdLine.split('\t')).toEqual(['FD-1', 'active', expect.stringMatching(/^\d{4}-/), expect.stringMatching(/^\d{4}-/), expect.stringMatching(/^\d{4}-/)]);
    expect(list.stdout).toMatch(/CR-1\trevoked/);

    // Tokens are kept only as hashes.
    const hash = createHash('sha256').update(token).digest('hex');
    if (kind === 'sqlite') {
      const bytes = readdirSync(store.location).map((f) => readFileSync(join(store.location, f)).toString('latin1')).join('');
      expect(bytes.includes(token)).toBe(false);
      expect(bytes.includes(hash)).toBe(true);
    } else {
      const rows = (await adminQuery('SELECT * FROM stations', store.location)).rows;
      expect(JSON.stringify(rows).includes(token)).toBe(false);
      expect(rows.some((r) => r.token_hash === hash)).toBe(true);
    }
    hub = await startHub(store.env);
  }, 120_000);
});
