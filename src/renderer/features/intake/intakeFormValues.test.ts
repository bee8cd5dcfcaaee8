import { describe, expect, it } from 'vitest';
import { ticketOpenedPayload } from '@shared/tickets/ticketEvents';
import type { IntakeDraftValues } from '../drafts/draftStore';
import { blankIntakeValues, intakePayload, valuesFromDraft, type IntakeFormValues } from './intakeFormValues';

const zone = 'Asia/Shanghai';
// 2026-12-06 10:00 in Shanghai.
const ring = Date.UTC(2026, 11, 6, 2, 0);
const leak: IntakeFormValues = { ...blankIntakeValues, building: '3', room: '1502', callerName: '张三', description: '厨房漏水' };
const valid = (values: IntakeFormValues) => ticketOpenedPayload.parse({ ...intakePayload(values, ring, zone, ''), number: 'FD-20261206-001', unitKey: '' });

describe('the intake form as a ticket.opened payload', () => {
  it('keeps the ring time as received when not back-filled, and saves the four checks (R-FOUR-CLEAR)', () => {
    const payload = valid({ ...leak, listened: true, readBack: true, reportedTo: '工程部王班长' });
    expect(payload.receivedAt).toBe(ring);
    expect(payload.backfill).toBeUndefined();
    expect(payload.checks).toEqual({ listened: true, asked: false, readBack: true, recorded: false });
    expect(payload.reportedTo).toBe('工程部王班长');
  });

  it('R-RECORD: a place without a room saves the place as shown and no unit, even if a unit was typed first', () => {
    const payload = valid({ ...leak, channel: 'patrol', where: 'place', place: ' 停车场 ' });
    expect(payload).toMatchObject({ building: '', room: '', place: '停车场', channel: 'patrol' });
    expect(valid(leak).place).toBeUndefined();
  });

  it('R-NIGHT-TRANSFER (补单): the typed station time becomes receivedAt, with the reason', () => {
    const payload = valid({ ...leak, backfill: true, backfillAt: '2026-12-06T02:30', backfillReason: ' 中控室夜间接报 ' });
    expect(payload.receivedAt).toBe(Date.UTC(2026, 11, 5, 18, 30));
    expect(payload.backfill).toEqual({ reason: '中控室夜间接报' });
  });

  it('R-REPAIR-FIELDS: a repair saves its own fields, the ones asked only', () => {
    const payload = valid({ ...leak, faultLocation: '厨房水槽下', anyoneHome: 'no', spareKey: 'mayUse', accessTime: '', major: true });
    expect(payload.details).toEqual({ faultLocation: '厨房水槽下', anyoneHome: 'no', spareKey: 'mayUse' });
    expect(payload.major).toBe(true);
  });

  it('R-SPECIAL-EVENT: an incident saves its subtype and when it happened (the received time unless changed)', () => {
    expect(valid({ ...leak, kind: 'security', subtype: 'theft' }).details).toEqual({ subtype: 'theft', happenedAt: ring });
    expect(valid({ ...leak, kind: 'security', subtype: 'theft', happenedAt: '2026-12-06T08:15' }).details).toEqual({ subtype: 'theft', happenedAt: Date.UTC(2026, 11, 6, 0, 15) });
    // A subtype picked under the other incident kind is not carried over.
    expect(valid({ ...leak, kind: 'disaster', subtype: 'theft' }).details).toEqual({ happenedAt: ring });
  });

  it('saves only what applies to the kind: no repair fields on a complaint, no "major" on an inquiry', () => {
    const payload = valid({ ...leak, kind: 'inquiry', channel: 'written', faultLocation: '厨房', major: true, subtype: 'fire' });
    expect(payload.details).toBeUndefined();
    expect(payload.major).toBeUndefined();
  });
});

describe('U5: an intake draft', () => {
  it('kept before issue 14 (without the new fields) still loads, with their defaults', () => {
    const old: IntakeDraftValues = { channel: 'phone', building: '3', room: '1502', callerName: '', callerPhone: '', kind: 'repair', description: '漏水', urgency: 'normal', paid: false };
    expect(valuesFromDraft(old)).toEqual({ ...blankIntakeValues, building: '3', room: '1502', description: '漏水' });
  });

  it('keeps every new field as typed', () => {
    const typed: IntakeFormValues = {
      ...leak, where: 'place', place: '大堂', backfill: true, backfillAt: '2026-12-06T02:30', backfillReason: '对讲机', listened: true, asked: true, readBack: true, recorded: true,
      reportedTo: '主管', faultLocation: '门禁', anyoneHome: 'unknown', spareKey: 'keptNoUse', accessTime: '下午', subtype: 'fire', happenedAt: '2026-12-06T01:00', major: true,
    };
    expect(valuesFromDraft(JSON.parse(JSON.stringify(typed)) as IntakeDraftValues)).toEqual(typed);
  });
});
