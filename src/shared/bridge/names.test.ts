import { describe, expect, it } from 'vitest';
import { bridgeEvents, bridgeMethods } from './contract';
import { BRIDGE_EVENT_NAMES, BRIDGE_METHOD_NAMES, isBridgeEvent, isBridgeMethod } from './names';

describe('bridge names', () => {
  it('are exactly the keys of the contract', () => {
    expect([...BRIDGE_METHOD_NAMES].sort()).toEqual(Object.keys(bridgeMethods).sort());
    expect([...BRIDGE_EVENT_NAMES].sort()).toEqual(Object.keys(bridgeEvents).sort());
  });

  it('accept only contract names, never inherited properties or non-strings', () => {
    expect(isBridgeMethod('app:info')).toBe(true);
    expect(isBridgeMethod('callerId:call')).toBe(false);
    expect(isBridgeEvent('callerId:call')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', '', 'APP:INFO', 42, null, undefined, {}]) {
      expect(isBridgeMethod(name)).toBe(false);
      expect(isBridgeEvent(name)).toBe(false);
    }
  });
});
