import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MINUTE, SECOND, startFakeClock, T0, tempDataDir } from './testing/fakeAlarmClock';

// The host alarm clock with fake timers (issue 15, "The alarm clock (host)"): what a listener
// hears, in which order, and when.

type Fake = Awaited<ReturnType<typeof startFakeClock>>;
let fake: Fake;

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(T0);
  fake = await startFakeClock(await tempDataDir());
});

afterEach(async () => {
  await fake.clock.dispose();
  vi.useRealTimers();
});

const reply = { id: 'reply', warnAt: T0 + 4 * MINUTE, dueAt: T0 + 5 * MINUTE, escalateAt: T0 + 10 * MINUTE, labels: { ticket: 'FD-20261206-001', unit: '3-1502' } };
const order = { id: 'order', dueAt: T0 + 4.5 * MINUTE };

describe('alarm clock: levels and order', () => {
  it('fires warn, due and escalate each once, at their times, interleaving deadlines in time order', async () => {
    expect(fake.clock.set([reply, order])).toEqual({ ok: true, count: 2 });
    await fake.advance(4 * MINUTE - 1);
    expect(fake.heard()).toEqual([]);
    await fake.advance(1);
    expect(fake.heard()).toEqual(['reply:warn']);
    await fake.advance(MINUTE);
    expect(fake.heard().filter((h) => !h.endsWith('overdue'))).toEqual(['reply:warn', 'order:due', 'reply:due']);
    await fake.advance(5 * MINUTE);
    expect(fake.heard().filter((h) => !h.endsWith('overdue'))).toEqual(['reply:warn', 'order:due', 'reply:due', 'reply:escalate']);
    const escalation = fake.fired.find((f) => f.level === 'escalate')!;
    expect(escalation).toMatchObject({ at: T0 + 10 * MINUTE, lateMs: 0, deadline: reply });
    expect(fake.fired.filter((f) => f.level !== 'overdue').every((f) => f.lateMs === 0)).toBe(true);
  });

  it('rings a deadline already past when the list arrives at once', () => {
    fake.clock.set([{ id: 'late', warnAt: T0 - 2 * MINUTE, dueAt: T0 - MINUTE }]);
    expect(fake.heard()).toEqual(['late:warn', 'late:due']);
    expect(fake.fired[1]!.lateMs).toBe(MINUTE);
  });
});

describe('alarm clock: ringing until acknowledged', () => {
  it('repeats overdue every 30 s after the due ring until acknowledged; acknowledged, it neither repeats nor escalates', async () => {
    fake.clock.set([reply]);
    await fake.advance(5 * MINUTE);
    expect(fake.heard()).toEqual(['reply:warn', 'reply:due']);
    await fake.advance(90 * SECOND);
    expect(fake.heard().slice(2)).toEqual(['reply:overdue', 'reply:overdue', 'reply:overdue']);
    expect(fake.clock.acknowledge('reply')).toBe(true);
    expect(fake.clock.acknowledge('reply')).toBe(false);
    await fake.advance(10 * MINUTE);
    expect(fake.heard()).toHaveLength(5);
  });

  it('keeps ringing through the escalation when nobody acknowledges', async () => {
    fake.clock.set([reply]);
    await fake.advance(12 * MINUTE);
    const levels = fake.fired.map((f) => f.level);
    expect(levels.filter((l) => l === 'escalate')).toHaveLength(1);
    // Repeats fall on the half-minutes from the due ring: 10:00 (after the escalation), 10:30 … 12:00.
    expect(levels.slice(levels.indexOf('escalate') + 1)).toEqual(['overdue', 'overdue', 'overdue', 'overdue', 'overdue']);
  });

  it('does not count a warning as acknowledged: the due ring still comes', async () => {
    fake.clock.set([reply]);
    await fake.advance(4 * MINUTE);
    expect(fake.clock.acknowledge('reply')).toBe(false);
    await fake.advance(MINUTE);
    expect(fake.heard()).toEqual(['reply:warn', 'reply:due']);
  });
});

describe('alarm clock: a new list replaces the old', () => {
  it('stops a removed deadline, keeps what a kept one already rang, and rings a moved one again', async () => {
    fake.clock.set([reply, order]);
    await fake.advance(5 * MINUTE);
    fake.clock.set([{ ...reply, dueAt: T0 + 20 * MINUTE, escalateAt: undefined }]);
    expect(fake.clock.pending().map((d) => d.id)).toEqual(['reply']);
    const before = fake.heard().length;
    await fake.advance(14 * MINUTE);
    // order removed: no more repeats; reply moved: its warning already rang, its due has not.
    expect(fake.heard().slice(before)).toEqual([]);
    await fake.advance(MINUTE);
    expect(fake.heard().slice(before)).toEqual(['reply:due']);
  });

  it('does not ring a kept deadline twice when the same list comes again', async () => {
    fake.clock.set([order]);
    await fake.advance(4.5 * MINUTE);
    fake.clock.acknowledge('order');
    fake.clock.set([order]);
    await fake.advance(5 * MINUTE);
    expect(fake.heard()).toEqual(['order:due']);
  });
});

