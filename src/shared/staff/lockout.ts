// Lock-out after repeated wrong PINs: five tries, then a pause that doubles each time.

export const MAX_PIN_FAILURES = 5;
export const FIRST_LOCKOUT_MS = 60_000;
export const MAX_LOCKOUT_MS = 30 * 60_000;

export interface PinAttempts {
  failures: number;
  lockouts: number;
  lockedUntil: number;
}

export const noAttempts: PinAttempts = { failures: 0, lockouts: 0, lockedUntil: 0 };

export function isLockedOut(attempts: PinAttempts, now: number): boolean {
  return attempts.lockedUntil > now;
}

export function afterFailure(attempts: PinAttempts, now: number): PinAttempts {
  const failures = attempts.failures + 1;
  if (failures < MAX_PIN_FAILURES) return { ...attempts, failures };
  const pause = Math.min(FIRST_LOCKOUT_MS * 2 ** attempts.lockouts, MAX_LOCKOUT_MS);
  return { failures: 0, lockouts: attempts.lockouts + 1, lockedUntil: now + pause };
}
