import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyPortError } from './portErrors';
import { createCallerIdReader, type CallerIdReader } from './reader';
import { SocatPair, waitFor } from './testing/socatPair';

// Clear statuses for the ways opening a port fails: busy (another program holds the lock),
// not found, access denied. Busy and not-found use a real pty; access denied cannot be provoked
// as root, so it uses a fake opener that fails the way the bindings do.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

function track(reader: CallerIdReader): CallerIdReader {
  cleanups.push(() => reader.stop());
  return reader;
}

describe('port problems', () => {
  it('reports a busy port, then connects once the other program lets go', async () => {
    const pair = new SocatPair();
    await pair.start();
    cleanups.push(() => pair.dispose());
    const other = new SerialPort({ path: pair.device, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => other.open((e) => (e ? reject(e) : resolve())));
    const reader = track(createCallerIdReader({ settings: { path: pair.device, baudRate: 9600, family: 'auto' }, backoff: { initialMs: 50, maxMs: 200 } }));
    reader.start();
    await waitFor('busy', () => reader.status().code === 'busy');
    expect(reader.status()).toMatchObject({ state: 'error', code: 'busy' });
    await new Promise<void>((resolve) => other.close(() => resolve()));
    await waitFor('connected', () => reader.status().state === 'connected');
  });

  it('reports no device for a path that does not exist', async () => {
    const reader = track(createCallerIdReader({ settings: { path: '/dev/dutydesk-no-such-port', baudRate: 9600, family: 'auto' } }));
    reader.start();
    await waitFor('no device', () => reader.status().state === 'noDevice');
    expect(reader.status()).toMatchObject({ code: 'notFound', family: null, garbageCount: 0 });
  });

  it('reports access denied', async () => {
    const reader = track(
      createCallerIdReader({
        settings: { path: '/dev/ttyS7', baudRate: 9600, family: 'auto' },
        deviceExists: async () => true,
        openPort: async () => {
          throw new Error('Error: Permission denied, cannot open /dev/ttyS7');
        },
      }),
    );
    const states: string[] = [];
    reader.onStatus((s) => states.push(`${s.state}/${s.code}`));
    reader.start();
    await waitFor('access denied', () => reader.status().code === 'accessDenied');
    expect(states[0]).toBe('error/accessDenied');
    await reader.stop();
    expect(reader.status().state).toBe('stopped');
  });

  it.each([
    ['Error Resource temporarily unavailable Cannot lock port', 'busy'],
    ['Opening COM3: Access denied', 'accessDenied'],
    ['Error: No such file or directory, cannot open /dev/ttyUSB0', 'notFound'],
    ['Opening COM9: File not found', 'notFound'],
    ['Error: Input/output error setting custom baud rate', 'openFailed'],
  ])('classifies %j as %s', (message, code) => {
    expect(classifyPortError(new Error(message)).code).toBe(code);
  });
});
