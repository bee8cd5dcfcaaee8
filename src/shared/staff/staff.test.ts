import { describe, expect, it } from 'vitest';
import { hashPin, verifyPin } from './pin';
import { pinProblem } from './pinPolicy';
import type { Role } from '../domain/roles';
import { afterFailure, honourLift, isLockedOut, lockedOutUntil, MAX_PIN_FAILURES, noAttempts } from './lockout';
import { foldStaff } from './staffFold';
import type { DeskEvent } from '../events/envelope';

const ev = (type: string, hlc: string, payload: object): DeskEvent => ({
  id: hlc, stream: 'staff:s1', type, hlc, station: 'FD', actor: null, payload: payload as Record<string, unknown>,
});

describe('PINs', () => {
  it('are stored as a salted slow hash that verifies only the right PIN', async () => {
    const stored = await hashPin('2468', 100_000);
    expect(JSON.stringify(stored)).not.toContain('2468');
    expect(stored.iterations).toBe(100_000);
    expect(await verifyPin('2468', stored)).toBe(true);
    expect(await verifyPin('2469', stored)).toBe(false);
    expect(await verifyPin('abc', stored)).toBe(false);
    const again = await hashPin('2468', 100_000);
    expect(again.salt).not.toBe(stored.salt);
  });

  it('refuses a PIN that is not 4 to 12 digits', async () => {
    await expect(hashPin('12')).rejects.toThrow();
    await expect(hashPin('1234567890123')).rejects.toThrow();
  });

  it('S7: managers and supervisors need 6 digits at least; a verifier says its format, and one from before the field still verifies', async () => {
    expect(['clerk', 'controlRoom', 'supervisor', 'manager'].map((role) => pinProblem('1234', role as Role))).toEqual([null, null, 'short', 'short']);
    expect(pinProblem('246813', 'manager')).toBeNull();
    expect(pinProblem('12ab56', 'clerk')).toBe('format');
    const stored = await hashPin('246813', 100_000);
    expect(stored.v).toBe(1);
    const { v: _v, ...beforeVersions } = stored;
    expect(await verifyPin('246813', beforeVersions)).toBe(true);
    expect(await verifyPin('246813', { ...stored, v: 2 as never })).toBe(false);
  });
});

describe('lock-out', () => {
  it('locks after five failures, and longer each time', () => {
    let attempts = noAttempts;
    for (let i = 0; i < MAX_PIN_FAILURES - 1; i++) attempts = afterFailure(attempts, 0);
    expect(isLockedOut(attempts, 0)).toBe(false);
    attempts = afterFailure(attempts, 0);
    expect(isLockedOut(attempts, 59_000)).toBe(true);
    expect(isLockedOut(attempts, 61_000)).toBe(false);
    for (let i = 0; i < MAX_PIN_FAILURES; i++) attempts = afterFailure(attempts, 100_000);
    expect(attempts.lockedUntil).toBe(100_000 + 120_000);
  });
});

describe('staff fold', () => {
  const pin = { algorithm: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: '0'.repeat(32), hash: '1'.repeat(64) };
  it('applies the last writer per field whatever the arrival order', () => {
    const added = ev('staff.added', '2026-11-22T08:00:00.000Z-0000-0000000000000001', { name: '王芳', role: 'clerk', language: 'zh-CN', pin });
    const renamed = ev('staff.updated', '2026-11-22T09:00:00.000Z-0000-0000000000000001', { name: '王芳芳' });
    const promoted = ev('staff.updated', '2026-11-22T08:30:00.000Z-0000-0000000000000002', { role: 'supervisor', name: '旧名' });
    const inOrder = [added, promoted, renamed].reduce(foldStaff, null);
    const shuffled = [added, renamed, promoted].reduce(foldStaff, null);
    expect(inOrder).toEqual(shuffled);
    expect(inOrder).toMatchObject({ name: '王芳芳', role: 'supervisor', active: 1 });
  });
});

describe('U10: lifting a lock-out', () => {
  const pin = { algorithm: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: '0'.repeat(32), hash: '1'.repeat(64) };
  const at = (minute: number) => `2026-11-22T08:${String(minute).padStart(2, '0')}:00.000Z-0000-0000000000000001`;
  const added = ev('staff.added', at(0), { name: '王芳', role: 'clerk', language: 'zh-CN', pin });
  const lockedOut = ev('staff.lockedOut', at(10), { failures: 5, until: Date.parse('2026-11-22T08:11:00Z') });
  const liftAt = ev('staff.lockoutLifted', '2026-11-22T08:10:30.000Z-0000-0000000000000001', {});
  const pinReset = ev('staff.pinSet', '2026-11-22T08:10:40.000Z-0000-0000000000000001', { pin });
  const during = Date.parse('2026-11-22T08:10:50Z');

  it('the staff fold knows a lock-out until its end, and a lift or a PIN reset after it ends it, in any arrival order', () => {
    expect(lockedOutUntil([added, lockedOut].reduce(foldStaff, null)!, during)).toBe(Date.parse('2026-11-22T08:11:00Z'));
    expect(lockedOutUntil([added, lockedOut].reduce(foldStaff, null)!, Date.parse('2026-11-22T08:11:01Z'))).toBeNull();
    for (const order of [[added, lockedOut, liftAt], [added, liftAt, lockedOut]]) expect(lockedOutUntil(order.reduce(foldStaff, null)!, during)).toBeNull();
    expect(lockedOutUntil([added, lockedOut, pinReset].reduce(foldStaff, null)!, during)).toBeNull();
    // A lift before the lock-out does not end it.
    const early = ev('staff.lockoutLifted', at(5), {});
    expect(lockedOutUntil([added, early, lockedOut].reduce(foldStaff, null)!, during)).not.toBeNull();
  });

  it('sign-in forgets the counted failures only when the lift came after the last of them', () => {
    let attempts = noAttempts;
    for (let i = 0; i < MAX_PIN_FAILURES; i++) attempts = afterFailure(attempts, 1_000);
    expect(isLockedOut(honourLift(attempts, null), 2_000)).toBe(true);
    expect(isLockedOut(honourLift(attempts, 500), 2_000)).toBe(true);
    expect(honourLift(attempts, 1_500)).toEqual(noAttempts);
  });
});
