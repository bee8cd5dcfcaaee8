import { describe, expect, it } from 'vitest';
import { checkBatch, decodeJsonBody } from './batch';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

describe('decodeJsonBody', () => {
  it('ignores one leading byte-order mark', () => {
    expect(decodeJsonBody(bytes([0xef, 0xbb, 0xbf], '{"a":1}'))).toEqual({ ok: true, value: { a: 1 } });
  });
  it.each([
    ['invalid UTF-8', bytes('{"a":"', [0xff], '"}')],
    ['an encoded surrogate', bytes('{"a":"', [0xed, 0xa0, 0x80], '"}')],
    ['an empty body', bytes('')],
    ['two byte-order marks', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], '{}')],
    ['trailing garbage', bytes('{} x')],
  ])('refuses %s as NOT_JSON', (_name, body) => {
    expect(decodeJsonBody(body)).toMatchObject({ ok: false, code: 'NOT_JSON' });
  });
});

describe('checkBatch', () => {
  it.each([
    ['an array', []],
    ['null', null],
    ['no events', { relay: true }],
    ['events not an array', { events: {} }],
    ['relay not a boolean', { events: [{}], relay: 'true' }],
    ['events only on the prototype', JSON.parse('{"__proto__":{"events":[{}]}}')],
  ])('refuses %s as NOT_A_BATCH', (_name, body) => {
    expect(checkBatch(body)).toMatchObject({ ok: false, code: 'NOT_A_BATCH' });
  });
  it('refuses 0 and 1001 events as BATCH_SIZE', () => {
    expect(checkBatch({ events: [] })).toMatchObject({ code: 'BATCH_SIZE' });
    expect(checkBatch({ events: new Array(1001).fill({}) })).toMatchObject({ code: 'BATCH_SIZE' });
  });
  it('accepts 1000 events, ignores other keys', () => {
    expect(checkBatch({ events: new Array(1000).fill({}), other: 1, relay: false })).toMatchObject({ ok: true, relay: false });
  });
});
