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
    expect(await loadSettings(path)).toEqual({ settings: defaultHostSettings, warning: null, path });
  });

  it('round-trips what was saved', async () => {
    const { path } = await tempFile();
    const settings = { callerId: { enabled: true, path: '/dev/ttyUSB0', baudRate: 1200, family: 'xdmfBinary' as const } };
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

  it('falls back with a warning when values are out of range', async () => {
    const { path } = await tempFile();
    await writeFile(path, JSON.stringify({ callerId: { enabled: true, path: '/dev/x', baudRate: -5, family: 'auto' } }));
    expect(await loadSettings(path)).toMatchObject({ warning: 'invalid', settings: defaultHostSettings });
  });

  it('fills keys an older file lacks from the defaults', async () => {
    const { path } = await tempFile();
    await writeFile(path, '\uFEFF{"callerId": {"enabled": true, "path": "/dev/ttyS0"}}');
    expect(await loadSettings(path)).toMatchObject({ warning: null, settings: { callerId: { enabled: true, path: '/dev/ttyS0', baudRate: 9600 } } });
  });

  it('refuses to save invalid settings and leaves the file as it was', async () => {
    const { path } = await tempFile();
    await saveSettings(path, defaultHostSettings);
    await expect(saveSettings(path, { callerId: { ...defaultHostSettings.callerId, baudRate: 0 } })).rejects.toThrow();
    expect((await loadSettings(path)).settings).toEqual(defaultHostSettings);
  });
});
