import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObservabilitySet } from 'dexie';
import type { DeskBridge } from '@shared/bridge/contract';
import type { AlarmDeadline } from '@shared/alarms/alarmList';
import type { AlarmDeriver, AlarmView, ViewChanges } from './deriveAlarms';
import { createHostHandover } from './hostHandover';
import { ALARM_REFRESH, startAlarmDerivation } from './alarmDerivation';

// Issue 15's burst regression (docs/benchmarks.md): the derivation loop as the root runs it, on
// fake timers, with a deriver standing for the store (each save adds one ticket's clock) and a
// bridge that records what the host receives and when. The first save after quiet is handed over
// at once; in a burst the gap between handovers doubles up to a second; quiet again, at once again.

const T0 = Date.UTC(2026, 11, 6, 8);
const MINUTE = 60_000;

function view(n: number): AlarmView {
  const ticketId = `t-${n}`;
  return {
    id: `${ticketId}|R-COMPLAINT-CONTACT`, ticketId, number: `FD-${n}`, ruleId: 'R-COMPLAINT-CONTACT', kind: 'complaint', urgency: 'normal',
    unitKey: '3-1502', place: '', where: '3-1502', dueAt: T0 + 3 * 24 * 60 * MINUTE + n, warnAt: T0 + 2 * 24 * 60 * MINUTE, overdueAt: T0 + 4 * 24 * 60 * MINUTE,
    escalateAfter: T0 + 4 * 24 * 60 * MINUTE, escalateTo: 'supervisor', level: 'pending', rings: true, late: false,
  } as unknown as AlarmView;
}

/** The store: `saved` tickets so far; the deriver hands each derivation the tickets saved since the last. */
function fakeStore() {
  let saved = 0;
  let derivedUpTo = 0;
  let list: AlarmView[] = [];
  let changed: ViewChanges | null = null;
  const derive = (async (changes) => {
    const fresh = Array.from({ length: saved - derivedUpTo }, (_, i) => view(derivedUpTo + i + 1));
    changed = changes === 'all' ? null : new Map(fresh.map((v) => [v.ticketId, { before: [], after: [v] }]));
    if (fresh.length) list = [...list, ...fresh];
    derivedUpTo = saved;
    return list;
  }) as AlarmDeriver;
  Object.defineProperty(derive, 'lastChanged', { get: () => changed });
  return { derive, save: () => void saved++ };
}

function recordingBridge() {
  const received: { at: number; method: string; upserts: string[]; removes: string[] }[] = [];
  const bridge = {
    invoke: (method: string, list: AlarmDeadline[], removes: string[] = []) => {
      received.push({ at: Date.now() - T0, method, upserts: list.map((d) => d.labels?.number ?? d.id), removes });
      return Promise.resolve({ ok: true, count: 0 });
    },
    on: () => () => undefined,
  } as unknown as DeskBridge;
  return { bridge, received };
}

const part = {} as ObservabilitySet;

