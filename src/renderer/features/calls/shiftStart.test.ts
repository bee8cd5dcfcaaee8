import { describe, expect, it } from 'vitest';
import { shiftStart } from './shiftStart';

describe('shift start', () => {
  const at = (iso: string) => Date.parse(iso);
  it('is 08:00 or 20:00 station time, the night shift reaching back to yesterday', () => {
    expect(new Date(shiftStart(at('2026-11-22T03:15:10.500Z'), 'Asia/Shanghai')).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(new Date(shiftStart(at('2026-11-22T13:00:00.000Z'), 'Asia/Shanghai')).toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(new Date(shiftStart(at('2026-11-22T17:30:00.000Z'), 'Asia/Shanghai')).toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(new Date(shiftStart(at('2026-11-21T23:30:00.000Z'), 'Asia/Shanghai')).toISOString()).toBe('2026-11-21T12:00:00.000Z');
  });
});
