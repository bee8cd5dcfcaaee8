import { readFile, rename, stat } from 'node:fs/promises';
import { z } from 'zod';
import { replaceFileDurably } from '../durableFile';
import type { Logger } from '../logging/logger';
import type { AlarmEntry, FiredState } from './alarmSchedule';
import { ALARM_LIMITS, parseAlarmList } from '../../shared/alarms/alarmList';

// The pending deadlines on disk (`<dataDir>/alarms/pending.json`, a 0700 folder, 0600 file), so
// that after a restart a deadline that passed meanwhile rings before the renderer is back. A
// torn or hostile file is set aside (renamed, for whoever investigates) and logged; the desk
// starts with no alarms until the renderer hands its list over again, never with a crash.

const FILE_VERSION = 1;
/** Far above 10,000 deadlines with full labels; anything bigger is not ours. */
const MAX_FILE_BYTES = 64 * 2 ** 20;

const epochMs = z.number().int().min(ALARM_LIMITS.earliest).max(ALARM_LIMITS.latest);
const firedState = z.strictObject({ warn: epochMs.optional(), due: epochMs.optional(), escalate: epochMs.optional(), ackedDueAt: epochMs.optional() });

const alarmFile = z.strictObject({
  version: z.literal(FILE_VERSION),
  savedAt: z.number(),
  deadlines: z.array(z.unknown()),
  fired: z.array(firedState),
});

export async function loadAlarms(path: string, logger: Logger): Promise<AlarmEntry[]> {
  let text: string;
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return await setAside(path, logger, 'file too large');
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return await setAside(path, logger, `unreadable (${String((error as NodeJS.ErrnoException).code)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return await setAside(path, logger, 'not JSON (torn write?)');
  }
  const file = alarmFile.safeParse(json);
  if (!file.success) return await setAside(path, logger, 'not an alarm file');
  const list = parseAlarmList(file.data.deadlines);
  if (!list.ok) return await setAside(path, logger, list.reason);
  if (file.data.fired.length !== list.deadlines.length) return await setAside(path, logger, 'fired states do not match the deadlines');
  return list.deadlines.map((deadline, index) => ({ deadline, fired: { ...file.data.fired[index] } }));
}

export async function saveAlarms(path: string, entries: Iterable<AlarmEntry>, savedAt: number): Promise<void> {
  const deadlines = [];
  const fired: FiredState[] = [];
  for (const entry of entries) {
    deadlines.push(entry.deadline);
    fired.push(entry.fired);
  }
  await replaceFileDurably(path, JSON.stringify({ version: FILE_VERSION, savedAt, deadlines, fired }));
}

/**
 * Saves in the background, one write at a time; changes made during a write are saved by one
 * more write after it (1,000 alarms firing together cost two writes, not a thousand).
 */
export function createAlarmSaver(path: string, snapshot: () => Iterable<AlarmEntry>, now: () => number, logger: Logger) {
  let saving: Promise<void> | null = null;
  let dirty = false;
  let stopped = false;
  return {
    save(): void {
      dirty = true;
      saving ??= (async () => {
        while (dirty && !stopped) {
          dirty = false;
          try {
            await saveAlarms(path, snapshot(), now());
          } catch (error) {
            logger.error('alarms: could not save the pending deadlines', { path, error: String(error) });
          }
        }
        saving = null;
      })();
    },
    /** Resolves once what was last changed is on disk. */
    async flush(): Promise<void> {
      while (saving) await saving;
    },
    /** Saves what is pending, then no more. */
    async stop(): Promise<void> {
      await this.flush();
      stopped = true;
    },
  };
}

async function setAside(path: string, logger: Logger, reason: string): Promise<AlarmEntry[]> {
  const aside = `${path}.bad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(path, aside);
    logger.error('alarms: the saved deadlines were not usable and were set aside; none ring until the desk hands its list again', { path, aside, reason });
  } catch (error) {
    logger.error('alarms: the saved deadlines were not usable and could not be set aside', { path, reason, code: String((error as NodeJS.ErrnoException).code) });
  }
  return [];
}
