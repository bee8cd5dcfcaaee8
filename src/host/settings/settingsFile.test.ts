import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultHostSettings } from '../../shared/bridge/contract';
import { loadSettings, saveSettings } from './settingsFile';

async function tempFile() {
  const dir = await mkdtemp(join(tmpdir(), 'dutydesk-settings-'));
  return { dir, path: join(dir, 'settings.json') };
}

describe('host settings file', () => {
  it('starts on defaults when there is no file, without a warning', async () => {
    const { path } = await tempFile();
    expect(await loadSettings(path)).toEqual({ settings: defaultHostSettings, warning: null, lostKeys: [], path });
  });

  it('round-trips what was saved', async () => {
    const { path } = await tempFile();
    const settings = { callerId: { enabled: true, path: '/dev/ttyUSB0', baudRate: 1200, family: 'xdmfBinary' as const }, alarms: { ringsHere: false, volume: 35 } };
    await saveSettings(path, settings);
    expect((await loadSettings(path)).settings).toEqual(settings);
  });

  it('falls back to defaults with a warning on a corrupted file, and keeps the bad copy', async () => {
    const { dir, path } = await tempFile();
    await writeFile(path, '{"callerId": {"enabled": tru');
    const state = await loadSettings(path);
    expect(state.warning).toBe('corrupt');
    expect(state.settings).toEqual(defaultHostSettings);
    const kept = (await readdir(dir)).find((f) => f.startsWith('settings.json.bad-'));
    expect(await readFile(join(dir, kept!), 'utf8')).toBe('{"callerId": {"enabled": tru');
  });

  it('keeps the readable settings and names the one out of range, which is back on its default', async () => {
    const { dir, path } = await tempFile();
    // Issue 15: a volume out of range is named too, and the station still rings (ringsHere kept).
    const text = JSON.stringify({ callerId: { enabled: true, path: '/dev/x', baudRate: -5, family: 'auto' }, alarms: { ringsHere: false, volume: 400 } });
    await writeFile(path, text);
    expect(await loadSettings(path)).toEqual({
      warning: 'invalid',
      lostKeys: ['callerId.baudRate', 'alarms.volume'],
      settings: { callerId: { enabled: true, path: '/dev/x', baudRate: 9600, family: 'auto' }, alarms: { ringsHere: false, volume: 80 } },
      path,
    });
    expect(await readFile(join(dir, (await readdir(dir)).find((f) => f.startsWith('settings.json.bad-'))!), 'utf8')).toBe(text);
  });

  it('fills keys an older file lacks from the defaults', async () => {
    const { path } = await tempFile();
    await writeFile(path, '\uFEFF{"callerId": {"enabled": true, "path": "/dev/ttyS0"}}');
    expect(await loadSettings(path)).toMatchObject({ warning: null, settings: { callerId: { enabled: true, path: '/dev/ttyS0', baudRate: 9600 } } });
  });

  it('refuses to save invalid settings and leaves the file as it was', async () => {
    const { path } = await tempFile();
    await saveSettings(path, defaultHostSettings);
    await expect(saveSettings(path, { ...defaultHostSettings, callerId: { ...defaultHostSettings.callerId, baudRate: 0 } })).rejects.toThrow();
    expect((await loadSettings(path)).settings).toEqual(defaultHostSettings);
  });
});

describe('S3: a settings file that cannot be used', () => {
  it('S3: a corrupt file is kept aside under a new name at every start that finds new text, never over an earlier copy, and every setting is named as lost', async () => {
    const { dir, path } = await tempFile();
    await writeFile(path, '{"callerId": {"enabled": tru');
    const first = await loadSettings(path);
    expect(first).toMatchObject({ warning: 'corrupt', lostKeys: ['callerId.enabled', 'callerId.path', 'callerId.baudRate', 'callerId.family', 'alarms.ringsHere', 'alarms.volume'] });
    // The same bad text at the next start is not copied again; different bad text gets its own copy.
    await loadSettings(path);
    await writeFile(path, '{"callerId": null');
    await loadSettings(path);
    const copies = (await readdir(dir)).filter((f) => f.startsWith('settings.json.bad-')).sort();
    expect(copies).toHaveLength(2);
    const texts = await Promise.all(copies.map((f) => readFile(join(dir, f), 'utf8')));
    expect(texts.sort()).toEqual(['{"callerId": null', '{"callerId": {"enabled": tru']);
  });

  it('S3: a callerId that is not an object loses all its settings; unknown keys are ignored, missing ones are not lost', async () => {
    const { path } = await tempFile();
    await writeFile(path, JSON.stringify({ callerId: 'COM3', extra: 1 }));
    expect(await loadSettings(path)).toMatchObject({ warning: 'invalid', lostKeys: ['callerId.enabled', 'callerId.path', 'callerId.baudRate', 'callerId.family'], settings: defaultHostSettings });
    await writeFile(path, JSON.stringify({ callerId: { path: 'COM3', family: 'nonsense' } }));
    expect(await loadSettings(path)).toMatchObject({ warning: 'invalid', lostKeys: ['callerId.family'], settings: { callerId: { ...defaultHostSettings.callerId, path: 'COM3' } } });
  });

  it('S3: saves running at once each use their own temp file and leave none behind', async () => {
    const { dir, path } = await tempFile();
    const saves = Array.from({ length: 20 }, (_, i) => saveSettings(path, { ...defaultHostSettings, callerId: { ...defaultHostSettings.callerId, path: `/dev/ttyUSB${i}` } }));
    expect((await Promise.allSettled(saves)).filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await readdir(dir)).toEqual(['settings.json']);
    expect(JSON.parse(await readFile(path, 'utf8')).callerId.path).toMatch(/^\/dev\/ttyUSB\d+$/);
  });
});
