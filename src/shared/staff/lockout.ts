// Lock-out after repeated wrong PINs: five tries, then a pause that doubles each time.

export const MAX_PIN_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 60_000;
export const MAX_LOCKOUT_MS = 30 * 60_000;

export interface PinAttempts {
  failures: number;
  lockouts: number;
  lockedUntil: number;
  /** When the last failure was counted (absent in rows from before U10). */
  lastFailureAt?: number;
}

export const noAttempts: PinAttempts = { failures: 0, lockouts: 0, lockedUntil: 0 };

export function isLockedOut(attempts: PinAttempts, now: number): boolean {
  return attempts.lockedUntil > now;
}

export function afterFailure(attempts: PinAttempts, now: number): PinAttempts {
  const failures = attempts.failures + 1;
  if (failures < MAX_PIN_FAILURES) return { ...attempts, failures, lastFailureAt: now };
  const pause = Math.min(FIRST_LOCKOUT_MS * 2 ** attempts.lockouts, MAX_LOCKOUT_MS);
  return { failures: 0, lockouts: attempts.lockouts + 1, lockedUntil: now + pause, lastFailureAt: now };
}

/**
 * U10: the counted failures, forgotten if a manager lifted the lock-out (or reset the PIN) after
 * the last of them. `liftedAt` is the lift's hlc time. A row from before the field existed
 * counts as failed at its lock-out's end, so only a lift after that forgets it.
 */
export function honourLift(attempts: PinAttempts, liftedAt: number | null): PinAttempts {
  if (liftedAt === null) return attempts;
  const lastFailure = attempts.lastFailureAt ?? attempts.lockedUntil;
  return liftedAt >= lastFailure ? { ...noAttempts } : attempts;
}

/** U10: until when a person is locked out as the staff fold knows it (any station); null if not. */
export function lockedOutUntil(member: { lockout?: { until: number; hlc: string }; liftedHlc?: string }, now: number): number | null {
  const { lockout, liftedHlc } = member;
  if (!lockout || lockout.until <= now) return null;
  return liftedHlc && liftedHlc >= lockout.hlc ? null : lockout.until;
}
