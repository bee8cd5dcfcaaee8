// The bridge's alarm methods and events (issue 15, design.md "Deadlines and alarms"). The
// renderer derives the pending deadlines at its root and hands the whole list over whenever it
// changes (`alarms:set`); the host's alarm clock (host/alarms) fires warn, due, escalate and a
// repeating overdue until the round is acknowledged, and tells every window (`alarms:fired`).
import { z } from 'zod';
import { ALARM_LIMITS, alarmIdSchema } from './alarmList';

export const ALARM_LEVELS = ['warn', 'due', 'escalate', 'overdue'] as const;
export type AlarmLevelName = (typeof ALARM_LEVELS)[number];

/** The labels the renderer puts on each deadline (strings: the host keeps them opaque). */
export interface AlarmLabels {
  ticketId: string;
  number: string;
  ruleId: string;
  /** The unit or place, for the notification's text. */
  where: string;
}

export const setAnswer = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), count: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), reason: z.string().max(400) }),
]);
export type SetAnswer = z.infer<typeof setAnswer>;

const alarmId = alarmIdSchema;

export const alarmFiring = z.object({
  id: alarmId,
  level: z.enum(ALARM_LEVELS),
  /** When this level was due (epoch ms), when it fired, and how late. */
  at: z.number(),
  firedAt: z.number(),
  lateMs: z.number(),
  labels: z.record(z.string(), z.string()),
});
export type AlarmFiring = z.infer<typeof alarmFiring>;

export const clockStep = z.object({ stepMs: z.number(), at: z.number() });
export type ClockStep = z.infer<typeof clockStep>;

export const alarmState = z.object({
  /** Deadlines ringing now (due rung, not acknowledged), with the last level fired. */
  ringing: z.array(z.object({ id: alarmId, since: z.number() })).max(ALARM_LIMITS.maxDeadlines),
  pending: z.number().int().nonnegative(),
  /** The last wall-clock step of more than a minute the host saw (sleep, resume, a clock change). */
  lastClockStep: clockStep.nullable(),
});
export type AlarmState = z.infer<typeof alarmState>;

export const alarmMethods = {
  /**
   * Only the list's shape is checked at the bridge: the alarm clock checks every deadline itself
   * (`parseAlarmList`) and answers a refused list with its reason, keeping the previous one armed.
   * Checking it twice cost a quarter of the handover (issue 15: < 50 ms after a change).
   */
  'alarms:set': { args: z.tuple([z.array(z.unknown()).max(ALARM_LIMITS.maxDeadlines)]), result: setAnswer },
  /** What changed since the last list the host took (deadlines added or changed, ids removed): a save's handover is one deadline, not the thousand. */
  'alarms:patch': { args: z.tuple([z.array(z.unknown()).max(ALARM_LIMITS.maxDeadlines), z.array(z.unknown()).max(ALARM_LIMITS.maxDeadlines)]), result: setAnswer },
  /** Silences one ringing deadline here (the acknowledgement event is the renderer's, on the ticket). */
  'alarms:acknowledge': { args: z.tuple([alarmId]), result: z.boolean() },
  'alarms:state': { args: z.tuple([]), result: alarmState },
  /** Whether this station rings now (issue 16: the holder of the desk; folded by the renderer): the desktop shell notifies and raises only then. */
  'alarms:ringsHere': { args: z.tuple([z.boolean()]), result: z.null() },
} as const;

export const alarmEvents = {
  'alarms:fired': alarmFiring,
  'alarms:clockStep': clockStep,
} as const;
