// Station tokens and store epochs. Tokens carry 256 random bits, so a fast hash is enough to
// keep them out of the database (no dictionary to guess from).
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new hubEpoch: when the store was made, plus randomness so two restores never collide. */
export function newEpoch(now = new Date()): string {
  return `${now.toISOString()}-${randomBytes(6).toString('hex')}`;
}
