import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { defaultHostSettings, type BridgeHandlers } from './contract';

const syncState = { enrolled: false, hubUrl: null, site: null, station: null, everyMinutes: 1, reachable: null, lastError: null, retryAt: null, offsetMs: null, hubEpoch: null, lastContactAt: null };
const notEnrolled = { ok: false as const, failure: 'notEnrolled' as const, status: null, message: 'not enrolled' };

const handlers = {
  'app:info': () => ({ shell: 'web', version: '1', platform: 'linux', dataDir: '/tmp' }),
  'settings:get': () => ({ settings: defaultHostSettings, warning: null, lostKeys: [], path: '/tmp/s.json' }),
  'settings:update': (s) => ({ settings: s, warning: null, lostKeys: [], path: '/tmp/s.json' }),
  'log:write': () => null,
  'window:attention': () => null,
  'power:keepAwake': (on) => on,
  'callerId:status': () => { throw new Error('reader exploded'); },
  'callerId:listPorts': () => [],
  'callerId:recentCalls': () => [],
  'sync:state': () => syncState,
  'sync:enrol': () => notEnrolled,
  'sync:test': () => notEnrolled,
  'sync:unenrol': () => syncState,
  'sync:schedule': (everyMinutes) => ({ ...syncState, everyMinutes }),
  'sync:request': () => null,
  'sync:push': () => notEnrolled,
  'sync:pull': () => notEnrolled,
  'sync:journalAppend': () => null,
  'sync:journalAck': () => null,
  'sync:journalPending': () => ({ events: [], next: null }),
  'sync:instance': () => ({ status: 'new', previous: null }),
  'print:toPdf': () => ({ ok: true, path: '/tmp/register.pdf' }),
  'alarms:set': (list) => ({ ok: true, count: list.length }),
  'alarms:patch': (upserts) => ({ ok: true, count: upserts.length }),
  'alarms:acknowledge': () => true,
  'alarms:state': () => ({ ringing: [], pending: 0, lastClockStep: null }),
  'alarms:ringsHere': () => null,
  'jobs:due': () => [],
  'jobs:done': () => false,
} satisfies BridgeHandlers;

describe('bridge dispatch', () => {
  it('calls a known method with valid arguments', async () => {
    expect(await dispatch(handlers, 'power:keepAwake', [true])).toEqual({ ok: true, value: true });
  });

  it('refuses unknown methods, including prototype names', async () => {
    expect(await dispatch(handlers, 'fs:readFile', [])).toMatchObject({ ok: false, error: 'unknownMethod' });
    expect(await dispatch(handlers, 'constructor', [])).toMatchObject({ ok: false, error: 'unknownMethod' });
    expect(await dispatch(handlers, 42, [])).toMatchObject({ ok: false, error: 'unknownMethod' });
  });

  it('refuses arguments that do not match the contract', async () => {
    expect(await dispatch(handlers, 'power:keepAwake', ['yes'])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'settings:update', [{ callerId: { enabled: true } }])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'app:info', 'not an array')).toMatchObject({ ok: false, error: 'badArguments' });
    // The sync methods' arguments are renderer input too (issue 13).
    expect(await dispatch(handlers, 'sync:schedule', [0])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'sync:pull', [{ after: -1, limit: 10 }])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'sync:schedule', [5])).toMatchObject({ ok: true, value: { everyMinutes: 5 } });
    // Issue 14: a PDF's name is a plain file name, never a path.
    expect(await dispatch(handlers, 'print:toPdf', [{ fileName: '../../evil', landscape: true }])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'print:toPdf', [{ fileName: 'C:\\x', landscape: true }])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'print:toPdf', [{ fileName: '报修记录 2026-12-06', landscape: true }])).toMatchObject({ ok: true });
    // Issue 15: a list that is not one, or too long, or an id with a control character, never reaches the
    // alarm clock (which checks each deadline itself: src/host/alarms/alarmService.test.ts).
    expect(await dispatch(handlers, 'alarms:set', [{ id: 'a', dueAt: 1_800_000_000 }])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'alarms:set', [Array.from({ length: 10_001 }, () => ({}))])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'alarms:acknowledge', ['a\u0000'])).toMatchObject({ ok: false, error: 'badArguments' });
    expect(await dispatch(handlers, 'alarms:set', [[{ id: 'a', dueAt: Date.UTC(2026, 11, 6) }]])).toMatchObject({ ok: true, value: { ok: true, count: 1 } });
  });

  it('reports a failing handler without throwing', async () => {
    expect(await dispatch(handlers, 'callerId:status', [])).toEqual({ ok: false, error: 'failed', message: 'reader exploded' });
  });
});
