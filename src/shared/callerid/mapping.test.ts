import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../directory/phone/normalisePhone';
import type { CallEvent } from './events';
import { createCallerIdParser } from './parser';
import { toCallerIdCall } from './assembly/toCallerIdCall';

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function firstCall(text: string, family: Parameters<typeof createCallerIdParser>[0]['family']): CallEvent {
  const parser = createCallerIdParser({ family });
  const events = [...parser.feed(bytesOf(text), 0), ...parser.tick(1000)];
  const call = events.find((e): e is CallEvent => e.type === 'call');
  if (!call) throw new Error(`no call in ${JSON.stringify(events)}`);
  return call;
}

// P1: E.164 has one owner, the directory's normalisePhone with the station's calling code. The
// caller-ID side passes the digits the box sent; these are numbers as boxes send them.
describe('caller-ID numbers normalised by the directory rule (FORMATS.md §12)', () => {
  const us = { countryCode: '1', areaCode: '' };
  const cn = { countryCode: '86', areaCode: '' };
  it.each([
    ['2125550147', us, '+12125550147'],
    ['12125550147', us, '+12125550147'],
    ['5550199', us, null],
    ['5550199', { countryCode: '1', areaCode: '212' }, '+12125550199'],
    ['13900000001', cn, '+8613900000001'],
    ['01066001234', cn, '+861066001234'],
    ['66001234', { countryCode: '86', areaCode: '10' }, '+861066001234'],
    ['008613900000001', cn, '+8613900000001'],
    ['02079460123', { countryCode: '44', areaCode: '' }, '+442079460123'],
    ['+442079460123', cn, '+442079460123'],
    ['0000000000', us, null],
  ])('%s at %j → %s', (number, context, e164) => {
    const result = normalisePhone(number, context);
    expect(result.ok ? result.phone.e164 : null).toBe(e164);
  });

  it('reaches the renderer as the box sent it: the parser no longer guesses a country', () => {
    const call = firstCall('\r\nRING\r\n\r\n+CLIP: "2125550147",129\r\n', 'gsmClip');
    expect(call).not.toHaveProperty('e164');
    expect(toCallerIdCall(call).number).toBe('2125550147');
  });
});

describe('toCallerIdCall', () => {
  it('gives the app digits and a leading + only', () => {
    const call = firstCall('\r\nRING\r\n\r\n+CLIP: "8613900000001",145\r\n', 'gsmClip');
    expect(toCallerIdCall(call)).toEqual({
      number: '+8613900000001', name: null, withheld: false, numberStatus: 'present', unverified: false, raw: '+CLIP: "8613900000001",145',
    });
  });

  it('never hands a withheld or unavailable number to the lookup (P8)', () => {
    expect(toCallerIdCall(firstCall('B10C\r\n', 'dtmf'))).toMatchObject({ number: null, withheld: true, numberStatus: 'private' });
    expect(toCallerIdCall(firstCall('B00C\r\n', 'dtmf'))).toMatchObject({ number: null, withheld: false, numberStatus: 'unavailable' });
  });

  it('marks a record whose checksum failed as unverified (§12)', () => {
    const line = '01 I S 0000 B A1 03/21 02:15 PM 212-555-0188   PUBLIC PHONE   \r\n';
    expect(toCallerIdCall(firstCall(line, 'callerIdCom'))).toMatchObject({ number: '2125550188', unverified: true });
  });
});

describe('auto detection', () => {
  it.each([
    ['\r\nRING\r\n', 'modemFormatted'],
    ['\r\nRDY\r\n', 'gsmClip'],
    ['UUUUUUUUUUUU', 'xdmfBinary'],
    ['01 R             03/21 14:05:07\r\n', 'callerIdCom'],
    ['02     12/31     11:59 PM       407-555-7777           John on Cell   \r\n', 'tci'],
    ['###DATE...NMBR...NAME+++\r', 'netCallerId'],
    ['A2125550147C\r\n', 'dtmf'],
    ['ATLINKOK\n', 'cnAtf'],
    ['message COMPLEX_MODE*RING:', 'cnStar'],
  ] as const)('%j → %s', (text, family) => {
    const parser = createCallerIdParser({ family: 'auto' });
    parser.feed(bytesOf(text), 0);
    expect(parser.family()).toBe(family);
  });

  it('stays undecided on noise, and counts nothing as a call', () => {
    const parser = createCallerIdParser({ family: 'auto' });
    expect(parser.feed(Uint8Array.of(0xff, 0x00, 0xf8, 0x80, 0x0d, 0x0a), 0)).toEqual([]);
    expect(parser.family()).toBe(null);
  });

  it('tells a hex-mode modem from a formatted one by its first record', () => {
    const parser = createCallerIdParser({ family: 'auto' });
    parser.feed(bytesOf('\r\nRING\r\n\r\n041230353131313835323430373535353030303059\r\n'), 0);
    expect(parser.family()).toBe('modemHex');
  });
});

describe('record families', () => {
  it('re-decodes a UTF-8 name that was sent as UTF-8 (P18)', () => {
    const line = '01      9/04      1:29 PM       212-555-4000           V\u00c3\u00a4h\u00c3\u00a4l\u00c3\u00a4 Joe     \r\n';
    expect(firstCall(line, 'tci')).toMatchObject({ name: 'Vähälä Joe' });
  });

  it('never opens a call for an outbound Whozz record (P20)', () => {
    const parser = createCallerIdParser({ family: 'callerIdCom' });
    const events = parser.feed(bytesOf('01 O S 0000 G A0 03/21 02:20 PM 212-555-0123                  \r\n'), 0);
    expect(events).toMatchObject([{ type: 'outboundCall', number: '2125550123', phase: 'start' }]);
  });

  it('reads the Whozz limited format (toggle x)', () => {
    const call = firstCall('$01 09/26 02:30 PM 8002404637 I CallerID.com\r\n', 'callerIdCom');
    expect(call).toMatchObject({ number: '8002404637', name: 'CallerID.com', deviceTime: '14:30', line: '01' });
  });
});

describe('modem ASCII-hex lines (§3.4)', () => {
  function events(line: string) {
    const parser = createCallerIdParser({ family: 'modemHex' });
    return [...parser.feed(bytesOf(`\r\nRING\r\n\r\n${line}\r\n`), 0), ...parser.tick(500)].filter((e) => e.type !== 'ring');
  }

  it('rejects a message whose length field does not match its bytes', () => {
    const wrongLength = '801E01083033323131343035020A32313235353530313437070F534D495448204A4F484E202020202000';
    expect(events(wrongLength)).toMatchObject([{ type: 'malformed', reason: 'lengthMismatch' }]);
  });

  it('leaves a short line of digits alone', () => {
    expect(events('0412345678')).toEqual([]);
  });
});
