import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { DutyRow } from '@shared/shifts/dutyFold';
import type { ShiftLogRow } from '@shared/shifts/shiftLogFold';
import { TEST_STATION, testDatabase, loggedCount } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { markItem, passOnItem, signAsIncoming, signAsOutgoing, sortItem, type FormContent } from './handoverCommands';

// The handover's commands on a real store: refused steps write nothing; both PINs make the
// incoming person the one holding the desk (dutyFold).

const TZ = 'Asia/Shanghai';
const NOW = Date.parse('2026-12-06T19:50:00+08:00');
const SHIFT = { day: '2026-12-06', shiftId: 'day', startsAt: Date.parse('2026-12-06T08:00:00+08:00') };

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const dayClerk = await addStaff(db, store, { name: '王文员', role: 'clerk', language: 'zh-CN', pin: '2468' }, managerId);
  const nightClerk = await addStaff(db, store, { name: '刘夜班', role: 'clerk', language: 'zh-CN', pin: '1357' }, managerId);
  const content = (incoming = nightClerk): FormContent => ({
    outgoing: dayClerk, incoming, requests: [], alarms: [], calls: [], keys: [], more: { requests: 0, alarms: 0, calls: 0, keys: 0 }, equipment: '对讲机 4 台齐全', notes: '',
  });
  const log = async () => (await db.shifts.get('2026-12-06|day')) as ShiftLogRow | undefined;
  const duty = async () => (await db.shifts.get('desk')) as DutyRow | undefined;
  return { db, store, managerId, dayClerk, nightClerk, content, log, duty };
}

describe('handover commands', () => {
  it('R-HANDOVER-READ: an item is sorted before it is marked; a refused mark writes nothing', async () => {
    const { db, store, dayClerk, nightClerk, log } = await desk();
    const itemId = await passOnItem(db, store, SHIFT, { text: '3栋电梯异响,维保明早来' }, dayClerk, NOW);
    const before = await loggedCount(db);
    await expect(markItem(db, store, SHIFT, itemId, 'ok', undefined, nightClerk, NOW)).rejects.toMatchObject({ code: 'notSorted' });
    expect(await loggedCount(db)).toBe(before);
    await sortItem(db, store, SHIFT, itemId, 'urgent', nightClerk, TZ, NOW);
    await markItem(db, store, SHIFT, itemId, 'ok', undefined, nightClerk, NOW);
    await expect(markItem(db, store, SHIFT, itemId, 'toManager', undefined, nightClerk, NOW)).rejects.toMatchObject({ code: 'settled' });
    expect((await log())?.items?.[0]).toMatchObject({ urgency: 'urgent', sortedBy: nightClerk, marks: [{ mark: 'ok', by: nightClerk }] });
  });

  it('R-HANDOVER-SIGN: both PINs, outgoing then incoming; then the incoming person holds the desk and the shift\'s list is closed', async () => {
    const { db, store, dayClerk, nightClerk, content, log, duty } = await desk();
    await passOnItem(db, store, SHIFT, { text: '5-201 投诉待回访' }, dayClerk, NOW);
    expect(await signAsOutgoing(db, store, SHIFT, content(), '9999', NOW)).toMatchObject({ ok: false, reason: 'wrongPin' });
    expect((await log())?.form).toBeUndefined();
    const signed = await signAsOutgoing(db, store, SHIFT, content(), '2468', NOW);
    if (!signed.ok) throw new Error('outgoing signature refused');
    expect((await log())?.form).toMatchObject({ formId: signed.formId, equipment: '对讲机 4 台齐全', writtenBy: dayClerk });
    expect((await duty())?.holder.staffId).toBeNull();

    expect(await signAsIncoming(db, store, signed.formId, nightClerk, '0000', NOW + 60_000)).toMatchObject({ ok: false, reason: 'wrongPin' });
    const done = await signAsIncoming(db, store, signed.formId, nightClerk, '1357', NOW + 60_000);
    expect(done.ok).toBe(true);
    expect((await duty())?.holder).toMatchObject({ staffId: nightClerk, since: NOW + 60_000 });
    expect((await duty())?.forms.find((f) => f.formId === signed.formId)).toMatchObject({ outgoingSignedAt: NOW, incomingSignedAt: NOW + 60_000 });
    await expect(passOnItem(db, store, SHIFT, { text: '晚了' }, dayClerk, NOW + 120_000)).rejects.toMatchObject({ code: 'handedOver' });
    await expect(signAsOutgoing(db, store, SHIFT, content(), '2468', NOW + 120_000)).rejects.toMatchObject({ code: 'handedOver' });
  });

  it('R-HANDOVER-SIGN: a form signed by the wrong person is refused, whatever their PIN, and writes nothing', async () => {
    const { db, store, managerId, dayClerk, content, duty } = await desk();
    await expect(signAsOutgoing(db, store, SHIFT, content(dayClerk), '2468', NOW)).rejects.toMatchObject({ code: 'samePerson' });
    const signed = await signAsOutgoing(db, store, SHIFT, content(), '2468', NOW);
    if (!signed.ok) throw new Error('outgoing signature refused');
    const before = await loggedCount(db);
    await expect(signAsIncoming(db, store, signed.formId, managerId, '246813', NOW)).rejects.toMatchObject({ code: 'wrongSigner' });
    await expect(signAsIncoming(db, store, signed.formId, dayClerk, '2468', NOW)).rejects.toMatchObject({ code: 'wrongSigner' });
    await expect(signAsIncoming(db, store, 'no-such-form', dayClerk, '2468', NOW)).rejects.toMatchObject({ code: 'noForm' });
    expect(await loggedCount(db)).toBe(before);
    expect((await duty())?.holder.staffId).toBeNull();
  });
});
