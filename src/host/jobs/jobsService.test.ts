import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/bridge/dispatch';
import type { DueJob } from '../../shared/jobs/jobsContract';
import { HostEvents } from '../hostEvents';
import type { Logger } from '../logging/logger';
import type { CronFactory } from '../sync/syncScheduler';
import { createHostServices, type HostServices } from '../hostServices';
import { createJobsService, JOBS_CRON, type JobsService } from './jobsService';

// R-LEFTOVER's month end on the host: a fake clock and a fake cron stand in for time, the state
// file is real. What is asserted is what a renderer observes: the `jobs:due` events and answers.

const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(iso);
const logger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

function fakeCron() {
  const tasks: { expression: string; run: () => void; stopped: boolean }[] = [];
  const factory: CronFactory = (expression, run) => {
    const task = { expression, run, stopped: false };
    tasks.push(task);
    return { stop: () => void (task.stopped = true) };
  };
  return { tasks, factory, fire: () => tasks.filter((t) => !t.stopped).forEach((t) => t.run()) };
}

const started: (JobsService | HostServices)[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.dispose()));
});

async function host(dataDir: string, clock: { now: number }) {
  const events = new HostEvents();
  const heard: DueJob[][] = [];
  events.subscribe((name, payload) => name === 'jobs:due' && heard.push(payload as DueJob[]));
  const cron = fakeCron();
  const jobs = await createJobsService({ dataDir, events, logger, now: () => clock.now, cron: cron.factory, timeZone: TZ });
  started.push(jobs);
  return { jobs, cron, heard };
}

describe('month-end jobs (host)', () => {
  it('R-LEFTOVER: the month changes while running: the hourly check tells the renderer once it is due, and not after it is done', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobs-'));
    const clock = { now: at('2026-11-30T22:00:00+08:00') };
    const first = await host(dir, clock);
    // First start ever: this month counts as due (the carry finds nothing to move); done at once.
    expect(await first.jobs.handlers['jobs:done']({ job: 'leftovers.monthEnd', period: '2026-11' })).toBe(true);
    first.heard.length = 0;
    expect(first.cron.tasks[0]!.expression).toBe(JOBS_CRON);
    first.cron.fire();
    expect(first.heard).toEqual([]);
    clock.now = at('2026-12-01T00:00:00+08:00');
    first.cron.fire();
    expect(first.heard).toEqual([[{ job: 'leftovers.monthEnd', period: '2026-12' }]]);
    expect(await first.jobs.handlers['jobs:due']()).toEqual([{ job: 'leftovers.monthEnd', period: '2026-12' }]);
    expect(await first.jobs.handlers['jobs:done']({ job: 'leftovers.monthEnd', period: '2026-12' })).toBe(true);
    clock.now = at('2026-12-01T01:00:00+08:00');
    first.cron.fire();
    expect(first.heard).toHaveLength(1);
    expect(await first.jobs.handlers['jobs:due']()).toEqual([]);
  });

  it('R-LEFTOVER: the machine off over month end catches up at the next start; a restart after it is done finds nothing due', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobs-'));
    const clock = { now: at('2027-01-20T09:00:00+08:00') };
    const before = await host(dir, clock);
    await before.jobs.handlers['jobs:done']({ job: 'leftovers.monthEnd', period: '2027-01' });
    before.jobs.dispose();
    expect(before.cron.tasks.every((t) => t.stopped)).toBe(true);
    // Off from 20 January to 3 March.
    clock.now = at('2027-03-03T08:30:00+08:00');
    const after = await host(dir, clock);
    expect(await after.jobs.handlers['jobs:due']()).toEqual([{ job: 'leftovers.monthEnd', period: '2027-03' }]);
    expect(await after.jobs.handlers['jobs:done']({ job: 'leftovers.monthEnd', period: '2027-03' })).toBe(true);
    after.jobs.dispose();
    const again = await host(dir, clock);
    expect(await again.jobs.handlers['jobs:due']()).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, 'jobs.json'), 'utf8'))).toEqual({ 'leftovers.monthEnd': '2027-03' });
  });

  it('a month is read in the machine\'s zone (it stands at the estate): 23:30 UTC on 31 December is already January in Shanghai', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobs-'));
    const clock = { now: at('2026-12-31T23:30:00Z') };
    const { jobs } = await host(dir, clock);
    expect(await jobs.handlers['jobs:due']()).toEqual([{ job: 'leftovers.monthEnd', period: '2027-01' }]);
  });

  it('a period not due is not recorded (a future month would silence the job); an unreadable state file makes the job due again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobs-'));
    const clock = { now: at('2026-12-05T10:00:00+08:00') };
    const { jobs } = await host(dir, clock);
    expect(await jobs.handlers['jobs:done']({ job: 'leftovers.monthEnd', period: '2099-12' })).toBe(false);
    expect(await jobs.handlers['jobs:done']({ job: 'leftovers.monthEnd', period: '2026-11' })).toBe(false);
    expect(await jobs.handlers['jobs:due']()).toEqual([{ job: 'leftovers.monthEnd', period: '2026-12' }]);
    jobs.dispose();
    await writeFile(join(dir, 'jobs.json'), '{"leftovers.monthEnd": "9999-99"');
    const reread = await host(dir, clock);
    expect(await reread.jobs.handlers['jobs:due']()).toEqual([{ job: 'leftovers.monthEnd', period: '2026-12' }]);
  });

  it('hostile jobs:* calls through the bridge dispatch are refused before the host sees them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jobs-'));
    const services = await createHostServices(dir, { shell: 'web', version: 'test', requestAttention: () => {}, keepAwake: () => false });
    started.push(services);
    const refused = [
      ['jobs:done', [{ job: 'rm -rf', period: '2026-12' }]],
      ['jobs:done', [{ job: 'leftovers.monthEnd', period: '2026-13' }]],
      ['jobs:done', [{ job: 'leftovers.monthEnd', period: '../../etc' }]],
      ['jobs:done', [{ job: '__proto__', period: '2026-12' }]],
      ['jobs:done', []],
      ['jobs:done', 'leftovers.monthEnd'],
      ['jobs:due', [1]],
      ['jobs:run', []],
    ] as const;
    for (const [method, args] of refused) {
      expect((await dispatch(services.handlers, method, args)).ok, `${method} ${JSON.stringify(args)}`).toBe(false);
    }
    const due = await dispatch(services.handlers, 'jobs:due', []);
    expect(due).toMatchObject({ ok: true, value: [{ job: 'leftovers.monthEnd' }] });
  });
});
