import { z } from 'zod';
import { FAMILY_SETTINGS } from '../callerid/families/families';
import type { BridgeEventName, BridgeMethodName } from './names';
import { syncEvents, syncMethods } from '../sync/syncContract';
import { printMethods } from '../print/printContract';
import { alarmEvents, alarmMethods } from '../alarms/alarmContract';
import { jobsEvents, jobsMethods } from '../jobs/jobsContract';

export { isBridgeEvent, isBridgeMethod } from './names';

// The one bridge between the renderer and the host, for both shells (docs/architecture.md "Data
// flow", step 6).
// Both shells route exactly these methods and events; every argument is validated with these
// schemas on the receiving side, and every subscription returns its unsubscribe function.

export const SHELLS = ['desktop', 'web'] as const;

export const appInfo = z.object({
  shell: z.enum(SHELLS),
  version: z.string(),
  platform: z.string(),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;

/** `auto` and every caller-ID family, from the one list in shared/callerid, so the two cannot drift. */
export { FAMILY_SETTINGS as CALLER_ID_FAMILY_SETTINGS };

export const hostSettings = z.object({
  callerId: z.object({
    enabled: z.boolean(),
    path: z.string().max(260),
    baudRate: z.number().int().min(300).max(921_600),
    family: z.enum(FAMILY_SETTINGS),
  }),
  /** Issue 15: whether this workstation rings for deadlines (it answers the front-desk phone) and how loud. */
  alarms: z.object({
    ringsHere: z.boolean(),
    /** 0–100; the escalated sound plays at full volume whatever this says. */
    volume: z.number().int().min(0).max(100),
  }),
});
export type HostSettings = z.infer<typeof hostSettings>;

export const defaultHostSettings: HostSettings = {
  callerId: { enabled: false, path: '', baudRate: 9600, family: 'auto' },
  alarms: { ringsHere: true, volume: 80 },
};

export const hostSettingsState = z.object({
  settings: hostSettings,
  /** Set when the settings file could not be read and defaults are in use. */
  warning: z.enum(['corrupt', 'invalid', 'unreadable']).nullable(),
  /** With a warning: the settings that could not be read and are on their defaults now ('callerId.path'). */
  lostKeys: z.array(z.string().max(100)).max(64),
  path: z.string(),
});
export type HostSettingsState = z.infer<typeof hostSettingsState>;

export const logEntry = z.object({
  level: z.enum(['info', 'warn', 'error']),
  message: z.string().max(2000),
  context: z.record(z.string(), z.union([z.string().max(500), z.number(), z.boolean(), z.null()])).optional(),
});
export type LogEntry = z.infer<typeof logEntry>;

export const callerIdStatus = z.object({
  state: z.enum(['disabled', 'connected', 'noDevice', 'error', 'stopped']),
  code: z.string().max(40).nullable(),
  message: z.string().max(400).nullable(),
  family: z.string().max(40).nullable(),
  lastCallAt: z.number().nullable(),
  garbageCount: z.number().int(),
});
export type CallerIdStatus = z.infer<typeof callerIdStatus>;

export const callerIdCall = z.object({
  id: z.string(),
  /** Digits and a leading + only; null when withheld or unavailable. */
  number: z.string().nullable(),
  name: z.string().nullable(),
  withheld: z.boolean(),
  numberStatus: z.enum(['present', 'private', 'unavailable', 'absent']),
  /** Host clock, epoch ms: the ring time becomes the request's start. */
  at: z.number(),
});
export type CallerIdCall = z.infer<typeof callerIdCall>;

export const serialPortInfo = z.object({ path: z.string(), manufacturer: z.string().nullable(), serialNumber: z.string().nullable() });

const none = z.tuple([]);

export const bridgeMethods = {
  'app:info': { args: none, result: appInfo },
  'settings:get': { args: none, result: hostSettingsState },
  'settings:update': { args: z.tuple([hostSettings]), result: hostSettingsState },
  'log:write': { args: z.tuple([logEntry]), result: z.null() },
  'window:attention': { args: z.tuple([z.enum(['incomingCall', 'alarm'])]), result: z.null() },
  'power:keepAwake': { args: z.tuple([z.boolean()]), result: z.boolean() },
  'callerId:status': { args: none, result: callerIdStatus },
  'callerId:listPorts': { args: none, result: z.array(serialPortInfo) },
  /** The calls of the last minutes, oldest first: a (re)connecting renderer logs those it missed (S17). */
  'callerId:recentCalls': { args: none, result: z.array(callerIdCall).max(50) },
  ...syncMethods,
  ...printMethods,
  ...alarmMethods,
  ...jobsMethods,
} as const satisfies Record<BridgeMethodName, { args: z.ZodType; result: z.ZodType }>;

export const bridgeEvents = {
  'callerId:call': callerIdCall,
  'callerId:status': callerIdStatus,
  'callerId:raw': z.object({ hex: z.string(), at: z.number() }),
  /** Every parser event (rings, calls, repeats, call ends, malformed frames), for the test view. */
  'callerId:event': z.object({ type: z.string(), at: z.number(), summary: z.string() }),
  'settings:changed': hostSettingsState,
  ...syncEvents,
  ...alarmEvents,
  ...jobsEvents,
} as const satisfies Record<BridgeEventName, z.ZodType>;

export type BridgeMethod = keyof typeof bridgeMethods;
export type BridgeEvent = keyof typeof bridgeEvents;
export type MethodArgs<M extends BridgeMethod> = z.infer<(typeof bridgeMethods)[M]['args']>;
export type MethodResult<M extends BridgeMethod> = z.infer<(typeof bridgeMethods)[M]['result']>;
export type EventPayload<E extends BridgeEvent> = z.infer<(typeof bridgeEvents)[E]>;

/** What the renderer sees as `window.desk`, in either shell. */
export interface DeskBridge {
  invoke<M extends BridgeMethod>(method: M, ...args: MethodArgs<M>): Promise<MethodResult<M>>;
  on<E extends BridgeEvent>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** What a shell's host side implements: one handler per method. */
export type BridgeHandlers = { [M in BridgeMethod]: (...args: MethodArgs<M>) => Promise<MethodResult<M>> | MethodResult<M> };
