import { z } from 'zod';

// The pending deadlines the renderer hands the host (issue 15): absolute epoch ms, so the host
// needs no rule, time zone or ticket to ring them. Everything here is renderer input and, on
// disk, file input: a list that fails any check is refused whole, with a reason, never repaired.
// Pure zod, no Node: the bridge contract can take it over as it is.

export const ALARM_LIMITS = {
  maxDeadlines: 10_000,
  maxIdChars: 128,
  maxLabels: 8,
  maxLabelValueChars: 300,
  /** Epoch-ms bounds: a wrong unit (seconds, µs) or a garbage number is refused, not armed. */
  earliest: Date.UTC(2000, 0, 1),
  latest: Date.UTC(2200, 0, 1),
} as const;

const LABEL_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const epochMs = z.number().int().min(ALARM_LIMITS.earliest).max(ALARM_LIMITS.latest);

/** No control characters: an id ends up in logs and in the file. */
export const alarmIdSchema = z.string().min(1).max(ALARM_LIMITS.maxIdChars).regex(/^\P{Cc}+$/u, 'no control characters');

/** Ids removed from the pending list (alarms:patch). */
export const alarmIdList = z.array(alarmIdSchema).max(ALARM_LIMITS.maxDeadlines);

export const alarmDeadline = z
  .strictObject({
    id: alarmIdSchema,
    dueAt: epochMs,
    warnAt: epochMs.optional(),
    escalateAt: epochMs.optional(),
    // What the alarm bar shows (ticket number, unit, what is due): opaque to the host.
    labels: z
      .unknown()
      // Checked on the input: z.record drops a `__proto__` key silently instead of refusing it.
      .refine((v) => typeof v !== 'object' || v === null || Object.keys(v).every((key) => LABEL_NAME.test(key)), 'label names are letters, digits and _')
      .pipe(z.record(z.string(), z.string().max(ALARM_LIMITS.maxLabelValueChars)))
      .refine((labels) => Object.keys(labels).length <= ALARM_LIMITS.maxLabels, `at most ${ALARM_LIMITS.maxLabels} labels`)
      .optional(),
  })
  .refine((d) => d.warnAt === undefined || d.warnAt <= d.dueAt, { message: 'warnAt is after dueAt', path: ['warnAt'] })
  .refine((d) => d.escalateAt === undefined || d.escalateAt >= d.dueAt, { message: 'escalateAt is before dueAt', path: ['escalateAt'] });

export type AlarmDeadline = z.infer<typeof alarmDeadline>;

export const alarmDeadlineList = z.array(alarmDeadline).max(ALARM_LIMITS.maxDeadlines);

export type ParsedList = { ok: true; deadlines: AlarmDeadline[] } | { ok: false; reason: string };

/** Never throws: any input gets either the valid list or a reason a person can read. */
export function parseAlarmList(input: unknown): ParsedList {
  // A huge array is refused before zod walks every element of it.
  if (Array.isArray(input) && input.length > ALARM_LIMITS.maxDeadlines) {
    return { ok: false, reason: `${input.length} deadlines, at most ${ALARM_LIMITS.maxDeadlines}` };
  }
  let parsed;
  try {
    parsed = alarmDeadlineList.safeParse(input);
  } catch (error) {
    return { ok: false, reason: `unreadable list (${String(error).slice(0, 100)})` };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `deadline ${issue.path.map(String).join('.')}` : 'list';
    return { ok: false, reason: `${where}: ${issue?.message ?? 'invalid'}`.slice(0, 300) };
  }
  const seen = new Map<string, number>();
  for (const [index, deadline] of parsed.data.entries()) {
    const first = seen.get(deadline.id);
    if (first !== undefined) return { ok: false, reason: `deadline ${index}: duplicate id (also deadline ${first})` };
    seen.set(deadline.id, index);
  }
  return { ok: true, deadlines: parsed.data };
}
