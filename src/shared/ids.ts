// UUIDv7 (RFC 9562): 48-bit Unix ms, version 7, random. Ids sort roughly by creation and stay
// unique across stations without coordination; the HLC, not the id, orders events.

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  let ms = Math.max(0, Math.floor(nowMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A random node id for the HLC: 16 lowercase hex digits. */
export function randomNodeId(): string {
  return Array.from(randomBytes(8), (b) => b.toString(16).padStart(2, '0')).join('');
}
