import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { defaultHostSettings, hostSettings, type HostSettings, type HostSettingsState } from '../../shared/bridge/contract';

// Host settings on disk. A corrupted or invalid file never stops the desk: defaults are used,
// the UI shows the warning, and the bad file is kept beside for whoever investigates.

export async function loadSettings(path: string): Promise<HostSettingsState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings: defaultHostSettings, warning: null, path };
    return { settings: defaultHostSettings, warning: 'unreadable', path };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    await keepBadCopy(path, text);
    return { settings: defaultHostSettings, warning: 'corrupt', path };
  }
  const parsed = hostSettings.safeParse(mergeDefaults(json));
  if (!parsed.success) {
    await keepBadCopy(path, text);
    return { settings: defaultHostSettings, warning: 'invalid', path };
  }
  return { settings: parsed.data, warning: null, path };
}

/** Older files may lack newer keys: fill them from the defaults rather than reject the file. */
function mergeDefaults(json: unknown): unknown {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return json;
  const record = json as Record<string, unknown>;
  const callerId = record.callerId;
  return {
    ...defaultHostSettings,
    ...record,
    callerId: callerId && typeof callerId === 'object' ? { ...defaultHostSettings.callerId, ...callerId } : callerId ?? defaultHostSettings.callerId,
  };
}

async function keepBadCopy(path: string, text: string): Promise<void> {
  try {
    await writeFile(`${path}.bad-${Date.now()}`, text);
  } catch {
    // Keeping the copy is a courtesy; failing to keep it must not stop the start.
  }
}

/** Writes atomically (temp file + rename), so a crash mid-write cannot corrupt the settings. */
export async function saveSettings(path: string, settings: HostSettings): Promise<HostSettingsState> {
  const valid = hostSettings.parse(settings);
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
  return { settings: valid, warning: null, path };
}
