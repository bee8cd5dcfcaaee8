import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { defaultHostSettings, type BridgeHandlers } from './contract';

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
  });

  it('reports a failing handler without throwing', async () => {
    expect(await dispatch(handlers, 'callerId:status', [])).toEqual({ ok: false, error: 'failed', message: 'reader exploded' });
  });
});
