// The host's soft jobs (issue 16, R-LEFTOVER): the month-end carry of the leftover-issues file.
// The renderer does the work (it writes events); the host notices when a job falls due, by a
// node-cron check every hour while running and once at start (the machine off over month end
// catches up then), and keeps the last period done per job in a durable file, so a job is done
// once per period on this station whatever restarts in between.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { schedule } from 'node-cron';
import type { BridgeHandlers } from '../../shared/bridge/contract';
import { JOB_NAMES, dueJob, type DueJob, type JobName } from '../../shared/jobs/jobsContract';
import { wallParts } from '../../shared/time/zoneClock';
import { replaceFile } from '../durableFile';
import type { HostEvents } from '../hostEvents';
import type { Logger } from '../logging/logger';
import type { CronFactory } from '../sync/syncScheduler';

/** Minute 0 of every hour: a month change is noticed within the hour, and after a sleep at the next hour. */
export const JOBS_CRON = '0 * * * *';

export const jobsCronFactory: CronFactory = (expression, run) => {
  // unref: the schedule alone never keeps the process alive (dispose stops it anyway).
  const task = schedule(expression, run, { name: 'dutydesk-jobs', noOverlap: true, unref: true });
  return { stop: () => void task.destroy() };
};

export interface JobsOptions {
  dataDir: string;
  events: HostEvents;
  logger: Logger;
  now?: () => number;
  cron?: CronFactory;
  /** The zone whose calendar says when a month ends: the machine's own (it stands at the estate). */
  timeZone?: string;
}

export interface JobsService {
  handlers: Pick<BridgeHandlers, 'jobs:due' | 'jobs:done'>;
  /** The hourly check, also what the cron runs: tells the renderers when something is due. */
  check(): DueJob[];
  dispose(): void;
}

type DoneState = Partial<Record<JobName, string>>;

export function currentMonth(instant: number, timeZone: string): string {
  const { year, month } = wallParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

async function readDone(path: string, logger: Logger): Promise<DoneState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const state: DoneState = {};
    for (const job of JOB_NAMES) {
      const parsed = dueJob.shape.period.safeParse(raw?.[job]);
      if (parsed.success) state[job] = parsed.data;
    }
    return state;
  } catch {
    // An unreadable file only makes the job due again: the month-end carry is idempotent.
    logger.warn('jobs: state file unreadable, jobs count as not done', { path });
    return {};
  }
}

export async function createJobsService(options: JobsOptions): Promise<JobsService> {
  const { events, logger } = options;
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const path = join(options.dataDir, 'jobs.json');
  const done = await readDone(path, logger);
  let writes: Promise<void> = Promise.resolve();

  const due = (): DueJob[] => {
    const period = currentMonth(now(), timeZone);
    // A clock set back past a done period does not make it due again.
    return JOB_NAMES.filter((job) => (done[job] ?? '') < period).map((job) => ({ job, period }));
  };

  const check = (): DueJob[] => {
    const list = due();
    if (list.length) events.emit('jobs:due', list);
    return list;
  };

  const task = (options.cron ?? jobsCronFactory)(JOBS_CRON, () => void check());
  // At start: what fell due while the machine was off (a renderer that is already listening hears it).
  const atStart = check();
  if (atStart.length) logger.info('jobs: due at start', { jobs: atStart.map((j) => `${j.job}@${j.period}`).join(',') });

  return {
    handlers: {
      'jobs:due': () => due(),
      'jobs:done': async ({ job, period }) => {
        // Only the period due now: a renderer cannot mark a future month done and silence the job.
        if (!due().some((d) => d.job === job && d.period === period)) return false;
        done[job] = period;
        const snapshot = JSON.stringify(done);
        writes = writes.then(() => replaceFile(path, snapshot)).catch((error: unknown) => logger.error('jobs: state not saved', { error: String(error) }));
        await writes;
        logger.info('jobs: done', { job, period });
        return true;
      },
    },
    check,
    dispose: () => task.stop(),
  };
}