describe('alarm clock: sleep, resume and clock steps', () => {
  it('after a sleep (wall +10 min, monotonic +2 s) rings everything that fell due at once, in order, and reports the gap', async () => {
    fake.clock.set([reply, order]);
    await fake.advance(MINUTE);
    fake.stepWall(10 * MINUTE - 2 * SECOND);
    await fake.advance(2 * SECOND);
    expect(fake.heard()).toEqual(['reply:warn', 'order:due', 'reply:due', 'reply:escalate']);
    expect(fake.fired.every((f) => f.lateMs > 0)).toBe(true);
    expect(fake.steps).toEqual([10 * MINUTE - 2 * SECOND]);
    // Missed repeats are not replayed in a burst: the ringing goes on at its pace.
    await fake.advance(30 * SECOND);
    expect(fake.heard().slice(4)).toEqual(['order:overdue', 'reply:overdue']);
  });

  it('reports a clock set back by 10 min, rings nothing twice, and keeps the repeat pace', async () => {
    fake.clock.set([order]);
    await fake.advance(4.5 * MINUTE);
    expect(fake.heard()).toEqual(['order:due']);
    fake.stepWall(-10 * MINUTE);
    await fake.advance(SECOND);
    expect(fake.steps).toEqual([-10 * MINUTE]);
    await fake.advance(30 * SECOND);
    expect(fake.heard()).toEqual(['order:due', 'order:overdue']);
  });

  it('reports a step forward of more than a minute, not one of 30 s', async () => {
    fake.stepWall(30 * SECOND);
    await fake.advance(SECOND);
    expect(fake.steps).toEqual([]);
    fake.stepWall(2 * MINUTE);
    await fake.advance(SECOND);
    expect(fake.steps).toEqual([2 * MINUTE]);
    expect(fake.logger.lines.some((l) => l.level === 'warn' && l.context?.stepMs === 2 * MINUTE)).toBe(true);
  });

  it('a deadline ahead of a step back waits for its wall time, not its old timer', async () => {
    fake.clock.set([order]);
    fake.stepWall(-MINUTE - SECOND);
    await fake.advance(4.5 * MINUTE);
    expect(fake.heard()).toEqual([]);
    await fake.advance(MINUTE + SECOND);
    expect(fake.heard()).toEqual(['order:due']);
  });
});

describe('alarm clock: hostile lists', () => {
  const hostile: [string, unknown][] = [
    ['not a list', { reply }],
    ['NaN', [{ id: 'x', dueAt: Number.NaN }]],
    ['a huge time', [{ id: 'x', dueAt: 8.64e15 }]],
    ['seconds, not ms', [{ id: 'x', dueAt: Math.floor(T0 / 1000) }]],
    ['a fraction of a ms', [{ id: 'x', dueAt: T0 + 0.5 }]],
    ['duplicate ids', [order, { ...order, dueAt: T0 + MINUTE }]],
    ['10,001 deadlines', Array.from({ length: 10_001 }, (_, i) => ({ id: `d${i}`, dueAt: T0 + i }))],
    ['a long id', [{ id: 'x'.repeat(129), dueAt: T0 }]],
    ['a long label', [{ id: 'x', dueAt: T0, labels: { unit: '水'.repeat(301) } }]],
    ['a __proto__ label', [JSON.parse('{"id":"x","dueAt":1796526000000,"labels":{"__proto__":"y"}}')]],
    ['a warning after the due time', [{ id: 'x', dueAt: T0, warnAt: T0 + 1 }]],
    ['an escalation before it', [{ id: 'x', dueAt: T0, escalateAt: T0 - 1 }]],
    ['an unknown field', [{ id: 'x', dueAt: T0, ringAt: T0 }]],
  ];

  it.each(hostile)('refuses %s with a reason and keeps the previous list armed', async (_name, input) => {
    fake.clock.set([order]);
    const result = fake.clock.set(input);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason.length).toBeGreaterThan(3);
    expect(fake.clock.pending()).toEqual([order]);
    await fake.advance(4.5 * MINUTE);
    expect(fake.heard()).toEqual(['order:due']);
  });
});

describe('alarm clock: patches (what changed since the last list)', () => {
  it('adds, moves and removes deadlines by what changed; a ringing deadline kept by the patch keeps ringing, not twice', async () => {
    fake.clock.set([reply, order]);
    await fake.advance(4.5 * MINUTE);
    expect(fake.heard()).toEqual(['reply:warn', 'order:due']);
    // A new request's deadline, the reply's re-agreed later, the order's clock stopped.
    const added = { id: 'added', dueAt: T0 + 6 * MINUTE };
    expect(fake.clock.patch([added, { ...reply, dueAt: T0 + 8 * MINUTE, escalateAt: T0 + 12 * MINUTE }], ['order'])).toEqual({ ok: true, count: 2 });
    expect(fake.clock.pending().map((d) => d.id).sort()).toEqual(['added', 'reply']);
    await fake.advance(4 * MINUTE);
    expect(fake.heard().filter((h) => !h.endsWith('overdue'))).toEqual(['reply:warn', 'order:due', 'added:due', 'reply:due']);
    expect(fake.heard().filter((h) => h === 'order:overdue')).toEqual([]);
  });

  it('a patch with a bad deadline or a bad id changes nothing', () => {
    fake.clock.set([reply]);
    expect(fake.clock.patch([{ id: 'x', dueAt: 1_800_000_000 }], [])).toMatchObject({ ok: false });
    expect(fake.clock.patch([], ['reply\u0000'])).toMatchObject({ ok: false });
    expect(fake.clock.patch([{ id: 'y', dueAt: T0 + MINUTE }, { id: 'y', dueAt: T0 + MINUTE }], [])).toMatchObject({ ok: false });
    expect(fake.clock.pending()).toEqual([reply]);
  });
});
