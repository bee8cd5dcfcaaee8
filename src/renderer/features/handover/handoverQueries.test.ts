import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '@shared/ids';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { createTicket } from '../intake/createTicket';
import { dismissCall, linkCall, receiveCall } from '../calls/callCommands';
import { gatherForm } from './handoverQueries';

// R-HANDOVER-SIGN: the work-transfer form filled from the data: open requests, the shift's calls
// with no request (R-CONFIDENTIAL: masked, whoever writes the form), keys out.

const shenzhen = { countryCode: '86', areaCode: '755' };

describe('the work-transfer form from the data', () => {
  it('R-HANDOVER-SIGN: open requests, this shift\'s calls with no request (masked), keys out', async () => {
    const db = testDatabase();
    const { store, managerId } = await setupStation(db, TEST_STATION);
    const start = Date.now() - 3_600_000;
    const ticket = await createTicket(db, store, 'Asia/Shanghai', {
      channel: 'phone', kind: 'repair', urgency: 'urgent', building: '3', room: '1502', callerName: '张三', callerPhone: '13800138000', description: '厨房漏水', paid: false, receivedAt: start + 60_000,
    }, managerId, start + 60_000);
    const ring = async (number: string, at: number) => {
      const received = await receiveCall(db, store, shenzhen, { id: uuidv7(at), number, name: null, withheld: false, numberStatus: 'present', at }, managerId);
      await received!.logged;
      return received!.incoming.callId;
    };
    await ring('13900000001', start - 60_000); // before the shift: not listed
    const waiting = await ring('13900000002', start + 120_000);
    const dismissed = await ring('13900000003', start + 180_000);
    const linked = await ring('13800138000', start + 240_000);
    await dismissCall(store, dismissed, managerId);
    await linkCall(store, linked, ticket.id, ticket.number, managerId);
    // The key register's row as keyFold writes it (another feature's events make it).
    await db.keys.put({ id: 'k1', out: 1, label: '3栋水泵房', lastHlc: '' } as never);
    await db.keys.put({ id: 'k2', out: 0, label: '5-201 业主钥匙', lastHlc: '' } as never);

    const form = await gatherForm(db, { day: '2026-12-06', shiftId: 'day', startsAt: start });
    expect(form.requests).toEqual([expect.objectContaining({ ticketId: ticket.id, number: ticket.number, kind: 'repair', status: 'open' })]);
    expect(form.calls).toEqual([
      { callId: waiting, at: start + 120_000, number: '*******0002', outcome: 'pending' },
      { callId: dismissed, at: start + 180_000, number: '*******0003', outcome: 'none' },
    ]);
    expect(form.keys).toEqual([{ keyId: 'k1', label: '3栋水泵房' }]);
    expect(form.more).toEqual({ requests: 0, alarms: 0, calls: 0, keys: 0 });
  });
});
