import { describe, expect, it } from 'vitest';
import type { Ticket } from '../tickets/ticketFold';
import { registerColumns, registerRow, type RegisterLabels } from './registerColumns';
import { REGISTER_KINDS } from './registerKinds';
import { mergePage, isAfter } from './registerPaging';
import { registerPhone } from './registerPhone';
import { dayOf, dayStart, rangeSpan } from './registerRange';

const SHANGHAI = 'Asia/Shanghai';
const context = { countryCode: '86', areaCode: '755' };

function ticket(over: Partial<Ticket>): Ticket {
  return {
    id: '0001', number: 'FD-20261206-001', kind: 'repair', channel: 'phone', urgency: 'normal', status: 'open', active: 1,
    building: '3', room: '1502', unitKey: '3-1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水',
    paid: false, receivedAt: Date.UTC(2026, 11, 6, 2, 0), createdAt: Date.UTC(2026, 11, 6, 2, 0), updatedAt: 0, createdBy: 'staff-1',
    station: 'FD', lastHlc: '', terms: [], ...over,
  };
}

const labels: RegisterLabels = {
  time: (ms) => new Date(ms).toISOString().slice(0, 16),
  backfilled: '补单',
  kind: (k) => `kind:${k}`,
  status: (s) => `status:${s}`,
  place: (p) => `place:${p}`,
  department: (d) => `dept:${d}`,
  subtype: (s) => `sub:${s}`,
  branch: (b) => `branch:${b}`,
  triage: (c, r) => `${c}/${r}`,
  result: (r) => `result:${r}`,
  signedOff: (by, time) => `${by}@${time}`,
  outcome: (o) => (o.referral ? `referred:${o.referral.to}` : o.kind),
  reportedUp: (to, time) => `${to}@${time}`,
  reply: (step, time) => `${step}@${time}`,
  emergencyCall: (n, time) => `${n}@${time}`,
  phone: registerPhone(false, context),
  staff: (id) => (id === 'staff-1' ? '李经理' : ''),
  separator: '; ',
};

const at = (h: number, m = 0) => Date.UTC(2026, 11, 6, h, m);

