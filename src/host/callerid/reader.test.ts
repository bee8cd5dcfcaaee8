import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallerIdEvent } from '../../shared/callerid';
import { createCallerIdReader, type CallerIdReader } from './reader';
import type { CallerIdCallNotice, CallerIdReaderSettings, CallerIdReaderStatus, ReaderClock } from './readerTypes';
import { SocatPair, waitFor } from './testing/socatPair';

// The reader against real pseudo-terminals (socat): calls arrive, an unplug shows "no device",
// a replug reconnects and the next call works, and modems are initialised on every open.

const CAPTURES = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/callerid');
const capture = (file: string): Buffer => readFileSync(path.join(CAPTURES, file));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

interface Harness {
  pair: SocatPair;
  reader: CallerIdReader;
  calls: CallerIdCallNotice[];
  events: CallerIdEvent[];
  statuses: CallerIdReaderStatus[];
  raw: number[];
}

async function harness(settings: Partial<CallerIdReaderSettings> = {}, clock?: ReaderClock): Promise<Harness> {
  const pair = new SocatPair();
  await pair.start();
  const reader = createCallerIdReader({
    settings: { path: pair.device, baudRate: 9600, family: 'auto', ...settings },
    backoff: { initialMs: 50, maxMs: 400 },
    presencePollMs: 200,
    ...(clock ? { clock } : {}),
  });
  const h: Harness = { pair, reader, calls: [], events: [], statuses: [], raw: [] };
  reader.onCall((call) => h.calls.push(call));
  reader.onEvent((event) => h.events.push(event));
  reader.onStatus((status) => h.statuses.push(status));
  reader.onRaw((chunk) => h.raw.push(...chunk));
  cleanups.push(async () => {
    await reader.stop();
    await pair.dispose();
  });
  reader.start();
  await waitFor('connected', () => reader.status().state === 'connected');
  return h;
}

describe('caller-ID reader on a real pty', () => {
  it('turns a capture written into the box into calls stamped with the host clock', async () => {
    const h = await harness();
    const before = Date.now();
    const bytes = capture('callerid-com.txt');
    await h.pair.write(bytes);
    await waitFor('five calls', () => h.calls.length === 5);
    expect(h.calls.map((c) => [c.number, c.withheld, c.numberStatus])).toEqual([
      ['2125550147', false, 'present'],
      [null, true, 'private'],
      ['2125550188', false, 'present'],
      [null, false, 'unavailable'],
      ['5550199', false, 'present'],
    ]);
    expect(h.calls[2]).toMatchObject({ unverified: true, name: 'PUBLIC PHONE', line: '01', family: 'callerIdCom' });
    for (const call of h.calls) expect(call.at).toBeGreaterThanOrEqual(before);
    expect(h.events.some((e) => e.type === 'outboundCall')).toBe(true);
    expect(h.reader.status()).toMatchObject({ state: 'connected', family: 'callerIdCom', lastCallAt: h.calls[4]!.at });
    await waitFor('all raw bytes', () => h.raw.length === bytes.length);
    expect(Buffer.from(h.raw).equals(bytes)).toBe(true);
  });

  it('shows "no device" when the box is unplugged, reconnects on replug, and the next call works', async () => {
    const h = await harness({ family: 'modemFormatted' });
    await h.pair.write('\r\nRING\r\n\r\nDATE = 0321\r\nTIME = 1405\r\nNMBR = 2125550147\r\nNAME = SMITH JOHN\r\n\r\nRING\r\n');
    await waitFor('first call', () => h.calls.length === 1);

    await h.pair.kill();
    await waitFor('no device', () => h.reader.status().state === 'noDevice');
    expect(h.reader.status()).toMatchObject({ code: 'notFound', lastCallAt: h.calls[0]!.at });

    await h.pair.start();
    await waitFor('connected again', () => h.reader.status().state === 'connected');
    await h.pair.write('\r\nRING\r\n\r\nDATE = 0321\r\nTIME = 1412\r\nNMBR = 4175550134\r\nNAME = SPRINGFIELD MO  \r\n');
    await waitFor('second call', () => h.calls.length === 2);
    expect(h.calls[1]).toMatchObject({ number: '4175550134', name: 'SPRINGFIELD MO' });
    expect(h.statuses.map((s) => s.state)).toEqual(expect.arrayContaining(['connected', 'noDevice']));
  });

  it('initialises a modem on open, falls back to AT#CID=1 on ERROR, and again after a replug', async () => {
    const h = await harness({ family: 'modemFormatted' });
    await waitFor('ATE0V1Q0', () => h.pair.fromReader.includes('ATE0V1Q0\r'));
    await h.pair.write('\r\nOK\r\n');
    await waitFor('AT+VCID=1', () => h.pair.fromReader.includes('AT+VCID=1\r'));
    await h.pair.write('\r\nERROR\r\n');
    await waitFor('AT#CID=1', () => h.pair.fromReader.includes('AT#CID=1\r'));
    await h.pair.write('\r\nOK\r\n');
    expect(h.pair.fromReader).toBe('ATE0V1Q0\rAT+VCID=1\rAT#CID=1\r');

    await h.pair.kill();
    await waitFor('no device', () => h.reader.status().state === 'noDevice');
    await h.pair.start();
    await waitFor('init after replug', () => h.pair.fromReader.includes('ATE0V1Q0\r'));
  });

  it('re-initialises after two RING-only ringing sessions (P12)', async () => {
    // A clock 40 times faster than the wall: the 8 s ring timeout passes in 200 ms.
    const start = Date.now();
    const fast: ReaderClock = {
      now: () => start + (Date.now() - start) * 40,
      setTimeout: (callback, ms) => setTimeout(callback, ms / 40),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    const h = await harness({ family: 'modemFormatted' }, fast);
    await waitFor('init on open', () => h.pair.fromReader.includes('AT#CID=1\r'));
    const initsBefore = h.pair.fromReader.split('ATE0V1Q0').length - 1;
    for (let session = 1; session <= 2; session++) {
      await h.pair.write('\r\nRING\r\n');
      await waitFor(`ring-only session ${session} ended`, () => h.events.filter((e) => e.type === 'callEnded').length === session);
    }
    await waitFor('re-init', () => h.pair.fromReader.split('ATE0V1Q0').length - 1 === initsBefore + 1);
  });

  it('ignores and counts garbage, and keeps reading', async () => {
    const h = await harness({ family: 'tci' });
    await h.pair.write('\xff\xfe garbage\r\nmore noise\r\n01      9/05     11:17 AM       702-555-1145           CARD SERVICES  \r\n');
    await waitFor('the call after the noise', () => h.calls.length === 1);
    expect(h.reader.status().garbageCount).toBe(2);
  });

  it('unsubscribes listeners', async () => {
    const h = await harness({ family: 'dtmf' });
    const seen: string[] = [];
    const off = h.reader.onCall((c) => seen.push(c.number ?? 'none'));
    await h.pair.write('A2125550147C\r\n');
    await waitFor('call', () => seen.length === 1);
    off();
    await h.pair.write('A2125550199C\r\n');
    await waitFor('second call', () => h.calls.length === 2);
    expect(seen).toEqual(['2125550147']);
  });
});
