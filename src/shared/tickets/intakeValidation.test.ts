import { describe, expect, it } from 'vitest';
import { isPlausiblePhone, validateIntake } from './intakeValidation';

const ok = { building: '3', room: '1502', callerPhone: '13800138000', description: '厨房漏水' };

describe('intake validation', () => {
  it('accepts a complete request', () => {
    expect(validateIntake(ok)).toEqual({});
  });

  it('names each missing or malformed field', () => {
    expect(validateIntake({ building: '', room: '15 02', callerPhone: 'call me', description: '  ' })).toEqual({
      building: 'buildingMissing',
      room: 'roomInvalid',
      callerPhone: 'phoneInvalid',
      description: 'descriptionMissing',
    });
  });

  it('takes phone numbers as residents say them', () => {
    for (const phone of ['138 0013 8000', '0755-8888 1234', '+86 138 0013 8000', '88881234转56', '（0755）88881234', '１３８００１３８０００']) {
      expect(isPlausiblePhone(phone), phone).toBe(true);
    }
    for (const phone of ['12', 'abc', '138-0013-800a', '+']) expect(isPlausiblePhone(phone), phone).toBe(false);
  });

  it('leaves the phone optional (a walk-in may give none)', () => {
    expect(validateIntake({ ...ok, callerPhone: '' })).toEqual({});
  });
});
