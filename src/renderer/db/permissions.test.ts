import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase, loggedCount, loggedEvent } from '../testing/testStation';
import Dexie from 'dexie';
import type { DeskEvent } from '@shared/events/envelope';
import { hashPin, verifyPin } from '@shared/staff/pin';
import { project } from './projections';
import { SaveError } from './eventStore';
import { CURRENT_SCHEMA_VERSION, schemaV9 } from './schema';
import { setupStation } from '../features/setup/setupStation';
import { addStaff, updateStaff } from '../features/staff/staffCommands';

function freshDb() {
  const db = testDatabase(`perm-${Math.random()}`);
  return db;
}

/** A desk with its manager and a clerk; `remote` applies an event as the sync apply will. */
async function desk() {
  const db = freshDb();
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  let n = 0;
  const later = () => `2099-01-01T00:00:00.000Z-${(++n).toString(16).padStart(4, '0')}-00000000000000cc`;
  const remote = async (event: Omit<DeskEvent, 'id' | 'hlc' | 'station'> & { hlc?: string }) => {
    const full: DeskEvent = { id: `remote-${++n}`, station: 'control-room', hlc: later(), ...event };
    await db.transaction('rw', db.tables, async () => {
      await db.events.add(full);
      await project(db, full);
    });
    return full;
  };
  return { db, store, managerId, clerkId, remote, later };
}

describe('permissions where events are folded (S7)', () => {
  it('S7: a staff.pinSet for the manager by a clerk, or by an unknown actor, is not applied, stays in the log and is listed', async () => {
    const { db, managerId, clerkId, remote } = await desk();
    const evil = await hashPin('999999', 100_000);
    const byClerk = await remote({ stream: `staff:${managerId}`, type: 'staff.pinSet', actor: clerkId, payload: { pin: evil } });
    const byNobody = await remote({ stream: `staff:${managerId}`, type: 'staff.pinSet', actor: 'nobody', payload: { pin: evil } });
    const manager = (await db.staff.get(managerId))!;
    expect(await verifyPin('246813', manager.pin)).toBe(true);
    expect(await verifyPin('999999', manager.pin)).toBe(false);
    expect(await loggedEvent(db, byClerk.id)).toBeTruthy();
    expect(await db.refusedEvents.orderBy('hlc').toArray()).toMatchObject([
      { id: byClerk.id, type: 'staff.pinSet', actor: clerkId, station: 'control-room', reason: 'notPermitted' },
      { id: byNobody.id, type: 'staff.pinSet', actor: 'nobody', reason: 'unknownActor' },
    ]);
  });

  it('S7: the same staff.pinSet by the manager is applied', async () => {
    const { db, managerId, clerkId, remote } = await desk();
    const fresh = await hashPin('5555', 100_000);
    await remote({ stream: `staff:${clerkId}`, type: 'staff.pinSet', actor: managerId, payload: { pin: fresh } });
    expect(await verifyPin('5555', (await db.staff.get(clerkId))!.pin)).toBe(true);
    expect(await db.refusedEvents.count()).toBe(0);
  });

  it('S7: demoted at T: the event after T is refused, the one before T applied, also when the demotion arrives late', async () => {
    const { db, store, managerId, clerkId, remote, later } = await desk();
    await updateStaff(db, store, clerkId, { role: 'manager' }, managerId);
    const [beforeT, t, afterT] = [later(), later(), later()];
    // The renames arrive first; the demotion between them arrives last (sync out of order).
    const renamedBefore = await remote({ hlc: beforeT, stream: `staff:${managerId}`, type: 'staff.updated', actor: clerkId, payload: { name: '李总' } });
    const renamedAfter = await remote({ hlc: afterT, stream: `staff:${managerId}`, type: 'staff.updated', actor: clerkId, payload: { name: '被改名' } });
    expect((await db.staff.get(managerId))?.name).toBe('被改名');
    await remote({ hlc: t, stream: `staff:${clerkId}`, type: 'staff.updated', actor: managerId, payload: { role: 'clerk' } });
    // The manager's stream is decided again when it is next re-folded (a late event of its own).
    await remote({ hlc: beforeT.replace('-00000000000000cc', '-00000000000000cb'), stream: `staff:${managerId}`, type: 'staff.signedIn', actor: managerId, payload: { reason: 'signIn' } });
    expect((await db.staff.get(managerId))?.name).toBe('李总');
    expect((await db.refusedEvents.toArray()).map((r) => r.id)).toEqual([renamedAfter.id]);
    expect(await loggedEvent(db, renamedBefore.id)).toBeTruthy();
  });

  it('S7: a ticket opened by an unknown actor is not applied; the setup manager is the station\'s only bootstrap', async () => {
    const { db, remote } = await desk();
    await remote({
      stream: 'ticket:t-evil', type: 'ticket.opened', actor: null, payload: {
        number: 'CR-20991231-001', channel: 'phone', kind: 'repair', urgency: 'normal', building: '3', room: '1502', unitKey: '3-1502',
        callerName: '', callerPhone: '', description: '伪造', paid: false, receivedAt: 0,
      },
    });
    expect(await db.tickets.get('t-evil')).toBeUndefined();
    const pin = await hashPin('123456', 100_000);
    await remote({ stream: 'staff:m1', type: 'staff.added', actor: 'm1', station: 'front-desk', payload: { name: 'M', role: 'manager', language: 'zh-CN', pin } } as never);
    await remote({ stream: 'staff:m2', type: 'staff.added', actor: 'm2', payload: { name: 'CR', role: 'manager', language: 'zh-CN', pin } });
    expect(await db.staff.get('m1')).toBeUndefined();
    expect(await db.staff.get('m2')).toMatchObject({ role: 'manager', setupStation: 'control-room' });
  });
});

describe('the store checks every draft against the event registry (P2)', () => {
  it('refuses an unknown type, a wrong stream or a bad payload as invalid, writing nothing', async () => {
    const { db, store, managerId } = await desk();
    const count = await loggedCount(db);
    const bad = [
      { stream: 'staff:x', type: 'staff.madeUp', payload: {} },
      { stream: 'call:x', type: 'staff.signedIn', payload: { reason: 'signIn' } },
      { stream: 'staff:x', type: 'staff.signedIn', payload: { reason: 'whenever' } },
    ];
    for (const draft of bad) {
      const error = await store.append([draft as never], managerId).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SaveError);
      expect(error).toMatchObject({ reason: 'invalid' });
    }
    expect(await loggedCount(db)).toBe(count);
  });

  it('refuses a first manager whose PIN is shorter than 6 digits', async () => {
    await expect(setupStation(freshDb(), { ...TEST_STATION, pin: '2468' })).rejects.toThrow();
  });
});

describe('a database upgraded by another window (S18)', () => {
  it('S18: the old connection closes on versionchange and its next save fails as closed instead of writing', async () => {
    const { db, store, managerId } = await desk();
    let replaced = 0;
    db.onReplaced = () => { replaced += 1; };
    const newer = new Dexie(db.name);
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores(schemaV9);
    await newer.open(); // not blocked: the old connection let go
    expect(replaced).toBe(1);
    const error = await updateStaff(db, store, managerId, { name: '旧窗口' }, managerId).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'closed' });
    expect((await newer.table('staff').get(managerId))?.name).toBe('李经理');
    newer.close();
  });
});
