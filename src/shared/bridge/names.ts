// The bridge's method and event names, apart from their zod schemas so the sandboxed
// preload can refuse unknown names without bundling zod. contract.ts keys its schemas by
// these lists (a `satisfies` check fails the type-check if the two ever differ).

export const BRIDGE_METHOD_NAMES = [
  'app:info',
  'settings:get',
  'settings:update',
  'log:write',
  'window:attention',
  'power:keepAwake',
  'callerId:status',
  'callerId:listPorts',
  'callerId:recentCalls',
  'sync:state',
  'sync:enrol',
  'sync:test',
  'sync:unenrol',
  'sync:schedule',
  'sync:request',
  'sync:push',
  'sync:pull',
  'sync:journalAppend',
  'sync:journalAck',
  'sync:journalPending',
  'sync:instance',
  'print:toPdf',
  'alarms:set',
  'alarms:patch',
  'alarms:acknowledge',
  'alarms:state',
  'alarms:ringsHere',
  'jobs:due',
  'jobs:done',
] as const;

export const BRIDGE_EVENT_NAMES = ['callerId:call', 'callerId:status', 'callerId:raw', 'callerId:event', 'settings:changed', 'sync:tick', 'sync:state', 'alarms:fired', 'alarms:clockStep', 'jobs:due'] as const;

export type BridgeMethodName = (typeof BRIDGE_METHOD_NAMES)[number];
export type BridgeEventName = (typeof BRIDGE_EVENT_NAMES)[number];

/** The desktop shell's two IPC channels: one invoke for every method, one for every event. */
export const DESKTOP_IPC = { invoke: 'desk:invoke', event: 'desk:event' } as const;

const methodNames: ReadonlySet<string> = new Set(BRIDGE_METHOD_NAMES);
const eventNames: ReadonlySet<string> = new Set(BRIDGE_EVENT_NAMES);

export function isBridgeMethod(name: unknown): name is BridgeMethodName {
  return typeof name === 'string' && methodNames.has(name);
}

export function isBridgeEvent(name: unknown): name is BridgeEventName {
  return typeof name === 'string' && eventNames.has(name);
}
