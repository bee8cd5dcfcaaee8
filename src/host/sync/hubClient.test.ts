// The host's hub client against a REAL hub process (SQLite in a temp HUB_DATA): what a station
// sees of each answer the protocol defines, and of a hub that is gone (F9).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../hub/store/openStore';
import { enrolStations, initStore } from '../../../tests/hub/support/enrol';
import { makeEvent, makeEvents } from '../../../tests/hub/support/events';
import { startHub, type RunningHub } from '../../../tests/hub/support/hubProcess';
import { createHubClient } from './hubClient';
import { normaliseHubUrl } from './hubUrl';

describe('hubClient against a real hub', () => {
  let dir: string;
  let env: Record<string, string>;
  let hub: RunningHub;
  let tokenA: string;
  let tokenB: string;
  let tokenC: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dutydesk-hubclient-'));
    env = { HUB_DATA: dir };
    await initStore(env);
    [tokenA, tokenB, tokenC] = (await enrolStations(env, [['estate-a', 'FD-1'], ['estate-a', 'FD-2'], ['estate-a', 'FD-3']])) as [string, string, string];
    hub = await startHub(env);
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('whoami names the site and station of the token, with the epoch and a small offset', async () => {
    const answer = await createHubClient({ url: hub.url, token: tokenA }).whoami();
    expect(answer).toMatchObject({ ok: true, site: 'estate-a', station: 'FD-1', hubEpoch: hub.epoch });
    // Same machine, same clock: the offset is the round trip's error, far below a second.
    if (answer.ok) expect(Math.abs(answer.offsetMs)).toBeLessThan(1000);
  });

  it('health answers without a token', async () => {
    expect(await createHubClient({ url: hub.url, token: 'unused-token' }).health()).toMatchObject({ ok: true, hubEpoch: hub.epoch });
  });

  it('push answers stored, then duplicate, and rejected for another station (never blocking the rest)', async () => {
    const client = createHubClient({ url: hub.url, token: tokenA });
    const events = makeEvents('FD-1', 3);
    const first = await client.push(events, false);
    expect(first.ok && first.results.map((r) => r.status)).toEqual(['stored', 'stored', 'stored']);
    const foreign = makeEvent('FD-2');
    const again = await client.push([events[0]!, foreign, events[1]!], false);
    expect(again.ok && again.results.map((r) => [r.id, r.status, r.code])).toEqual([
      [events[0]!.id, 'duplicate', undefined],
      [foreign.id, 'rejected', 'WRONG_STATION'],
      [events[1]!.id, 'duplicate', undefined],
    ]);
    // relay: true accepts an event of another station of the site (a re-push after a new epoch).
    const relayed = await client.push([foreign], true);
    expect(relayed.ok && relayed.results[0]!.status).toBe('stored');
  });

  it('pull pages through every event in seq order, last and more as the protocol says', async () => {
    const pusher = createHubClient({ url: hub.url, token: tokenB });
    await pusher.push(makeEvents('FD-2', 5), false);
    const reader = createHubClient({ url: hub.url, token: tokenC });
    const seen: number[] = [];
    let after = 0;
    for (let page = 0; page < 20; page++) {
      const answer = await reader.pull(after, 2);
      expect(answer.ok).toBe(true);
      if (!answer.ok) return;
      expect(answer.events.length).toBeLessThanOrEqual(2);
      seen.push(...answer.events.map((e) => e.seq));
      after = answer.last;
      if (!answer.more) break;
    }
    expect(seen.length).toBeGreaterThanOrEqual(9);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    const end = await reader.pull(after, 10);
    expect(end).toMatchObject({ ok: true, events: [], last: after, more: false });
  });

  it('a revoked token is unauthorized (401) and the message does not hold it', async () => {
    const store = await openStore({ dataDir: dir });
    try {
      expect(await store.revokeStation('estate-a', 'FD-3')).toBe(true);
    } finally {
      await store.close();
    }
    const answer = await createHubClient({ url: hub.url, token: tokenC }).whoami();
    expect(answer).toMatchObject({ ok: false, failure: 'unauthorized', status: 401 });
    expect(JSON.stringify(answer)).not.toContain(tokenC);
  });

  it('a body over 5 MiB is tooLarge (413), so the renderer halves its batch', async () => {
    const big = Array.from({ length: 100 }, () => makeEvent('FD-1', { payload: { note: 'x'.repeat(60_000) } }));
    expect(await createHubClient({ url: hub.url, token: tokenA }).push(big, false)).toMatchObject({ ok: false, failure: 'tooLarge', status: 413 });
  });

  it('the offset has the sign of the hub clock minus ours', async () => {
    // A local clock one hour slow: the hub is ahead, the offset is about +1 h.
    const realNow = Date.now;
    Date.now = () => realNow() - 3_600_000;
    try {
      const answer = await createHubClient({ url: hub.url, token: tokenA }).health();
      expect(answer.ok).toBe(true);
      if (answer.ok) expect(Math.abs(answer.offsetMs - 3_600_000)).toBeLessThan(5_000);
    } finally {
      Date.now = realNow;
    }
  });

  it('F9: a stopped hub is unreachable, not an exception', async () => {
    const url = hub.url;
    await hub.stop();
    const client = createHubClient({ url, token: tokenA, timeoutMs: 5_000 });
    expect(await client.whoami()).toMatchObject({ ok: false, failure: 'unreachable', status: null });
    expect(await client.pull(0, 10)).toMatchObject({ ok: false, failure: 'unreachable' });
    expect(await client.push([makeEvent('FD-1')], false)).toMatchObject({ ok: false, failure: 'unreachable' });
  });
});

describe('hub address', () => {
  it('keeps http(s) with a port and path prefix, normalised', () => {
    expect(normaliseHubUrl(' https://hub.estate.lan:8787/ ')).toEqual({ ok: true, url: 'https://hub.estate.lan:8787' });
    expect(normaliseHubUrl('http://10.0.0.5:8787/sync/')).toEqual({ ok: true, url: 'http://10.0.0.5:8787/sync' });
    expect(normaliseHubUrl('HTTP://Hub.Lan')).toEqual({ ok: true, url: 'http://hub.lan' });
  });

  it('refuses other schemes, credentials, queries and non-URLs with a clear message', async () => {
    for (const bad of ['ftp://hub', 'file:///etc/passwd', 'https://user:secret@hub', 'https://hub?x=1', 'https://hub#a', 'hub.lan:8787', '']) {
      const check = normaliseHubUrl(bad);
      expect(check.ok, bad).toBe(false);
      if (!check.ok) expect(check.message).not.toContain('secret');
    }
    expect(await createHubClient({ url: 'ftp://hub', token: 'abcd' }).whoami()).toMatchObject({ ok: false, failure: 'refused', status: null });
  });
});
