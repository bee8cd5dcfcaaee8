import { describe, expect, it } from 'vitest';
import type { CallEvent, CallerIdEvent } from './events';
import type { FamilySetting } from './families/families';
import { createCallerIdParser } from './parser';

// Modem dialects and framing cases that the captures do not carry (docs/callerid.md "Modem lines",
// "Bytes are not lines").

const T0 = 1_000_000;

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** Feeds the text one byte at a time, then lets `silenceMs` pass. */
function run(text: string, family: FamilySetting = 'modemFormatted', silenceMs = 1000): CallerIdEvent[] {
  const parser = createCallerIdParser({ family, country: 'US' });
  const events: CallerIdEvent[] = [];
  for (const b of bytesOf(text)) events.push(...parser.feed(Uint8Array.of(b), T0));
  events.push(...parser.tick(T0 + silenceMs));
  return events;
}

function calls(events: CallerIdEvent[]): CallEvent[] {
  return events.filter((e): e is CallEvent => e.type === 'call');
}

describe('formatted modem dialects', () => {
  it.each([
    ['NMBR = 2125550147'],
    ['NMBR=2125550147'],
    ['DDN_NMBR= 2125550147'],
    ['DDN_NMBR = 2125550147'],
    ['DDN = 2125550147'],
    ['NBR=2125550147'],
    ['CALLER NUMBER: 2125550147'],
    ['FM:2125550147 TO:5550100'],
    ['CallerID: 2125550147'],
  ])('reads the number from %s (P7)', (line) => {
    const [call] = calls(run(`\r\nRING\r\n\r\nDATE = 0321\r\nTIME = 1405\r\n${line}\r\n`));
    expect(call).toMatchObject({ number: '2125550147', numberStatus: 'present', deviceDate: '03-21' });
  });

  it('takes the name as a name when it contains RING or DATE (P6)', () => {
    const found = calls(run('NMBR = 2125550147\r\nNAME = UPDATE CO RING\r\n'));
    expect(found.map((c) => c.name)).toEqual(['UPDATE CO RING']);
  });

  it('keeps the first number when a second masks it (§2.5)', () => {
    const [call] = calls(run('DATE = 0321\r\nNMBR = 2125550147\r\nNMBR = O\r\nNAME = DOE JANE\r\n'));
    expect(call).toMatchObject({ number: '2125550147', name: 'DOE JANE' });
  });

  it('finds the number in a MESG the modem did not decode (P21)', () => {
    const [call] = calls(run('RING\r\nDATE = 0321\r\nTIME = 1405\r\nMESG = 030735353531323132\r\n'));
    expect(call).toMatchObject({ number: '5551212', flags: ['numberFromMesg'] });
  });

  it('reads Kortex blocks with DATE TIME= and END MSG', () => {
    const [call] = calls(run('CID RING\r\nCALLING MSG\r\nDATE TIME=11/24 22:10\r\nNBR=0632727751\r\nEND MSG\r\n'));
    expect(call).toMatchObject({ number: '0632727751', deviceDate: '11-24', deviceTime: '22:10' });
  });

  it('splits several tags on one line (misterhouse)', () => {
    const [call] = calls(run('NAME=ARCHER L       NMBR=5071234567\r\n'));
    expect(call).toMatchObject({ number: '5071234567', name: 'ARCHER L' });
  });

  it('reads ELSA ISDN RING;caller;called as a ring and a call', () => {
    const events = run('RING;2125550147;5550100\r\n');
    expect(events.map((e) => e.type)).toEqual(['ring', 'call']);
    expect(calls(events)[0]).toMatchObject({ number: '2125550147', calledNumber: '5550100' });
  });

  it('maps every withheld spelling to a status and never to a number (P8)', () => {
    for (const [nmbr, name, status] of [
      ['P', 'P', 'private'], ['A', 'ANONYMOUS', 'private'], ['Restricted', 'WITHHELD', 'private'],
      ['0000000000', 'PrivDirOff', 'private'], ['O', 'O', 'unavailable'], ['Out-of-Area', 'Unavailable', 'unavailable'],
    ] as const) {
      const [call] = calls(run(`NMBR = ${nmbr}\r\nNAME = ${name}\r\n`));
      expect(call).toMatchObject({ number: null, numberStatus: status, name: null });
    }
  });
});

