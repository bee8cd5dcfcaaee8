import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical';
import { isValidHlc } from '../hlc';
import { codePointLength, hasForbiddenChars, utf8ByteLength } from './text';

describe('text rules', () => {
  it('finds U+0000 and unpaired surrogates only', () => {
    expect(hasForbiddenChars('ok 😀 水')).toBe(false);
    expect(['\u0000', '\ud83d', '\ude00', 'a\ude00\ud83d'].map(hasForbiddenChars)).toEqual([true, true, true, true]);
  });
  it('counts code points and UTF-8 bytes like the encoder', () => {
    const s = 'aé水😀';
    expect(codePointLength(s)).toBe(4);
    expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
  });
  it('knows leap years in HLC stamps', () => {
    expect(isValidHlc('2024-02-29T00:00:00.000Z-0000-0000000000000000')).toBe(true);
    expect(isValidHlc('2100-02-29T00:00:00.000Z-0000-0000000000000000')).toBe(false);
  });
  it('gives the same canonical form whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: null }] })).toBe(canonicalJson({ a: [{ c: null, d: 1.0 }], b: 1 }));
  });
});