describe('registers', () => {
  it('R-RECORD: each kind is entered in its paper form', () => {
    expect(REGISTER_KINDS.help).toEqual(['medical', 'security', 'disaster']);
    expect(REGISTER_KINDS.complaint).toEqual(['complaint']);
    expect(REGISTER_KINDS.repair).toEqual(['repair']);
    expect(REGISTER_KINDS.daily).toEqual(['inquiry', 'other']);
  });

  it('R-RECORD: every form has the number, time, place, caller, phone, matter, status and handler, and its own columns', () => {
    for (const id of ['help', 'complaint', 'repair', 'daily'] as const) {
      const columns = registerColumns(id);
      expect(columns.slice(0, 6)).toEqual(['number', 'receivedAt', 'place', 'caller', 'phone', 'description']);
      expect(columns.slice(-2)).toEqual(['status', 'handledBy']);
    }
    expect(registerColumns('complaint')).toEqual(expect.arrayContaining(['triage', 'department', 'promisedAt', 'resolvedAt', 'confirmedAt']));
    expect(registerColumns('repair')).toEqual(expect.arrayContaining(['faultLocation', 'workOrders', 'assignee', 'onSiteAt', 'result', 'signedOff']));
    expect(registerColumns('help')).toEqual(expect.arrayContaining(['category', 'emergencyCalls', 'reportedUp']));
    expect(registerColumns('daily')).toEqual(expect.arrayContaining(['replies', 'outcome']));
  });

  it('R-REPAIR-RETURN: a repair line shows its orders, who, on site, the result and the sign-off', () => {
    const row = registerRow(ticket({
      handling: {
        details: { faultLocation: '厨房水管' },
        workOrders: [{ number: 'FD-W20261206-01', department: 'engineering', technician: '王师傅', issuedAt: at(2, 3) }],
        onSiteAt: at(2, 20), returned: { at: at(3), result: 'fixed' }, signedOff: { at: at(3, 5), by: 'resident' },
      },
    }), 'repair', labels);
    const cells = Object.fromEntries(registerColumns('repair').map((c, i) => [c, row[i]]));
    expect(cells).toMatchObject({
      number: 'FD-20261206-001', place: '3-1502', caller: '张三', faultLocation: '厨房水管', workOrders: 'FD-W20261206-01',
      assignee: 'dept:engineering; 王师傅', onSiteAt: '2026-12-06T02:20', result: 'result:fixed 2026-12-06T03:00',
      signedOff: 'resident@2026-12-06T03:05', status: 'status:open', handledBy: '李经理',
    });
  });

  it('R-COMPLAINT-TRIAGE: a complaint line shows its triage, department, promise, resolution and confirmation', () => {
    const row = registerRow(ticket({
      kind: 'complaint', handling: { triage: { category: 'valid', reason: 'rudeService' }, department: 'security', promisedAt: at(20), resolvedAt: at(10), confirmedAt: at(11) },
    }), 'complaint', labels);
    expect(row).toEqual(expect.arrayContaining(['valid/rudeService', 'dept:security', '2026-12-06T20:00', '2026-12-06T10:00', '2026-12-06T11:00']));
  });

  it('R-EMERGENCY-NUMBERS: a help line shows the kind, subtype, the numbers called in order and who was told', () => {
    const row = registerRow(ticket({
      kind: 'security', unitKey: '', handling: { place: 'carPark', details: { subtype: 'theft' }, emergencyCalls: { '120': at(4), '110': at(3) }, reportedUp: { supervisor: at(5) } },
    }), 'help', labels);
    expect(row[2]).toBe('place:carPark');
    expect(row).toEqual(expect.arrayContaining(['kind:security; sub:theft', '110@2026-12-06T03:00; 120@2026-12-06T04:00', 'supervisor@2026-12-06T05:00']));
  });

  it('R-NO-BUCK-PASSING: a daily affairs line shows the replies and the referral', () => {
    const row = registerRow(ticket({
      kind: 'inquiry', handling: { answeredAt: at(2, 1), outcome: { kind: 'referred', referral: { to: '自来水公司', how: '电话' } } },
    }), 'daily', labels);
    expect(row).toEqual(expect.arrayContaining(['answered@2026-12-06T02:01', 'referred:自来水公司']));
  });

  it('R-RECORD (补单): a back-filled request is marked 补单 beside its received time', () => {
    expect(registerRow(ticket({ backfilled: 1 }), 'repair', labels)[1]).toBe('2026-12-06T02:00 补单');
  });

  it('R-CONFIDENTIAL: the number is masked for a role without phone.unmask, in full otherwise', () => {
    expect(registerRow(ticket({}), 'repair', labels)[4]).toBe('138****8000');
    expect(registerRow(ticket({}), 'repair', { ...labels, phone: registerPhone(true, context) })[4]).toBe('13800138000');
    expect(registerRow(ticket({ callerPhone: '' }), 'repair', labels)[4]).toBe('');
  });

  it('R-RECORD: several kinds merge in received order, a page at a time, ties by id', () => {
    const medical = [ticket({ id: 'a', kind: 'medical', receivedAt: 1 }), ticket({ id: 'd', kind: 'medical', receivedAt: 4 }), ticket({ id: 'e', kind: 'medical', receivedAt: 5 })];
    const security = [ticket({ id: 'b', kind: 'security', receivedAt: 2 }), ticket({ id: 'c', kind: 'security', receivedAt: 4 })];
    const first = mergePage([medical, security], 3);
    expect(first.rows.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(first.next).toEqual({ receivedAt: 4, id: 'c' });
    const rest = [medical, security].map((list) => list.filter((t) => isAfter(t, first.next)));
    const second = mergePage(rest, 3);
    expect(second.rows.map((t) => t.id)).toEqual(['d', 'e']);
    expect(second.next).toBeNull();
  });

  it('a date range is whole days in the station time zone', () => {
    expect(dayStart('2026-12-06', SHANGHAI)).toBe(Date.UTC(2026, 11, 5, 16));
    expect(rangeSpan({ from: '2026-12-06', to: '2026-12-06' }, SHANGHAI)).toEqual({ start: Date.UTC(2026, 11, 5, 16), end: Date.UTC(2026, 11, 6, 16) });
    expect(dayOf(Date.UTC(2026, 11, 5, 16, 30), SHANGHAI)).toBe('2026-12-06');
    // A day with a DST change is 23 hours long.
    const spring = rangeSpan({ from: '2026-03-08', to: '2026-03-08' }, 'America/New_York');
    expect(spring.end - spring.start).toBe(23 * 3600_000);
    expect(spring.start).toBe(Date.UTC(2026, 2, 8, 5));
  });
});
