// Byte helpers. Caller-ID text is Latin-1, never UTF-8 by default (P2, P18): one byte, one char.

export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  // One string per 4 KiB instead of one per byte: the line framer caps lines at 256 bytes.
  for (let i = start; i < end; i += 4096) {
    text += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return text;
}

export function toHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let hex = '';
  for (let i = start; i < end; i++) hex += bytes[i]!.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}

/** Even-length hex text → bytes, or null. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0 || !/^[0-9A-Fa-f]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * A name field decoded as Latin-1 that is really valid multi-byte UTF-8 (NCID's own test line
 * `Vähälä Joe` is stored as UTF-8, P18) is re-decoded; anything else stays Latin-1.
 */
export function repairUtf8(text: string): string {
  if (!/[\u00c2-\u00f4][\u0080-\u00bf]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text;
    if (c < 0x80) {
      out += text[i];
      continue;
    }
    const extra = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (extra < 0 || i + extra > text.length - 1) return text;
    let code = c & (extra === 1 ? 0x1f : extra === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= extra; k++) {
      const cc = text.charCodeAt(i + k);
      if ((cc & 0xc0) !== 0x80) return text;
      code = (code << 6) | (cc & 0x3f);
    }
    out += String.fromCodePoint(code);
    i += extra;
  }
  return out;
}
