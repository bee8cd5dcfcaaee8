import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { replaceFile, writeNewFileDurably } from '../durableFile';
import { defaultHostSettings, hostSettings, type HostSettings, type HostSettingsState } from '../../shared/bridge/contract';
import { recoverSettings, settingKeys } from './settingsRecovery';

// Host settings on disk. A corrupted or invalid file never stops the desk: what can be read is
// kept, the rest is on defaults, the UI names the settings that were lost, and the bad file is
// kept aside for whoever investigates (S3).

export async function loadSettings(path: string): Promise<HostSettingsState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultHostSettings, warning: null, lostKeys: [], path };
    return { settings: defaultHostSettings, warning: 'unreadable', lostKeys: settingKeys(), path };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Text that is not JSON is not guessed at: a torn value could name the wrong port.
    await keepBadCopy(path, text);
    return { settings: defaultHostSettings, warning: 'corrupt', lostKeys: settingKeys(), path };
  }
  const { settings, lostKeys } = recoverSettings(json);
  if (lostKeys.length > 0) await keepBadCopy(path, text);
  return { settings, warning: lostKeys.length > 0 ? 'invalid' : null, lostKeys, path };
}

const BAD_COPY_INFIX = '.bad-';

/**
 * Keeps the unusable text beside the settings under a new name, never over an earlier copy
 * (`wx`); the same text already kept (a desk restarted before anyone saved) is not kept twice.
 */
async function keepBadCopy(path: string, text: string): Promise<void> {
  try {
    const folder = dirname(path);
    const prefix = `${basename(path)}${BAD_COPY_INFIX}`;
    for (const name of await readdir(folder)) {
      if (name.startsWith(prefix) && (await readFile(join(folder, name), 'utf8').catch(() => null)) === text) return;
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await writeNewFileDurably(`${path}${BAD_COPY_INFIX}${stamp}-${randomBytes(4).toString('hex')}`, text);
  } catch {
    // Keeping the copy is a courtesy; failing to keep it must not stop the start.
  }
}

/**
 * Writes atomically and durably: a temp file of its own in the same folder (concurrent saves
 * never share one, S3), fsync, rename over the settings, fsync the folder so the rename itself
 * survives a power cut. Callers serialise saves (hostServices); this never leaves a temp file.
 */
export async function saveSettings(path: string, settings: HostSettings): Promise<HostSettingsState> {
  const valid = hostSettings.parse(settings);
  await mkdir(dirname(path), { recursive: true });
  await replaceFile(path, `${JSON.stringify(valid, null, 2)}\n`);
  return { settings: valid, warning: null, lostKeys: [], path };
}
