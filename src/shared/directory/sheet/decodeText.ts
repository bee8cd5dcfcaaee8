// Excel on a Chinese Windows saves "CSV" in GBK (GB18030 is its superset) and "Unicode text"
// in UTF-16; other tools write UTF-8, with or without a BOM. Strict UTF-8 is tried before
// GB18030: GBK bytes are almost never valid UTF-8.

export function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // NUL bytes do not occur in 8-bit text: such a file is some binary format.
  if (bytes.subarray(0, 8192).includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
