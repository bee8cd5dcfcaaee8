// A push request's body: UTF-8 JSON (a leading byte-order mark ignored) holding an object with
// an `events` array of 1 to 1000 items and an optional boolean `relay`.
import { MAX_BATCH_EVENTS, MIN_BATCH_EVENTS } from './limits';
import { isJsonObject } from './payload';

export type BodyDecode = { ok: true; value: unknown } | { ok: false; code: 'NOT_JSON'; message: string };

// fatal: invalid UTF-8 must be refused, not repaired into U+FFFD. ignoreBOM keeps a leading BOM
// in the text, for parseJsonText to drop exactly one.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeJsonBody(bytes: Uint8Array): BodyDecode {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, code: 'NOT_JSON', message: 'the body is not valid UTF-8' };
  }
  return parseJsonText(text);
}

/** Parses text already known to be valid UTF-8, ignoring one leading byte-order mark. */
export function parseJsonText(text: string): BodyDecode {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown };
  } catch {
    return { ok: false, code: 'NOT_JSON', message: 'the body is not JSON' };
  }
}

export type BatchCheck =
  | { ok: true; events: unknown[]; relay: boolean }
  | { ok: false; code: 'NOT_A_BATCH' | 'BATCH_SIZE'; message: string };

export function checkBatch(body: unknown): BatchCheck {
  const own = (key: string) => isJsonObject(body) && Object.prototype.hasOwnProperty.call(body, key);
  if (!isJsonObject(body) || !own('events') || !Array.isArray(body.events)) {
    return { ok: false, code: 'NOT_A_BATCH', message: 'the body is not an object with an "events" array' };
  }
  if (own('relay') && typeof body.relay !== 'boolean') {
    return { ok: false, code: 'NOT_A_BATCH', message: '"relay" must be a boolean' };
  }
  const events = body.events as unknown[];
  if (events.length < MIN_BATCH_EVENTS || events.length > MAX_BATCH_EVENTS) {
    return { ok: false, code: 'BATCH_SIZE', message: `"events" holds ${events.length} items; 1 to ${MAX_BATCH_EVENTS} are allowed` };
  }
  return { ok: true, events, relay: body.relay === true };
}
