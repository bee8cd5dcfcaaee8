// Push batches: at most 1000 events and `maxBytes` of JSON (the web bridge carries 1 MiB a
// message; the hub takes 5 MiB a body). A 413 halves the count (F11).
import type { SyncEvent } from '@shared/sync/syncContract';

export const MAX_PUSH_EVENTS = 1000;

/** UTF-8 length of a string without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** How many of `events`, from the start, fit one request: at least one (the hub judges a lone giant). */
export function fitting(events: readonly SyncEvent[], maxEvents: number, maxBytes: number): number {
  let bytes = 32; // {"events":[...],"relay":false}
  const limit = Math.min(events.length, maxEvents);
  for (let i = 0; i < limit; i++) {
    bytes += utf8Length(JSON.stringify(events[i])) + 1;
    if (bytes > maxBytes) return Math.max(1, i);
  }
  return limit;
}
