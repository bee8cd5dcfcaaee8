// The numeric limits of sync protocol v1 (a pinned contract; docs/hub.md). A change here is a
// new protocol version, never a quiet edit.

/** Largest request body the hub reads; larger ones are answered 413 BODY_TOO_LARGE. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Events per push batch, inclusive. */
export const MIN_BATCH_EVENTS = 1;
export const MAX_BATCH_EVENTS = 1000;
/** A payload's size as compact UTF-8 JSON; over this is TOO_LARGE. */
export const MAX_PAYLOAD_BYTES = 65_536;
/** Nesting of a payload, counting the payload object itself and every object or array. */
export const MAX_PAYLOAD_DEPTH = 64;
/** Code-point lengths of the event's string fields. */
export const MAX_ID_LENGTH = 64;
export const MAX_TEXT_LENGTH = 200;
export const MAX_NAME_LENGTH = 32;
/** Pull paging. */
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;
/** A pull page may end early once its events add up to this much compact JSON (more: true). */
export const PULL_PAGE_BYTES = 4 * 1024 * 1024;
/** `after` and `limit` are at most this many decimal digits. */
export const MAX_QUERY_DIGITS = 15;
