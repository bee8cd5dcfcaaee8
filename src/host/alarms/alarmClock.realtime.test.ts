import { describe, expect, it } from 'vitest';
import { createAlarmClock, type AlarmFiring } from './alarmClock';
import { tempDataDir } from './testing/fakeAlarmClock';

// Issue 15: one real-time test, real timers and real clocks, in which a deadline a few seconds
// ahead rings within one second of its due time (the tolerance, not a speed target).

describe('alarm clock in real time', () => {
  it('rings a deadline 3 s ahead within 1 s of its due time, never before it', async () => {
    let heard: (firing: AlarmFiring) => void = () => {};
    const firing = new Promise<AlarmFiring>((resolve) => (heard = resolve));
    const clock = await createAlarmClock({ dataDir: await tempDataDir(), onFire: (f) => heard(f), onClockStep: () => {} });
    try {
      const dueAt = Date.now() + 3000;
      clock.set([{ id: 'reply', dueAt }]);
      const fired = await Promise.race([firing, new Promise<null>((resolve) => setTimeout(() => resolve(null), 6000))]);
      expect(fired).not.toBeNull();
      const heardAt = Date.now();
      expect(fired!.level).toBe('due');
      expect(fired!.firedAt).toBeGreaterThanOrEqual(dueAt);
      expect(heardAt - dueAt).toBeLessThan(1000);
    } finally {
      await clock.dispose();
    }
  });
});
