import { describe, expect, it } from 'vitest';
import { checkWireEvent } from './wireEvent';

const good = {
  id: '0190f6b2-7c1e-7b3a-9a57-3f0c2d4e5a61',
  stream: 'ticket:1',
  type: 'ticket.created',
  hlc: '2026-11-22T08:15:30.123Z-0003-a1b2c3d4e5f60708',
  station: 'FD-1',
  actor: 'staff-017',
  payload: { note: '漏水', n: 1 },
};

function nested(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe('checkWireEvent', () => {
  it('accepts a well-formed event and drops extra fields unseen', () => {
    const check = checkWireEvent({ ...good, extra: '\u0000', deviceSeq: 3 });
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(Object.keys(check.event).sort()).toEqual(['actor', 'hlc', 'id', 'payload', 'station', 'stream', 'type']);
      expect(check.payloadJson).toBe('{"note":"漏水","n":1}');
    }
  });

  it.each([
    ['not an object', 'x'],
    ['an array', [good]],
    ['null', null],
    ['a missing actor', { ...good, actor: undefined }],
    ['an empty id', { ...good, id: '' }],
    ['a 65-character id', { ...good, id: 'a'.repeat(65) }],
    ['a space in the id', { ...good, id: 'a b' }],
    ['an empty stream', { ...good, stream: '' }],
    ['a 201-character type', { ...good, type: 'x'.repeat(201) }],
    ['uppercase hex in hlc', { ...good, hlc: '2026-11-22T08:15:30.123Z-000A-a1b2c3d4e5f60708' }],
    ['30 February in hlc', { ...good, hlc: '2026-02-30T08:15:30.123Z-0003-a1b2c3d4e5f60708' }],
    ['hour 24 in hlc', { ...good, hlc: '2026-11-22T24:00:00.000Z-0003-a1b2c3d4e5f60708' }],
    ['a bad station name', { ...good, station: 'FD 1' }],
    ['an empty actor', { ...good, actor: '' }],
    ['a numeric actor', { ...good, actor: 7 }],
    ['an array payload', { ...good, payload: [] }],
    ['a null payload', { ...good, payload: null }],
    ['U+0000 in the stream', { ...good, stream: 'a\u0000' }],
    ['a lone surrogate in the payload', { ...good, payload: { a: '\ud800' } }],
    ['a lone surrogate in a payload key', { ...good, payload: { '\udc00': 1 } }],
    ['a __proto__ key in the payload', { ...good, payload: JSON.parse('{"a":{"__proto__":{}}}') }],
    ['a __proto__ key on the event', JSON.parse(`{"__proto__":1,${JSON.stringify(good).slice(1)}`)],
    ['a payload nested 65 levels', { ...good, payload: nested(65) }],
    ['an infinite number', { ...good, payload: { n: Infinity } }],
  ])('rejects %s as INVALID_EVENT', (_name, raw) => {
    const check = checkWireEvent(raw);
    expect(check).toMatchObject({ ok: false, code: 'INVALID_EVENT' });
  });

  it('accepts 64 levels of nesting and 200 code points of astral characters', () => {
    expect(checkWireEvent({ ...good, payload: nested(64), stream: '😀'.repeat(200) }).ok).toBe(true);
    expect(checkWireEvent({ ...good, stream: '😀'.repeat(201) }).ok).toBe(false);
  });

  it('counts the payload size as compact UTF-8 JSON', () => {
    const fits = { s: 'x'.repeat(65_536 - 8) };
    expect(JSON.stringify(fits).length).toBe(65_536);
    expect(checkWireEvent({ ...good, payload: fits }).ok).toBe(true);
    const over = { s: 'x'.repeat(65_536 - 7) };
    expect(checkWireEvent({ ...good, payload: over })).toMatchObject({ ok: false, code: 'TOO_LARGE' });
    const wide = { s: '水'.repeat(21_843) };
    expect(checkWireEvent({ ...good, payload: wide })).toMatchObject({ ok: false, code: 'TOO_LARGE' });
  });

  it('checks validity before size', () => {
    const check = checkWireEvent({ ...good, payload: { s: 'x'.repeat(70_000), bad: '\u0000' } });
    expect(check).toMatchObject({ ok: false, code: 'INVALID_EVENT' });
  });
});
