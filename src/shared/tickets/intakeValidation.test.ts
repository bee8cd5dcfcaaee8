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

  it('R-RECORD: a place without a room instead of a unit (a patrol report in the car park)', () => {
    const patrol = { ...ok, building: '', room: '', where: 'place' as const, place: '停车场' };
    expect(validateIntake(patrol, shenzhen)).toEqual({});
    expect(validateIntake({ ...patrol, place: '  ' }, shenzhen)).toEqual({ place: { code: 'placeMissing' } });
    expect(validateIntake({ ...patrol, place: '地'.repeat(TICKET_LIMITS.place + 2) }, shenzhen)).toEqual({ place: { code: 'tooLong', over: 2 } });
    // Building and room typed before switching to a place are neither checked nor saved.
    expect(validateIntake({ ...patrol, building: '15 02', room: '?' }, shenzhen)).toEqual({});
    // A unit still needs its room.
    expect(validateIntake({ ...ok, where: 'unit', room: '' }, shenzhen)).toEqual({ room: { code: 'roomMissing' } });
  });

  it('R-MEDICAL-REPORT: a medical request needs the phone (address and phone first); other kinds do not', () => {
    expect(validateIntake({ ...ok, kind: 'medical', callerPhone: '' }, shenzhen)).toEqual({ callerPhone: { code: 'phoneMissing' } });
    expect(validateIntake({ ...ok, kind: 'medical' }, shenzhen)).toEqual({});
    expect(validateIntake({ ...ok, kind: 'repair', callerPhone: '' }, shenzhen)).toEqual({});
  });

  it('R-NIGHT-TRANSFER (补单): the received time set back needs a reason and is never in the future', () => {
    const now = Date.UTC(2026, 11, 6, 2, 0);
    const night = now - 6 * 3600_000;
    expect(validateIntake({ ...ok, backfill: { at: night, reason: '中控室夜间电话报修' } }, shenzhen, '', now)).toEqual({});
    expect(validateIntake({ ...ok, backfill: { at: now + 60_000, reason: '' } }, shenzhen, '', now)).toEqual({
      backfillAt: { code: 'timeInFuture' },
      backfillReason: { code: 'reasonMissing' },
    });
    expect(validateIntake({ ...ok, backfill: { at: null, reason: '对讲机' } }, shenzhen, '', now)).toEqual({ backfillAt: { code: 'timeMissing' } });
    expect(validateIntake({ ...ok, backfill: { at: night, reason: '因'.repeat(TICKET_LIMITS.reason + 1) } }, shenzhen, '', now)).toEqual({
      backfillReason: { code: 'tooLong', over: 1 },
    });
  });

  it('R-SPECIAL-EVENT: when an incident happened is never in the future; other kinds ignore it', () => {
    const now = Date.UTC(2026, 11, 6, 2, 0);
    expect(validateIntake({ ...ok, kind: 'security', happenedAt: now - 60_000 }, shenzhen, '', now)).toEqual({});
    expect(validateIntake({ ...ok, kind: 'disaster', happenedAt: now + 60_000 }, shenzhen, '', now)).toEqual({ happenedAt: { code: 'timeInFuture' } });
    expect(validateIntake({ ...ok, kind: 'security', happenedAt: null }, shenzhen, '', now)).toEqual({ happenedAt: { code: 'timeMissing' } });
    expect(validateIntake({ ...ok, kind: 'repair', happenedAt: now + 60_000 }, shenzhen, '', now)).toEqual({});
  });

  it('R-REPAIR-FIELDS, R-FOUR-CLEAR: the repair fields and "reported to" are held to the payload limits', () => {
    const long = (field: 'faultLocation' | 'accessTime' | 'reportedTo') => 'x'.repeat(TICKET_LIMITS[field] + 1);
    expect(validateIntake({ ...ok, kind: 'repair', faultLocation: long('faultLocation'), accessTime: long('accessTime'), reportedTo: long('reportedTo') }, shenzhen)).toEqual({
      faultLocation: { code: 'tooLong', over: 1 },
      accessTime: { code: 'tooLong', over: 1 },
      reportedTo: { code: 'tooLong', over: 1 },
    });
    // Repair fields left over from before the kind was changed are not saved, so not checked.
    expect(validateIntake({ ...ok, kind: 'complaint', faultLocation: long('faultLocation') }, shenzhen)).toEqual({});
  });
});

