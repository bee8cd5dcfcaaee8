import { describe, expect, it } from 'vitest';
import { createRestartPolicy, RENDERER_RESTART } from './restartPolicy';

describe('createRestartPolicy', () => {
  it('reloads at once for a burst, then backs off, and forgets old crashes', () => {
    let now = 0;
    const policy = createRestartPolicy({ ...RENDERER_RESTART, now: () => now });
    expect([policy.nextDelay(), policy.nextDelay(), policy.nextDelay()]).toEqual([0, 0, 0]);
    expect(policy.nextDelay()).toBe(60_000);
    now += 10 * 60_000;
    expect(policy.nextDelay()).toBe(0);
  });
});
