import { describe, expect, it } from 'vitest';
import { fromZonedInput, toZonedInput } from './zonedTime';

describe('a step time typed on the station clock', () => {
  it('reads and writes Shanghai wall time whatever the machine zone', () => {
    const epoch = Date.UTC(2026, 10, 22, 1, 5);
    expect(toZonedInput(epoch, 'Asia/Shanghai')).toBe('2026-11-22 09:05');
    expect(fromZonedInput('2026-11-22 09:05', 'Asia/Shanghai')).toBe(epoch);
    expect(fromZonedInput('2026-11-22T9:05', 'Asia/Shanghai')).toBe(epoch);
  });

  it('round-trips across a DST change and refuses what is not a date-time', () => {
    const epoch = Date.UTC(2026, 2, 29, 1, 30);
    expect(fromZonedInput(toZonedInput(epoch, 'Europe/London'), 'Europe/London')).toBe(epoch);
    expect(fromZonedInput('', 'Asia/Shanghai')).toBeNull();
    expect(fromZonedInput('yesterday', 'Asia/Shanghai')).toBeNull();
    expect(fromZonedInput('2026-13-40 25:00', 'Asia/Shanghai')).toBeNull();
  });
});
