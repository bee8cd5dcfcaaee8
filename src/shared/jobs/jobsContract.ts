// The bridge's soft jobs (issue 16): work that falls due on the calendar, which the host's
// schedule notices (node-cron, and a catch-up at start when the machine was off) and the renderer
// does, because the events it writes live in the renderer's store. The host keeps the last period
// done per job in a small durable file; `jobs:done` records one, `jobs:due` (method and event)
// lists what is due now.
import { z } from 'zod';

/** R-LEFTOVER: at month end what is still open is carried into next month's file. */
export const JOB_NAMES = ['leftovers.monthEnd'] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const dueJob = z.object({
  job: z.enum(JOB_NAMES),
  /** The period that has begun and is not done yet: a month, `YYYY-MM`. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});
export type DueJob = z.infer<typeof dueJob>;

export const dueJobList = z.array(dueJob).max(JOB_NAMES.length);

export const jobsMethods = {
  'jobs:due': { args: z.tuple([]), result: dueJobList },
  /** The renderer did the job for this period; false when that period is not the one due (nothing recorded). */
  'jobs:done': { args: z.tuple([dueJob]), result: z.boolean() },
} as const;

export const jobsEvents = {
  'jobs:due': dueJobList,
} as const;
