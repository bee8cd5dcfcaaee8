import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase, loggedCount } from '../../testing/testStation';
import { setupStation } from '../setup/setupStation';
import { addStaff } from '../staff/staffCommands';
import { project } from '../../db/projections';
import { formatHlc, parseHlc } from '@shared/hlc';
import { carryOpenLeftovers, fileLeftover, markLeftoverOk, noteLeftoverProgress } from './leftoverCommands';

// R-LEFTOVER on a real store: the month-end carry moves every open issue of an earlier month into
// this month's file once; run again, or by a second station whose carries arrive by sync, the file
// is the same.

const TZ = 'Asia/Shanghai';
const NOV = Date.parse('2026-11-12T10:00:00+08:00');
const DEC = Date.parse('2026-12-01T00:05:00+08:00');

async function desk() {
  const db = testDatabase();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  return { db, store, clerkId };
}

describe('leftover-issues file: month-end carry (renderer)', () => {
  it('R-LEFTOVER: what is open at month end is carried into next month\'s file; what is OK stays in its month; a second run writes nothing', async () => {
    const { db, store, clerkId } = await desk();
    const lift = await fileLeftover(store, TZ, { text: '5栋电梯异响,配件未到', fromShift: '2026-11-12|day' }, clerkId, NOV);
    const roof = await fileLeftover(store, TZ, { text: '天台防水层起鼓' }, clerkId, NOV);
    await noteLeftoverProgress(store, lift, '厂家答复下周到货', clerkId, NOV + 3_600_000);
    await markLeftoverOk(store, roof, '已修复', clerkId, NOV + 7_200_000);
    expect(await carryOpenLeftovers(db, store, TZ, null, DEC)).toBe(1);
    expect(await db.leftovers.get(lift)).toMatchObject({ open: 1, month: '2026-12', filedMonth: '2026-11', carried: [{ from: '2026-11', to: '2026-12' }] });
    expect(await db.leftovers.get(roof)).toMatchObject({ open: 0, month: '2026-11' });
    const events = await loggedCount(db);
    expect(await carryOpenLeftovers(db, store, TZ, null, DEC + 60_000)).toBe(0);
    expect(await loggedCount(db)).toBe(events);
    // This month's file, open first, through the index the screen reads.
    expect((await db.leftovers.where('[open+month]').equals([1, '2026-12']).toArray()).map((r) => r.id)).toEqual([lift]);
  });

  it('R-LEFTOVER: a second station\'s carry of the same issue, arriving by sync before or after ours, leaves one move', async () => {
    const { db, store, clerkId } = await desk();
    const id = await fileLeftover(store, TZ, { text: '地下车库照明不足' }, clerkId, NOV);
    expect(await carryOpenLeftovers(db, store, TZ, clerkId, DEC)).toBe(1);
    const after = await db.leftovers.get(id);
    const ours = parseHlc(after!.lastHlc)!;
    // The control room's station carried it too: once stamped after ours, once before (it re-folds).
    const stamps = [ours.millis + 5_000, ours.millis - 5_000].map((millis) => formatHlc({ millis, counter: 0, node: '00000000000000cc' }));
    for (const [n, hlc] of stamps.entries()) {
      const event = { id: `remote-${n}`, stream: `leftover:${id}`, type: 'leftover.carried', hlc, station: 'control-room', actor: null, payload: { at: DEC, fromMonth: '2026-11', toMonth: '2026-12' } };
      await db.transaction('rw', db.tables, async () => {
        await db.events.add(event);
        await project(db, event);
      });
    }
    const row = await db.leftovers.get(id);
    expect(row).toMatchObject({ month: '2026-12', open: 1, carried: [{ from: '2026-11', to: '2026-12' }] });
    expect(row?.carried).toHaveLength(after!.carried.length);
  });

  it('R-LEFTOVER: a station off for two months carries straight into the current month', async () => {
    const { db, store, clerkId } = await desk();
    const id = await fileLeftover(store, TZ, { text: '消防栓漏水' }, clerkId, NOV);
    expect(await carryOpenLeftovers(db, store, TZ, null, Date.parse('2027-01-15T09:00:00+08:00'))).toBe(1);
    expect(await db.leftovers.get(id)).toMatchObject({ month: '2027-01', carried: [{ from: '2026-11', to: '2027-01' }] });
  });
});
