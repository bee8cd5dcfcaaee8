import { describe, expect, it } from 'vitest';
import { checkTuning, isDefault, ruleOf } from './tuningForm';

// Issue 15: the tuning card refuses in place, per field, what resolveTuning would set aside.

describe('checking a typed tuning (tuningForm)', () => {
  it('R-REPAIR-ORDER-5MIN: 10 minutes with a 3-minute warning is stored as typed', () => {
    expect(checkTuning(ruleOf('R-REPAIR-ORDER-5MIN'), { duration: 10, warn: 3 })).toEqual({ tuning: { durationMinutes: 10, warnMinutes: 3 }, errors: null });
  });

  it('says which field is wrong: not whole minutes, out of range, a warning longer than the deadline', () => {
    const rule = ruleOf('R-REPAIR-ORDER-5MIN');
    expect(checkTuning(rule, { duration: '', warn: 2 }).errors).toEqual({ duration: { key: 'whole' } });
    expect(checkTuning(rule, { duration: 2.5, warn: 2 }).errors).toEqual({ duration: { key: 'whole' } });
    expect(checkTuning(rule, { duration: 0, warn: -1 }).errors).toEqual({ duration: { key: 'range', values: { min: 1, max: 43200 } }, warn: { key: 'warnRange', values: { max: 43200 } } });
    expect(checkTuning(rule, { duration: 5, warn: 6 }).errors).toEqual({ warn: { key: 'warnBeyondDuration' } });
  });

  it('R-SPECIAL-EVENT: 36 hours is allowed, a minute more is not', () => {
    const rule = ruleOf('R-SPECIAL-EVENT');
    expect(checkTuning(rule, { duration: 36 * 60, warn: 120 }).errors).toBeNull();
    expect(checkTuning(rule, { duration: 36 * 60 + 1, warn: 120 }).errors).toEqual({ duration: { key: 'beyondHardLimit', values: { minutes: 2160 } } });
  });

  it('R-REPAIR-APPOINTMENT: only the warning is stored, whatever the duration field holds', () => {
    expect(checkTuning(ruleOf('R-REPAIR-APPOINTMENT'), { duration: '', warn: 60 })).toEqual({ tuning: { warnMinutes: 60 }, errors: null });
  });

  it('the rule\'s own numbers are its defaults', () => {
    expect(isDefault(ruleOf('R-REPAIR-ORDER-5MIN'), { durationMinutes: 5, warnMinutes: 2 })).toBe(true);
    expect(isDefault(ruleOf('R-REPAIR-APPOINTMENT'), { warnMinutes: 30 })).toBe(true);
    expect(isDefault(ruleOf('R-REPAIR-ORDER-5MIN'), { durationMinutes: 10, warnMinutes: 2 })).toBe(false);
  });
});
