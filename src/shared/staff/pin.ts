import type { PinHash } from './staffEvents';

// Personal PINs are stored only as a slow-KDF verifier (PBKDF2-SHA256, WebCrypto in both the
// renderer and Node). 4–12 digits (6 at least for managers and supervisors: pinPolicy.ts): a
// PIN's strength at the desk is the lock-out, the KDF guards a stolen copy. The verifier carries
// its format version `v` (absent: 1) and its iteration count, so a stronger format can be added
// while old verifiers still verify (docs/pins.md).

export const PIN_PATTERN = /^\d{4,12}$/;
export const DEFAULT_PIN_ITERATIONS = 310_000;
export const PIN_VERIFIER_VERSION = 1;

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await globalThis.crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await globalThis.crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt.slice().buffer, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = DEFAULT_PIN_ITERATIONS): Promise<PinHash> {
  if (!PIN_PATTERN.test(pin)) throw new Error('PIN must be 4 to 12 digits');
  const salt = new Uint8Array(16);
  globalThis.crypto.getRandomValues(salt);
  return { v: PIN_VERIFIER_VERSION, algorithm: 'PBKDF2-SHA256', iterations, salt: toHex(salt), hash: toHex(await derive(pin, salt, iterations)) };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (!PIN_PATTERN.test(pin)) return false;
  // v1 (and verifiers from before the field existed) is the only format so far.
  if ((stored.v ?? 1) !== 1) return false;
  const candidate = await derive(pin, fromHex(stored.salt), stored.iterations);
  const expected = fromHex(stored.hash);
  // Constant-time comparison: no early exit on the first differing byte.
  let diff = candidate.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= (candidate[i] ?? 0) ^ expected[i]!;
  return diff === 0;
}
