import { streams } from '@shared/events/envelope';
import { verifyPin } from '@shared/staff/pin';
import { parseHlc } from '@shared/hlc';
import { afterFailure, honourLift, isLockedOut, MAX_PIN_FAILURES, noAttempts } from '@shared/staff/lockout';
import { STAFF_LOCKED_OUT, STAFF_SIGNED_IN, STAFF_SIGNED_OUT } from '@shared/staff/staffEvents';
import type { StaffMember } from '@shared/staff/staffFold';
import type { DeskDatabase } from '../../db/database';
import type { EventStore } from '../../db/eventStore';

export type SignInResult =
  | { ok: true; member: StaffMember }
  | { ok: false; reason: 'wrongPin'; triesLeft: number }
  | { ok: false; reason: 'lockedOut'; until: number }
  | { ok: false; reason: 'inactive' | 'unknown' };

/**
 * Checks a PIN against the stored hash. Failures are counted on this workstation and lock the
 * person out for a while; the lock-out itself is an event, so the supervisor sees it.
 */
export async function signIn(db: DeskDatabase, store: EventStore, staffId: string, pin: string, reason: 'signIn' | 'unlock' | 'switch', now = Date.now()): Promise<SignInResult> {
  const result = await checkPin(db, store, staffId, pin, now);
  if (result.ok) {
    await store.append([{ stream: streams.staff(staffId), type: STAFF_SIGNED_IN, payload: { reason } }], staffId);
    await rememberSignedIn(db, staffId);
  }
  return result;
}

/**
 * The PIN check of signing in without signing in (issue 15: acknowledging an alarm from the lock
 * screen): a wrong PIN counts as an attempt and locks the person out the same way.
 */
export async function checkPin(db: DeskDatabase, store: EventStore, staffId: string, pin: string, now = Date.now()): Promise<SignInResult> {
  const member = await db.staff.get(staffId);
  if (!member) return { ok: false, reason: 'unknown' };
  if (!member.active) return { ok: false, reason: 'inactive' };
  // U10: a manager's lift (or a PIN reset) after the last failure forgets the failures here.
  const liftedAt = member.liftedHlc ? (parseHlc(member.liftedHlc)?.millis ?? null) : null;
  const attempts = { staffId, ...honourLift((await db.pinAttempts.get(staffId)) ?? noAttempts, liftedAt) };
  if (isLockedOut(attempts, now)) return { ok: false, reason: 'lockedOut', until: attempts.lockedUntil };
  if (await verifyPin(pin, member.pin)) {
    await db.pinAttempts.put({ staffId, ...noAttempts });
    return { ok: true, member };
  }
  const next = { staffId, ...afterFailure(attempts, now) };
  await db.pinAttempts.put(next);
  if (isLockedOut(next, now)) {
    await store.append([{ stream: streams.staff(staffId), type: STAFF_LOCKED_OUT, payload: { failures: MAX_PIN_FAILURES, until: next.lockedUntil } }], null);
    return { ok: false, reason: 'lockedOut', until: next.lockedUntil };
  }
  return { ok: false, reason: 'wrongPin', triesLeft: MAX_PIN_FAILURES - next.failures };
}

export async function signOut(store: EventStore, staffId: string, reason: 'lock' | 'idle' | 'switch'): Promise<void> {
  await store.append([{ stream: streams.staff(staffId), type: STAFF_SIGNED_OUT, payload: { reason } }], staffId);
}

const LAST_SIGNED_IN = 'lastSignedIn';

/** U21: who last signed in on this station (local, like the station's identity): the sign-in list starts there. */
export async function rememberSignedIn(db: DeskDatabase, staffId: string): Promise<void> {
  await db.meta.put({ key: LAST_SIGNED_IN, value: staffId });
}

export async function lastSignedIn(db: DeskDatabase): Promise<string | null> {
  const value = (await db.meta.get(LAST_SIGNED_IN))?.value;
  return typeof value === 'string' ? value : null;
}
