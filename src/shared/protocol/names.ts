// Site and station names: 1 to 32 characters from A-Z a-z 0-9 _ - (sync protocol v1, Identities).
import { MAX_NAME_LENGTH } from './limits';

const NAME = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_NAME_LENGTH}}$`);

export function isValidName(value: unknown): value is string {
  return typeof value === 'string' && NAME.test(value);
}
