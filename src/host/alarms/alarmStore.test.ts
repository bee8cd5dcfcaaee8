import { readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE, SECOND, startFakeClock, T0, tempDataDir } from './testing/fakeAlarmClock';

// The pending list on disk (issue 15): after a restart, before the renderer is back, a deadline
// that passed meanwhile rings at once; a torn or hostile file is set aside and logged.

let dataDir: string;
const running: { clock: { dispose(): Promise<void> } }[] = [];
const start = async () => {
  const fake = await startFakeClock(dataDir);
  running.push(fake);
  return fake;
};

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
  dataDir = await tempDataDir();
});

afterEach(async () => {
  for (const fake of running.splice(0)) await fake.clock.dispose();
  vi.useRealTimers();
});

const file = () => join(dataDir, 'alarms', 'pending.json');

describe('alarm clock: restart', () => {
  it('rings at once, before any list arrives, a deadline that passed while the desk was down', async () => {
    const before = await start();
    before.clock.set([{ id: 'reply', dueAt: T0 + 5 * MINUTE, labels: { ticket: 'FD-20261206-001' } }]);
    await before.clock.dispose();
    vi.setSystemTime(T0 + 20 * MINUTE);
    const after = await start();
    expect(after.heard()).toEqual(['reply:due']);
    expect(after.fired[0]).toMatchObject({ lateMs: 15 * MINUTE, deadline: { labels: { ticket: 'FD-20261206-001' } } });
  });

  it('rings again at once what was ringing, but not what was acknowledged or not yet due', async () => {
    const before = await start();
    before.clock.set([
      { id: 'ringing', dueAt: T0 + MINUTE },
      { id: 'acknowledged', dueAt: T0 + MINUTE },
      { id: 'later', dueAt: T0 + 60 * MINUTE },
    ]);
    await before.advance(MINUTE);
    before.clock.acknowledge('acknowledged');
    await before.clock.dispose();
    vi.setSystemTime(T0 + 2 * MINUTE);
    const after = await start();
    expect(after.heard()).toEqual(['ringing:overdue']);
    expect(after.clock.pending().map((d) => d.id)).toEqual(['ringing', 'acknowledged', 'later']);
  });

  it('keeps the file private: 0600 in a 0700 folder (it names units and tickets)', async () => {
    const fake = await start();
    fake.clock.set([{ id: 'x', dueAt: T0 + MINUTE }]);
    await fake.clock.flush();
    expect((await stat(file())).mode & 0o777).toBe(0o600);
    expect((await stat(join(dataDir, 'alarms'))).mode & 0o777).toBe(0o700);
  });
});

describe('alarm clock: a bad file on disk', () => {
  const bad: [string, string][] = [
    ['torn', '{"version":1,"savedAt":1796526000000,"deadlines":[{"id":"x","dueAt":17965'],
    ['not an alarm file', '{"callerId":{"enabled":true}}'],
    ['hostile deadlines', JSON.stringify({ version: 1, savedAt: T0, deadlines: [{ id: 'x', dueAt: 1e300 }], fired: [{}] })],
    ['states that do not match', JSON.stringify({ version: 1, savedAt: T0, deadlines: [{ id: 'x', dueAt: T0 }], fired: [] })],
  ];

  it.each(bad)('sets a %s file aside, logs it and starts with no alarms', async (_name, text) => {
    await mkdir(join(dataDir, 'alarms'), { recursive: true });
    await writeFile(file(), text);
    const fake = await start();
    expect(fake.heard()).toEqual([]);
    expect(fake.clock.pending()).toEqual([]);
    expect(fake.logger.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    const aside = (await readdir(join(dataDir, 'alarms'))).filter((name) => name.startsWith('pending.json.bad-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dataDir, 'alarms', aside[0]!), 'utf8')).toBe(text);
    // The next list from the renderer is kept and rings as usual.
    fake.clock.set([{ id: 'y', dueAt: T0 + SECOND }]);
    await fake.advance(SECOND);
    expect(fake.heard()).toEqual(['y:due']);
    await fake.clock.flush();
    expect(JSON.parse(await readFile(file(), 'utf8')).deadlines).toEqual([{ id: 'y', dueAt: T0 + SECOND }]);
  });
});
