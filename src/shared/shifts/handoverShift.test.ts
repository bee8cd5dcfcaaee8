import { describe, expect, it } from 'vitest';
import type { DutyRow } from './dutyFold';
import { incomingShift, outgoingShift } from './handoverShift';
import { DEFAULT_SHIFTS } from './shiftPlan';

// Issue 16: which shift the handover screens open by default (day 08:00–20:00, night 20:00–08:00).

const TZ = 'Asia/Shanghai';
const at = (iso: string) => Date.parse(`${iso}+08:00`);
const duty = (since: string, forms: DutyRow['forms'] = []): DutyRow => ({ id: 'desk', kind: 'desk', holder: { station: 'front-desk', staffId: 'day-clerk', since: at(since) }, forms, lastHlc: '' });

describe('handover shift', () => {
  it('R-HANDOVER-SIGN: during the shift, the running shift is handed over', () => {
    expect(outgoingShift(DEFAULT_SHIFTS, TZ, at('2026-12-06T19:50:00'), duty('2026-12-06T07:55:00'))).toMatchObject({ day: '2026-12-06', shift: { id: 'day' } });
  });

  it('R-HANDOVER-SIGN: a little after the change, the shift that ended, while its holder still holds the desk and it is not handed over', () => {
    const late = at('2026-12-06T20:10:00');
    expect(outgoingShift(DEFAULT_SHIFTS, TZ, late, duty('2026-12-06T07:55:00'))).toMatchObject({ day: '2026-12-06', shift: { id: 'day' } });
    const handed = duty('2026-12-06T07:55:00', [{ formId: 'f', outgoing: 'a', incoming: 'b', shiftId: 'day', shiftDay: '2026-12-06', outgoingSignedAt: 1, incomingSignedAt: 2 }]);
    expect(outgoingShift(DEFAULT_SHIFTS, TZ, late, handed)).toMatchObject({ shift: { id: 'night' } });
    // Taken over after the change (the morning's taking back from the control room): the new shift.
    expect(outgoingShift(DEFAULT_SHIFTS, TZ, at('2026-12-07T08:20:00'), duty('2026-12-07T08:05:00'))).toMatchObject({ day: '2026-12-07', shift: { id: 'day' } });
    expect(outgoingShift(DEFAULT_SHIFTS, TZ, at('2026-12-06T21:30:00'), duty('2026-12-06T07:55:00'))).toMatchObject({ shift: { id: 'night' } });
  });

  it('R-HANDOVER-READ: the incoming person reads the last shift handed over, else the shift before this one', () => {
    const forms: DutyRow['forms'] = [{ formId: 'f', outgoing: 'a', incoming: 'b', shiftId: 'day', shiftDay: '2026-12-06', outgoingSignedAt: 1, incomingSignedAt: 2 }];
    expect(incomingShift(DEFAULT_SHIFTS, TZ, at('2026-12-06T20:30:00'), duty('2026-12-06T19:55:00', forms))).toEqual({ day: '2026-12-06', shiftId: 'day' });
    expect(incomingShift(DEFAULT_SHIFTS, TZ, at('2026-12-07T08:30:00'), null)).toEqual({ day: '2026-12-06', shiftId: 'night' });
  });
});
