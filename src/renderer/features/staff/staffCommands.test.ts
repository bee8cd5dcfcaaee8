import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TEST_STATION, testDatabase } from '../../testing/testStation';
import { lockedOutUntil } from '@shared/staff/lockout';
import { DeskDatabase } from '../../db/database';
import { setupStation } from '../setup/setupStation';
import { lastSignedIn, signIn } from '../signin/signIn';
import { addStaff, isDuplicateName, liftLockout, resetPin, updateStaff } from './staffCommands';


async function desk() {
  const db = testDatabase(`staff-${Math.random()}`);
  const { store, managerId } = await setupStation(db, TEST_STATION);
  const clerkId = await addStaff(db, store, { name: '王芳', role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId);
  return { db, store, managerId, clerkId };
}

async function lockOut(db: DeskDatabase, store: Awaited<ReturnType<typeof desk>>['store'], id: string, now: number) {
  for (let i = 0; i < 5; i++) await signIn(db, store, id, '9999', 'signIn', now);
  expect(await signIn(db, store, id, '1234', 'signIn', now)).toMatchObject({ ok: false, reason: 'lockedOut' });
}

describe('staff commands', () => {
  it('U9: a name already taken (other case, width or spacing) is refused and nothing is saved', async () => {
    const { db, store, managerId, clerkId } = await desk();
    for (const name of ['王芳', ' 王芳 ', '李经理']) {
      const error = await addStaff(db, store, { name, role: 'clerk', language: 'zh-CN', pin: '1234' }, managerId).catch((e: unknown) => e);
      expect(isDuplicateName(error)).toBe(true);
    }
    const renamed = await updateStaff(db, store, clerkId, { name: '李经理' }, managerId).catch((e: unknown) => e);
    expect(isDuplicateName(renamed)).toBe(true);
    expect((await db.staff.toArray()).map((s) => s.name).sort()).toEqual(['李经理', '王芳']);
    // Keeping one's own name is no duplicate.
    await updateStaff(db, store, clerkId, { name: '王芳' }, managerId);
  });

  it('U10: a manager lifts a lock-out; the same PIN works at once', async () => {
    const { db, store, managerId, clerkId } = await desk();
    const now = Date.now();
    await lockOut(db, store, clerkId, now);
    expect(lockedOutUntil((await db.staff.get(clerkId))!, now)).toBeGreaterThan(now);
    await liftLockout(store, clerkId, managerId);
    expect(lockedOutUntil((await db.staff.get(clerkId))!, now)).toBeNull();
    expect(await signIn(db, store, clerkId, '1234', 'signIn', Date.now())).toMatchObject({ ok: true });
  });

  it('U10: a PIN reset lifts the lock-out; the new PIN works at once', async () => {
    const { db, store, managerId, clerkId } = await desk();
    const now = Date.now();
    await lockOut(db, store, clerkId, now);
    await resetPin(store, { id: clerkId, role: 'clerk' }, '5678', managerId);
    expect(await signIn(db, store, clerkId, '5678', 'signIn', Date.now())).toMatchObject({ ok: true });
  });

  it('U10: a clerk cannot lift a lock-out (the fold refuses it)', async () => {
    const { db, store, managerId, clerkId } = await desk();
    const otherId = await addStaff(db, store, { name: '张伟', role: 'clerk', language: 'zh-CN', pin: '4321' }, managerId);
    const now = Date.now();
    await lockOut(db, store, otherId, now);
    await liftLockout(store, otherId, clerkId);
    expect(await signIn(db, store, otherId, '4321', 'signIn', Date.now())).toMatchObject({ ok: false, reason: 'lockedOut' });
    expect(await db.refusedEvents.filter((r) => r.type === 'staff.lockoutLifted').count()).toBe(1);
  });

  it('U21: the station remembers who signed in last', async () => {
    const { db, store, clerkId } = await desk();
    expect(await signIn(db, store, clerkId, '1234', 'signIn')).toMatchObject({ ok: true });
    expect(await lastSignedIn(db)).toBe(clerkId);
  });
});