describe('caller ID before the first ring (P4)', () => {
  const block = 'DATE = 0321\r\nTIME = 1405\r\nNMBR = 02079460123\r\n\r\nRING\r\n';

  it('is the normal order on a UK line: a call, then its rings, no noRing flag', () => {
    const parser = createCallerIdParser({ family: 'modemFormatted', country: 'GB' });
    const events = [...parser.feed(bytesOf(block), T0), ...parser.tick(T0 + 9000)];
    expect(events.map((e) => e.type)).toEqual(['call', 'ring', 'callEnded']);
    expect(events[0]).toMatchObject({ number: '02079460123', flags: [] });
    expect(events[1]).toMatchObject({ ringInCall: 1 });
  });

  it('is call waiting on a North American line: flagged noRing', () => {
    expect(calls(run(block))[0]?.flags).toEqual(['noRing']);
  });
});

describe('DLE and control bytes (§10, P18, P28)', () => {
  it('counts <DLE>R as a ring and strips the Motorola Jump prefix before NAME', () => {
    const events = run('\x10R\x10.\x10XNAME = DOE JANE\r\nNMBR = 2125550147\r\n');
    expect(events[0]).toMatchObject({ type: 'ring', ringInCall: 1, bytes: [0, 2] });
    expect(calls(events)[0]).toMatchObject({ name: 'DOE JANE', number: '2125550147', flags: [] });
  });

  it('drops NUL bytes inside lines', () => {
    expect(calls(run('NMBR = 212\x00555\x000147\r\n'))[0]?.number).toBe('2125550147');
  });
});

describe('timers through the injected clock', () => {
  it('emits a block without NAME after the settle time, not before', () => {
    const parser = createCallerIdParser({ family: 'modemFormatted' });
    expect(parser.feed(bytesOf('RING\r\nNMBR = 2125550147\r\n'), T0).map((e) => e.type)).toEqual(['ring']);
    expect(parser.nextDeadline()).toBe(T0 + 100);
    expect(parser.tick(T0 + 99)).toEqual([]);
    expect(parser.tick(T0 + 100).map((e) => e.type)).toEqual(['call']);
  });

  it('does not settle a block while the device is still sending a line', () => {
    const parser = createCallerIdParser({ family: 'modemFormatted' });
    parser.feed(bytesOf('NMBR = 2125550147\r\nNAME = DOE'), T0);
    parser.feed(bytesOf(' JA'), T0 + 90);
    expect(parser.tick(T0 + 150)).toEqual([]);
    const events = parser.feed(bytesOf('NE\r\n'), T0 + 180);
    expect([...events, ...parser.tick(T0 + 400)].filter((e) => e.type === 'call')).toMatchObject([{ name: 'DOE JANE' }]);
  });

  it('flushes a last line sent without a terminator after 300 ms of silence', () => {
    const parser = createCallerIdParser({ family: 'tci' });
    expect(parser.feed(bytesOf('01      9/05     11:17 AM       702-555-1145           CARD SERVICES  '), T0)).toEqual([]);
    expect(parser.tick(T0 + 300)).toMatchObject([{ type: 'call', number: '7025551145' }]);
  });

  it('frames a DTMF digit stream with no terminator by the inter-digit gap (§4)', () => {
    const parser = createCallerIdParser({ family: 'dtmf' });
    for (const [i, d] of [...'A2125550147C'].entries()) parser.feed(bytesOf(d), T0 + i * 80);
    expect(parser.tick(T0 + 2000)).toMatchObject([{ type: 'call', number: '2125550147' }]);
  });

  it('ends a ring-only session with callerIdSeen false after the ring timeout', () => {
    const events = run('RING\r\n', 'modemFormatted', 8000);
    expect(events.at(-1)).toEqual({ type: 'callEnded', reason: 'ringTimeout', callerIdSeen: false });
  });
});
