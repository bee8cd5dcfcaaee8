// The host's sync handlers as the renderer meets them over the bridge, against a real hub:
// enrolment (F18 wrong station/site refused), the token kept 0600 and never logged, notEnrolled
// before enrolment, state updates from every answer, unattended enrolment with a hub that is down (F9).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { enrolStations, initStore } from '../../../tests/hub/support/enrol';
import { makeEvents } from '../../../tests/hub/support/events';
import { startHub, type RunningHub } from '../../../tests/hub/support/hubProcess';
import { HostEvents } from '../hostEvents';
import { createFileLogger } from '../logging/logger';
import { createSyncService, type SyncService } from './syncService';
import { fileTokenVault } from './tokenVault';

let hubDir: string;
let hub: RunningHub;
let tokenA: string;
let tokenOther: string;

beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'dutydesk-syncsvc-hub-'));
  const env = { HUB_DATA: hubDir };
  await initStore(env);
  [tokenA, tokenOther] = (await enrolStations(env, [['estate-a', 'FD-1'], ['estate-b', 'FD-9']])) as [string, string];
  hub = await startHub(env);
});
afterAll(async () => {
  await hub?.stop();
  rmSync(hubDir, { recursive: true, force: true });
});

const open: { service: SyncService; dir: string }[] = [];
afterEach(async () => {
  for (const { service, dir } of open.splice(0)) {
    await service.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function station(extra: { fetch?: typeof fetch; random?: () => number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'dutydesk-syncsvc-'));
  const events = new HostEvents();
  const seen: { event: string; payload: unknown }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const logger = createFileLogger(join(dir, 'logs', 'host.log'));
  const service = await createSyncService({ dataDir: dir, events, logger, vault: fileTokenVault(join(dir, 'sync', 'hub-token')), timeoutMs: 3000, ...extra });
  open.push({ service, dir });
  const log = () => readFileSync(join(dir, 'logs', 'host.log'), 'utf8');
  return { dir, service, h: service.handlers, seen, log };
}

describe('sync service', () => {
  it('before enrolment push and pull answer notEnrolled and nothing ticks', async () => {
    const { h, seen } = await station();
    expect(h['sync:state']()).toMatchObject({ enrolled: false, hubUrl: null, everyMinutes: 1 });
    expect(await h['sync:push']({ events: makeEvents('FD-1', 1), relay: false })).toMatchObject({ ok: false, failure: 'notEnrolled' });
    expect(await h['sync:pull']({ after: 0, limit: 10 })).toMatchObject({ ok: false, failure: 'notEnrolled' });
    expect(await h['sync:test']()).toMatchObject({ ok: false, failure: 'notEnrolled' });
    h['sync:request']('now');
    expect(seen.filter((s) => s.event === 'sync:tick')).toEqual([]);
  });

  it('enrol keeps the address and a 0600 token, ticks enrolled, and push/pull then reach the hub', async () => {
    const { dir, h, seen, log } = await station();
    const answer = await h['sync:enrol']({ hubUrl: `${hub.url}/`, token: tokenA, expectStation: 'FD-1', expectSite: null });
    expect(answer).toMatchObject({ ok: true, site: 'estate-a', station: 'FD-1' });
    expect(seen).toContainEqual({ event: 'sync:tick', payload: { reason: 'enrolled' } });
    const state = h['sync:state']();
    expect(state).toMatchObject({ enrolled: true, hubUrl: hub.url, site: 'estate-a', station: 'FD-1', reachable: true, hubEpoch: hub.epoch, lastError: null });
    expect(seen.filter((s) => s.event === 'sync:state').at(-1)!.payload).toEqual(state);
    const tokenFile = join(dir, 'sync', 'hub-token');
    expect(readFileSync(tokenFile, 'utf8').trim()).toBe(tokenA);
    if (process.platform !== 'win32') {
      expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'sync')).mode & 0o777).toBe(0o700);
    }
    expect(JSON.parse(readFileSync(join(dir, 'sync', 'hub.json'), 'utf8'))).toEqual({ hubUrl: hub.url, everyMinutes: 1, site: 'estate-a', station: 'FD-1' });
    const push = await h['sync:push']({ events: makeEvents('FD-1', 2), relay: false });
    expect(push.ok && push.results.map((r) => r.status)).toEqual(['stored', 'stored']);
    expect(await h['sync:pull']({ after: 0, limit: 10 })).toMatchObject({ ok: true, more: false });
    expect(JSON.stringify(seen)).not.toContain(tokenA);
    expect(log()).not.toContain(tokenA);
  });

  it('F18: a token of another station or estate is refused and not kept; the token is never logged', async () => {
    const { dir, h, log } = await station();
    expect(await h['sync:enrol']({ hubUrl: hub.url, token: tokenA, expectStation: 'FD-2', expectSite: null })).toMatchObject({
      ok: false,
      failure: 'refused',
      message: 'this token is for station FD-1, this workstation is FD-2',
    });
    expect(await h['sync:enrol']({ hubUrl: hub.url, token: tokenOther, expectStation: 'FD-9', expectSite: 'estate-a' })).toMatchObject({
      ok: false,
      failure: 'refused',
      message: 'this token is for estate estate-b, this workstation belongs to estate-a',
    });
    expect(await h['sync:enrol']({ hubUrl: hub.url, token: `${tokenA}x`, expectStation: null, expectSite: null })).toMatchObject({ ok: false, failure: 'unauthorized', status: 401 });
    expect(await h['sync:enrol']({ hubUrl: 'ftp://hub', token: tokenA, expectStation: null, expectSite: null })).toMatchObject({ ok: false, failure: 'refused' });
    expect((await h['sync:state']()).enrolled).toBe(false);
    expect(() => statSync(join(dir, 'sync', 'hub-token'))).toThrow();
    expect(log()).not.toContain(tokenA);
    expect(log()).not.toContain(tokenOther);
    expect(log()).toContain('enrolment refused');
  });

  it('unenrol forgets the token and the address; schedule is kept and validated by the contract', async () => {
    const { dir, h } = await station();
    await h['sync:enrol']({ hubUrl: hub.url, token: tokenA, expectStation: null, expectSite: null });
    expect(await h['sync:schedule'](15)).toMatchObject({ everyMinutes: 15, enrolled: true });
    expect(await h['sync:unenrol']()).toMatchObject({ enrolled: false, hubUrl: null, site: null, station: null, everyMinutes: 15, reachable: null });
    expect(() => statSync(join(dir, 'sync', 'hub-token'))).toThrow();
    expect(await h['sync:pull']({ after: 0, limit: 1 })).toMatchObject({ ok: false, failure: 'notEnrolled' });
  });

  it('a restart finds the enrolment kept', async () => {
    const { dir, h } = await station();
    await h['sync:enrol']({ hubUrl: hub.url, token: tokenA, expectStation: null, expectSite: null });
    const again = await createSyncService({ dataDir: dir, events: new HostEvents(), logger: createFileLogger(join(dir, 'logs', 'host.log')), vault: fileTokenVault(join(dir, 'sync', 'hub-token')) });
    try {
      expect(again.state()).toMatchObject({ enrolled: true, hubUrl: hub.url, site: 'estate-a', station: 'FD-1' });
      expect(await again.handlers['sync:test']()).toMatchObject({ ok: true, station: 'FD-1' });
    } finally {
      await again.dispose();
    }
  });

  it('F9: unattended enrolment with a hub that is down keeps the address and token, logs the failure once, and backs off', async () => {
    const { h, service, seen, log } = await station();
    const down = 'http://127.0.0.1:9'; // discard port: nothing listens
    await service.enrolUnattended(down, tokenA);
    expect(h['sync:state']()).toMatchObject({ enrolled: true, hubUrl: down, site: null, station: null, reachable: false });
    expect(service.state().lastError).toMatchObject({ failure: 'unreachable' });
    expect(service.state().retryAt).not.toBeNull();
    await h['sync:pull']({ after: 0, limit: 10 });
    await h['sync:pull']({ after: 0, limit: 10 });
    expect(log().split('\n').filter((line) => line.includes('the hub call failed'))).toHaveLength(1);
    expect(log()).not.toContain(tokenA);
    expect(seen.filter((s) => s.event === 'sync:tick')).toEqual([]);
  });

  it('unattended enrolment with the hub up learns site and station and ticks enrolled', async () => {
    const { h, service, seen } = await station();
    await service.enrolUnattended(hub.url, tokenA);
    expect(h['sync:state']()).toMatchObject({ enrolled: true, site: 'estate-a', station: 'FD-1', reachable: true });
    expect(seen).toContainEqual({ event: 'sync:tick', payload: { reason: 'enrolled' } });
  });

  it('F14: journal and instance handlers reach the files beside the data', async () => {
    const { h } = await station();
    const events = makeEvents('FD-1', 3);
    await h['sync:journalAppend'](events);
    await h['sync:journalAck']([events[0]!.id]);
    expect(await h['sync:journalPending'](0)).toEqual({ events: events.slice(1), next: null });
    expect(await h['sync:instance']({ instanceId: 'i-1', station: null }, false)).toEqual({ status: 'new', previous: null });
  });

  it('F9: a hub that stops answering is probed with backoff and the renderer is told hubBack when it answers', async () => {
    let down = false;
    const flaky: typeof fetch = (input, init) => (down ? Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } })) : fetch(input, init));
    const { h, service, seen, log } = await station({ fetch: flaky, random: () => 0 });
    await h['sync:enrol']({ hubUrl: hub.url, token: tokenA, expectStation: null, expectSite: null });
    down = true;
    expect(await h['sync:pull']({ after: 0, limit: 10 })).toMatchObject({ ok: false, failure: 'unreachable', message: expect.stringContaining('ECONNREFUSED') });
    expect(service.state()).toMatchObject({ reachable: false });
    expect(service.state().retryAt).not.toBeNull();
    down = false;
    await vi.waitFor(() => expect(seen.map((s) => s.payload)).toContainEqual({ reason: 'hubBack' }), { timeout: 5000, interval: 50 });
    expect(service.state()).toMatchObject({ reachable: true, retryAt: null, lastError: null });
    expect(log()).toContain('the hub answers again');
  });
});
