// Site and station names: 1 to 32 characters from A-Z a-z 0-9 _ - (sync protocol v1, Identities).
// The one owner of the rule: the hub's CLIs, the setup form and the station.configured event
// all check names with this schema (P1).
import { z } from 'zod';
import { MAX_NAME_LENGTH } from './limits';

const NAME = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_NAME_LENGTH}}$`);

/** A site or station name exactly as the hub knows it (no trimming). */
export const nameSchema = z.string().regex(NAME);

/** The same rule without zod, for the hub's per-event check. */
export function isValidName(value: unknown): value is string {
  return typeof value === 'string' && NAME.test(value);
}
