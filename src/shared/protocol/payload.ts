// Deep rules of an event's payload that a schema library cannot express cheaply: nesting depth,
// `__proto__` keys, clean strings (keys too) and finite numbers. The walk never goes deeper than
// the depth limit, so a hostile payload cannot exhaust the stack.
import { MAX_PAYLOAD_DEPTH } from './limits';
import { hasForbiddenChars } from './text';

/** A plain JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns why the payload breaks a rule, or null when it keeps to all of them. */
export function payloadProblem(payload: Record<string, unknown>): string | null {
  return walk(payload, 1);
}

function walk(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return hasForbiddenChars(value) ? 'a string holds U+0000 or an unpaired surrogate' : null;
  // JSON.parse turns 1e400 into Infinity, which would be stored as null: refuse to change data.
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number is out of range';
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_PAYLOAD_DEPTH) return `nested more than ${MAX_PAYLOAD_DEPTH} levels deep`;
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = walk(item, depth + 1);
      if (problem) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return 'an object key is __proto__';
    if (hasForbiddenChars(key)) return 'an object key holds U+0000 or an unpaired surrogate';
    const problem = walk((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}