describe('the alarm derivation loop, on fake timers (what the host receives)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  function start() {
    const store = fakeStore();
    const { bridge, received } = recordingBridge();
    const views: number[] = [];
    const handover = createHostHandover(bridge, () => undefined, 2000);
    const loop = startAlarmDerivation(store.derive, handover, (list) => void views.push(list.length), (error) => { throw error; }, ALARM_REFRESH, () => Date.now());
    const save = () => {
      store.save();
      loop.changed(part);
    };
    return { loop, save, received, views, dispose: () => (loop.dispose(), handover.dispose()) };
  }

  it('R-COMPLAINT-CONTACT: the first save after quiet reaches the host within the quiet delay (a patch carrying just it)', async () => {
    const { save, received, dispose } = start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(received).toEqual([{ at: 0, method: 'alarms:set', upserts: [], removes: [] }]);
    save();
    await vi.advanceTimersByTimeAsync(ALARM_REFRESH.quietMs);
    expect(received.slice(1)).toEqual([{ at: 1000 + ALARM_REFRESH.quietMs, method: 'alarms:patch', upserts: ['FD-1'], removes: [] }]);
    dispose();
  });

  it('a burst of saves every 10 ms for 4 s: the gap doubles 150 → 300 → 600 → 1000 ms, every save handed over, once each; quiet again, the next save at once', async () => {
    const { save, received, views, dispose } = start();
    await vi.advanceTimersByTimeAsync(1000);
    received.length = 0;
    for (let i = 0; i < 400; i++) {
      save();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(2000);
    const at = received.map((r) => r.at - 1000);
    // The first save at once; then each gap (from the end of one run to the next) doubles, capped at 1 s.
    expect(at).toEqual([4, 154, 454, 1054, 2054, 3054, 4054]);
    expect(received.every((r) => r.method === 'alarms:patch' && r.removes.length === 0)).toBe(true);
    const handed = received.flatMap((r) => r.upserts);
    expect(handed).toHaveLength(400);
    expect(new Set(handed).size).toBe(400);
    expect(views.at(-1)).toBe(400);
    // 7 handovers for 400 saves (a fixed 150 ms gap: 27).
    expect(received).toHaveLength(7);

    // Quiet for a while: the next save is handed over within the quiet delay again, and a short
    // second burst starts from the small gap.
    await vi.advanceTimersByTimeAsync(500);
    received.length = 0;
    const quietAt = Date.now() - T0;
    save();
    await vi.advanceTimersByTimeAsync(ALARM_REFRESH.quietMs);
    expect(received).toEqual([{ at: quietAt + ALARM_REFRESH.quietMs, method: 'alarms:patch', upserts: ['FD-401'], removes: [] }]);
    for (let i = 0; i < 20; i++) {
      save();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    // (Saves until 194 ms: the last ones go 150 ms after it (the burst over) plus the quiet delay, not after the doubled gap.)
    expect(received.map((r) => r.at - quietAt)).toEqual([4, 154, 194 + 150 + ALARM_REFRESH.quietMs]);
    expect(received.flatMap((r) => r.upserts)).toHaveLength(21);
    dispose();
  });

  it('a long burst ends between two runs: its last saves reach the host 150 ms after the last one, not a grown gap later; the next save at once', async () => {
    const { save, received, dispose } = start();
    await vi.advanceTimersByTimeAsync(1000);
    received.length = 0;
    // Saves every 10 ms for 2.5 s: runs at 4, 154, 454, 1054, 2054; the gap is 1 s after that.
    for (let i = 0; i < 250; i++) {
      save();
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(1000);
    const at = received.map((r) => r.at - 1000);
    expect(at.slice(0, -1)).toEqual([4, 154, 454, 1054, 2054]);
    // The last save at 2490: its run 150 ms later (the next timer tick), not at 3054.
    expect(at.at(-1)).toBeGreaterThanOrEqual(2490 + 150);
    expect(at.at(-1)).toBeLessThanOrEqual(2490 + 150 + ALARM_REFRESH.quietMs);
    expect(received.flatMap((r) => r.upserts)).toHaveLength(250);
    received.length = 0;
    save();
    await vi.advanceTimersByTimeAsync(ALARM_REFRESH.quietMs);
    expect(received.map((r) => r.upserts)).toEqual([['FD-251']]);
    dispose();
  });

  it('saves 200 ms apart (slower than the small gap) are each handed over at once: no gap grows', async () => {
    const { save, received, dispose } = start();
    await vi.advanceTimersByTimeAsync(1000);
    received.length = 0;
    for (let i = 0; i < 10; i++) {
      save();
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(received.map((r) => r.at - 1000)).toEqual(Array.from({ length: 10 }, (_, i) => i * 200 + 4));
    dispose();
  });

  it('a derivation that changed nothing listed hands the host nothing and leaves the bar alone', async () => {
    const { loop, received, views, dispose } = start();
    await vi.advanceTimersByTimeAsync(1000);
    const [handovers, renders] = [received.length, views.length];
    loop.changed(part);
    await vi.advanceTimersByTimeAsync(1000);
    expect([received.length, views.length]).toEqual([handovers, renders]);
    dispose();
  });
});
