import type { PhoneNumber } from '../phone/phoneTypes';
import { samePhone } from '../phone/phoneList';

/** The same numbers in any order. */
export function samePhones(a: readonly PhoneNumber[], b: readonly PhoneNumber[]): boolean {
  return a.length === b.length && a.every((p) => b.some((q) => samePhone(p, q)));
}
