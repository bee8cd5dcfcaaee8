import { describe, expect, it } from 'vitest';
import type { DeskEvent } from '../events/envelope';
import { foldCall } from './callFold';

const base = { stream: 'call:c1', station: 'front-desk', actor: 'u1' };
const received: DeskEvent = {
  ...base, id: 'e1', type: 'call.received', hlc: '2026-11-22T08:00:00.000Z-0000-0000000000000001',
  payload: { number: '13800138000', e164: '+8613800138000', name: null, withheld: false, numberStatus: 'present', at: 1, unitKeys: ['3-1502'] },
};
const linked: DeskEvent = { ...base, id: 'e2', type: 'call.linked', hlc: '2026-11-22T08:01:00.000Z-0000-0000000000000001', payload: { ticketId: 't1', ticketNumber: 'FD-20261122-001' } };
const dismissed: DeskEvent = { ...base, id: 'e3', type: 'call.dismissed', hlc: '2026-11-22T08:02:00.000Z-0000-0000000000000001', payload: {} };

describe('call log fold', () => {
  it('records the call as pending, then what it became', () => {
    const call = foldCall(null, received);
    expect(call).toMatchObject({ id: 'c1', outcome: 'pending', unitKeys: ['3-1502'] });
    expect(foldCall(call, linked)).toMatchObject({ outcome: 'ticket', ticketNumber: 'FD-20261122-001' });
    expect(foldCall(call, dismissed)).toMatchObject({ outcome: 'none' });
  });

  it('keeps a linked call linked whatever else arrives', () => {
    expect([received, linked, dismissed].reduce(foldCall, null)).toMatchObject({ outcome: 'ticket' });
  });
});
