import { describe, expect, it } from 'vitest';
import { checkIntakePhone, overLimit, validateIntake } from './intakeValidation';
import { TICKET_LIMITS, ticketNotedPayload, ticketOpenedPayload } from './ticketEvents';

const ok = { building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水' };
const shenzhen = { countryCode: '86', areaCode: '755' };

describe('intake validation', () => {
  it('accepts a complete request', () => {
    expect(validateIntake(ok, shenzhen)).toEqual({});
  });

  it('names each missing or malformed field', () => {
    expect(validateIntake({ building: '', room: '15 02', callerName: '', callerPhone: 'call me', description: '  ' }, shenzhen)).toEqual({
      building: { code: 'buildingMissing' },
      room: { code: 'roomInvalid' },
      callerPhone: { code: 'invalidCharacters' },
      description: { code: 'descriptionMissing' },
    });
  });

  it('U13: refuses a number the directory refuses, with the directory reason', () => {
    expect(validateIntake({ ...ok, callerPhone: '12345' }, shenzhen).callerPhone).toEqual({ code: 'invalidNumber' });
    expect(validateIntake({ ...ok, callerPhone: '12' }, shenzhen).callerPhone).toEqual({ code: 'tooShort' });
    expect(validateIntake({ ...ok, callerPhone: '8888 1234' }, { countryCode: '86', areaCode: '' }).callerPhone).toEqual({ code: 'areaCodeMissing' });
  });

  it('U13: takes numbers as residents say them and stores them as the directory does', () => {
    const cases: [string, string][] = [
      ['138 0013 8000', '+8613800138000'],
      ['0755-8888 1234', '+8675588881234'],
      ['+86 138 0013 8000', '+8613800138000'],
      ['8888 1234', '+8675588881234'],
      ['0755-88881234转56', '+8675588881234转56'],
      ['１３８００１３８０００', '+8613800138000'],
    ];
    for (const [typed, stored] of cases) expect(checkIntakePhone(typed, shenzhen), typed).toEqual({ ok: true, stored });
  });

  it('U13: keeps a number caller ID delivered even if it does not normalise', () => {
    expect(checkIntakePhone('10086', shenzhen, '10086')).toEqual({ ok: true, stored: '10086' });
    expect(checkIntakePhone('100', shenzhen, '10086').ok).toBe(false);
  });

  it('leaves the phone optional (a walk-in may give none)', () => {
    expect(validateIntake({ ...ok, callerPhone: '' }, shenzhen)).toEqual({});
  });

  it('U3: says which field is too long and by how much, with the payload schema limits', () => {
    const problems = validateIntake({ ...ok, callerName: '名'.repeat(TICKET_LIMITS.callerName + 3), description: 'x'.repeat(TICKET_LIMITS.description + 123) }, shenzhen);
    expect(problems).toEqual({ callerName: { code: 'tooLong', over: 3 }, description: { code: 'tooLong', over: 123 } });
    // The form's check and the schema agree at the boundary.
    const atLimit = 'x'.repeat(TICKET_LIMITS.description);
    expect(overLimit('description', atLimit)).toBe(0);
    expect(ticketOpenedPayload.shape.description.safeParse(atLimit).success).toBe(true);
    expect(ticketOpenedPayload.shape.description.safeParse(`${atLimit}x`).success).toBe(false);
    expect(overLimit('note', `${'n'.repeat(TICKET_LIMITS.note)}12`)).toBe(2);
    expect(ticketNotedPayload.safeParse({ text: 'n'.repeat(TICKET_LIMITS.note + 1) }).success).toBe(false);
  });
});
