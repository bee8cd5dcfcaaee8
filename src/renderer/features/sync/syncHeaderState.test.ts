import { describe, expect, it } from 'vitest';
import type { SyncHostState } from '@shared/sync/syncContract';
import type { SyncStatus } from '../../sync/engineTypes';
import { syncHeaderState } from './syncHeaderState';

const NOW = Date.UTC(2025, 0, 6, 8, 0, 0);
const none = { waiting: 0, quarantined: 0, notUnderstood: 0 };
const status = (patch: Partial<SyncStatus> = {}): SyncStatus => ({
  running: false, phase: 'idle', lastGoodAt: null, lastRun: null, progress: null, clockOffsetMs: null, hubEpoch: null, resetDetectedAt: null, ...patch,
});
const host = (patch: Partial<SyncHostState> = {}): SyncHostState => ({
  enrolled: true, hubUrl: 'http://127.0.0.1:8787', site: 'estate1', station: 'front-desk', everyMinutes: 1, reachable: true,
  lastError: null, retryAt: null, offsetMs: 0, hubEpoch: 'e1', lastContactAt: NOW, ...patch,
});

describe('the header says what a person needs of sync', () => {
  it('not enrolled: a quiet standalone state, no clock alarm even with an offset kept', () => {
    const state = syncHeaderState(status({ clockOffsetMs: 10 * 60_000 }), host({ enrolled: false }), none, NOW);
    expect(state.main).toEqual({ kind: 'standalone' });
    expect(state.clockOffMinutes).toBeNull();
  });

  it('no host state yet counts as standalone (the header never claims a sync it does not know of)', () => {
    expect(syncHeaderState(null, null, none, NOW).main.kind).toBe('standalone');
  });

  it('"同步于 2 分钟前": the last good sync, in whole minutes; under a minute "just now"', () => {
    expect(syncHeaderState(status({ lastGoodAt: NOW - 150_000 }), host(), none, NOW).main).toEqual({ kind: 'synced', ago: { unit: 'minutes', count: 2 } });
    expect(syncHeaderState(status({ lastGoodAt: NOW - 20_000 }), host(), none, NOW).main).toEqual({ kind: 'synced', ago: { unit: 'now', count: 0 } });
    expect(syncHeaderState(status({ lastGoodAt: NOW - 3 * 3_600_000 }), host(), none, NOW).main).toEqual({ kind: 'synced', ago: { unit: 'hours', count: 3 } });
  });

  it('hub unreachable wins over the last good sync, and the counts stay shown', () => {
    const counts = { waiting: 4, quarantined: 1, notUnderstood: 2 };
    const state = syncHeaderState(status({ lastGoodAt: NOW - 60_000 }), host({ reachable: false }), counts, NOW);
    expect(state.main.kind).toBe('unreachable');
    expect(state.counts).toEqual(counts);
  });

  it('a new station\'s first pull shows its progress until caught up', () => {
    const pulling = status({ progress: { pulled: 1200, startedAt: NOW - 2000, perSecond: 600, caughtUp: false } });
    expect(syncHeaderState(pulling, host(), none, NOW).main).toEqual({ kind: 'firstPull', pulled: 1200, perSecond: 600 });
    const done = status({ lastGoodAt: NOW, progress: { pulled: 1200, startedAt: NOW - 2000, perSecond: 600, caughtUp: true } });
    expect(syncHeaderState(done, host(), none, NOW).main.kind).toBe('synced');
  });

  it('clock: a warning only over a minute either way, in minutes', () => {
    expect(syncHeaderState(status({ clockOffsetMs: 59_000 }), host(), none, NOW).clockOffMinutes).toBeNull();
    expect(syncHeaderState(status({ clockOffsetMs: -3 * 60_000 - 5_000 }), host(), none, NOW).clockOffMinutes).toBe(3);
    expect(syncHeaderState(status({ clockOffsetMs: 61_000 }), host(), none, NOW).clockOffMinutes).toBe(1);
    // Before the engine measured it, the host's offset counts.
    expect(syncHeaderState(status(), host({ offsetMs: 5 * 60_000 }), none, NOW).clockOffMinutes).toBe(5);
  });

  it('F14: a reset store is said', () => {
    expect(syncHeaderState(status({ resetDetectedAt: NOW - 1000 }), host(), none, NOW).reset).toBe(true);
    expect(syncHeaderState(status(), host(), none, NOW).reset).toBe(false);
  });
});
