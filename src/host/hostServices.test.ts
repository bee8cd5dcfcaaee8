import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultHostSettings, type HostSettings } from '../shared/bridge/contract';
import { createHostServices, type HostServices, type ShellHooks } from './hostServices';
import { LOG_CONTEXT_MAX_CHARS } from './logging/logger';

// The real host services on a real data folder, as either shell runs them.

const hooks: ShellHooks = { shell: 'web', version: 'test', requestAttention: () => {}, keepAwake: () => false };
const running: HostServices[] = [];

async function start(dataDir: string): Promise<HostServices> {
  const services = await createHostServices(dataDir, hooks);
  running.push(services);
  return services;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.dispose()));
});

function callerIdAt(dataDir: string, i: number): HostSettings {
  // A port that does not exist: the reader starts, finds no device and waits, as at a desk.
  return { callerId: { enabled: true, path: join(dataDir, `no-such-port-${i}`), baudRate: 1200, family: 'xdmfBinary' }, alarms: { ringsHere: true, volume: 80 } };
}

describe('settings:update', () => {
  it('S3: 40 concurrent updates all succeed; the file is valid JSON with the last one, no temp files are left, and a restart reads it back', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dutydesk-host-'));
    const services = await start(dataDir);
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => services.handlers['settings:update'](callerIdAt(dataDir, i))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const last = callerIdAt(dataDir, 39);
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual(last);
    // `sync` is the sync folder (journal, instance record) made at start (issue 13).
    expect((await readdir(dataDir)).sort()).toEqual(['logs', 'settings.json', 'sync']);
    expect(services.settings()).toMatchObject({ settings: last, warning: null });
    await services.dispose();

    const restarted = await start(dataDir);
    expect(restarted.settings()).toMatchObject({ settings: last, warning: null, lostKeys: [] });
    expect(restarted.settings().settings.callerId.path).toBe(last.callerId.path);
  });

  it('S3: a corrupt file at start runs on defaults, names the lost settings in the state and the log, and keeps the file aside', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'dutydesk-host-'));
    await writeFile(join(dataDir, 'settings.json'), '{"callerId": {"enabled": true, "path": "COM3"}}\n}\n');
    const services = await start(dataDir);
    expect(services.settings()).toMatchObject({ warning: 'corrupt', settings: defaultHostSettings, lostKeys: ['callerId.enabled', 'callerId.path', 'callerId.baudRate', 'callerId.family', 'alarms.ringsHere', 'alarms.volume'] });
    expect(await services.handlers['settings:get']()).toEqual(services.settings());
    const log = await readFile(join(dataDir, 'logs', 'host.log'), 'utf8');
    expect(log).toContain('callerId.enabled,callerId.path,callerId.baudRate,callerId.family');
    expect((await readdir(dataDir)).filter((f) => f.startsWith('settings.json.bad-'))).toHaveLength(1);
  });
});

describe('log:write', () => {
  async function logLines(write: (s: HostServices) => unknown): Promise<Record<string, unknown>[]> {
    const dataDir = await mkdtemp(join(tmpdir(), 'dutydesk-host-'));
    const services = await start(dataDir);
    await write(services);
    const text = await readFile(join(dataDir, 'logs', 'host.log'), 'utf8');
    return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  it('S14: a renderer context cannot forge the level, message or time of its entry', async () => {
    const lines = await logLines((s) => s.handlers['log:write']({ level: 'info', message: 'queue opened', context: { level: 'error', message: 'manager PIN reset', at: '1999-01-01T00:00:00.000Z', unit: '3-1502' } }));
    const entry = lines.at(-1)!;
    expect(entry.level).toBe('info');
    expect(entry.message).toBe('renderer: queue opened');
    expect(entry.at).not.toBe('1999-01-01T00:00:00.000Z');
    expect(entry.context).toEqual({ level: 'error', message: 'manager PIN reset', at: '1999-01-01T00:00:00.000Z', unit: '3-1502' });
  });

  it('S14: a huge renderer context is cut to a bounded size', async () => {
    const context = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'x'.repeat(500)]));
    const lines = await logLines((s) => s.handlers['log:write']({ level: 'warn', message: 'big', context }));
    const entry = lines.at(-1)!;
    expect(entry.level).toBe('warn');
    expect(JSON.stringify(entry).length).toBeLessThan(LOG_CONTEXT_MAX_CHARS + 500);
    expect(entry.context).toMatchObject({ originalChars: JSON.stringify(context).length });
  });
});
