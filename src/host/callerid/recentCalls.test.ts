import { describe, expect, it } from 'vitest';
import type { CallerIdCall } from '../../shared/bridge/contract';
import { HostEvents } from '../hostEvents';
import { RecentCalls } from './recentCalls';

const call = (id: string, at: number): CallerIdCall => ({ id, number: '13800138000', name: null, withheld: false, numberStatus: 'present', at });

describe('recent calls kept for a renderer that was away (S17)', () => {
  it('S17: a call emitted while no renderer listens is kept, oldest first, with its id', () => {
    const events = new HostEvents(new RecentCalls(() => 10_000));
    events.emit('callerId:call', call('a', 9_000));
    events.emit('callerId:status', { state: 'connected', code: null, message: null, family: null, lastCallAt: 9_000, garbageCount: 0 });
    events.emit('callerId:call', call('b', 9_500));
    expect(events.recentCalls().map((c) => c.id)).toEqual(['a', 'b']);
    // Live listeners still get every event; a listener that throws does not starve the others.
    const seen: string[] = [];
    events.subscribe(() => { throw new Error('renderer gone'); });
    events.subscribe((event) => seen.push(event));
    events.emit('callerId:call', call('c', 9_900));
    expect(seen).toEqual(['callerId:call']);
  });

  it('keeps at most the last 20, none older than 10 minutes, and each id once', () => {
    let now = 0;
    const recent = new RecentCalls(() => now);
    for (let i = 0; i < 25; i++) recent.add(call(`c${i}`, i * 1000));
    recent.add(call('c24', 24_000));
    now = 24_000;
    expect(recent.list().map((c) => c.id)).toEqual(Array.from({ length: 20 }, (_, i) => `c${i + 5}`));
    now = 10 * 60_000 + 20_000;
    expect(recent.list().map((c) => c.id)).toEqual(['c20', 'c21', 'c22', 'c23', 'c24']);
    now = 60 * 60_000;
    expect(recent.list()).toEqual([]);
  });
});
