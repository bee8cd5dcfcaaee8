import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Random } from '../../../tests/hub/support/random';
import type { AlarmClock } from './alarmClock';
import { ALARM_LIMITS, alarmDeadlineList } from '../../shared/alarms/alarmList';
import { MINUTE, startFakeClock, T0, tempDataDir } from './testing/fakeAlarmClock';

// set() takes renderer input: 1,000 seeded hostile lists (a failing run replays from its seed).
// It never throws; a refused list leaves the armed one as it was; the armed list is always valid.

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = 1000;

function validList(r: Random): { id: string; dueAt: number; warnAt?: number }[] {
  return Array.from({ length: r.int(6) }, (_, i) => ({ id: `t${r.int(50)}-${i}`, dueAt: T0 + r.int(60) * MINUTE, ...(r.next() < 0.5 ? { warnAt: T0 } : {}) }));
}

const badNumbers = [Number.NaN, Infinity, -Infinity, -1, 0, 1.5, 1e300, 2 ** 53 + 1, ALARM_LIMITS.latest + 1, '1796526000000', null, undefined, true];
const badStrings = ['', 'x'.repeat(ALARM_LIMITS.maxIdChars + 1), '\u0000', 'a\nb', 42, null, {}, []];

function hostile(r: Random): unknown {
  const base: Record<string, unknown>[] = validList(r).map((d) => ({ ...d }));
  const target = base[r.int(base.length)] ?? {};
  switch (r.int(9)) {
    case 0: return r.json();
    case 1: target.dueAt = r.pick(badNumbers); break;
    case 2: target[r.pick(['warnAt', 'escalateAt'])] = r.pick([...badNumbers, T0 + 61 * MINUTE, T0 - 1]); break;
    case 3: target.id = r.pick(badStrings); break;
    case 4: target.labels = r.pick([{ unit: 'x'.repeat(ALARM_LIMITS.maxLabelValueChars + 1) }, JSON.parse('{"__proto__":"x"}'), Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v'])), { unit: 3 }, 'unit']); break;
    case 5: target[r.pick(['ringAt', 'constructor', 'id '])] = 1; break;
    case 6: base.push({ ...target }); break;
    case 7: return r.next() < 0.1 ? Array.from({ length: ALARM_LIMITS.maxDeadlines + 1 }, (_, i) => ({ id: `d${i}`, dueAt: T0 })) : r.pick([null, undefined, 'list', 7, {}, { 0: base[0], length: 1 }]);
    default: return r.next() < 0.5 ? base : [...base, r.json()];
  }
  return base;
}

describe('alarm clock set() fuzz', () => {
  let fake: Awaited<ReturnType<typeof startFakeClock>>;
  let clock: AlarmClock;
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0);
    fake = await startFakeClock(await tempDataDir());
    clock = fake.clock;
  });
  afterAll(async () => {
    await clock.dispose();
    vi.useRealTimers();
  });

  it(`never throws, keeps the previous list on a refusal, and always holds a valid list (seed ${SEED}, ${RUNS} runs)`, async () => {
    const r = new Random(SEED);
    let accepted = 0;
    for (let run = 0; run < RUNS; run++) {
      const before = clock.pending();
      const input = r.next() < 0.15 ? validList(r) : hostile(r);
      const result = clock.set(input);
      const after = clock.pending();
      if (result.ok) {
        accepted++;
        expect(after).toEqual(input);
      } else {
        expect(result.reason, `run ${run}`).toMatch(/\S/);
        expect(after, `run ${run}`).toEqual(before);
      }
      expect(alarmDeadlineList.safeParse(after).success, `run ${run}`).toBe(true);
      expect(new Set(after.map((d) => d.id)).size).toBe(after.length);
      if (run % 100 === 0) await fake.advance(MINUTE);
    }
    // Both branches were exercised, or the fuzz proves nothing.
    expect(accepted).toBeGreaterThan(50);
    expect(accepted).toBeLessThan(RUNS - 300);
    await clock.flush();
  });
});
