import type { Role } from '../domain/roles';
import { PIN_PATTERN } from './pin';

// docs/pins.md (S7): PIN verifiers travel in events to the hub and every station, so a stolen
// copy can be guessed offline at the KDF's pace. The roles that manage staff and settings get a
// longer PIN: 6 digits at least (10^6 guesses of 310k PBKDF2 rounds each), the others 4.

export const MIN_PIN_DIGITS: Record<Role, number> = { clerk: 4, controlRoom: 4, supervisor: 6, manager: 6 };

/** Why a new PIN is not accepted for this role: `format` (not 4–12 digits) or `short`; null when fine. */
export function pinProblem(pin: string, role: Role): 'format' | 'short' | null {
  if (!PIN_PATTERN.test(pin)) return 'format';
  return pin.length < MIN_PIN_DIGITS[role] ? 'short' : null;
}
