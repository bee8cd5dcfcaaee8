import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('callerid CLI arguments', () => {
  it('reads port, baud, format and raw file', () => {
    expect(parseCliArgs(['--port', '/dev/ttyUSB0', '--baud', '1200', '--format', 'xdmfBinary', '--raw', 'box.bin'])).toEqual({
      ok: true,
      command: { kind: 'read', port: '/dev/ttyUSB0', baudRate: 1200, family: 'xdmfBinary', rawFile: 'box.bin' },
    });
  });

  it('defaults to auto at 9600, or to the family rate (P16)', () => {
    expect(parseCliArgs(['--port=COM3'])).toMatchObject({ command: { family: 'auto', baudRate: 9600, rawFile: null } });
    expect(parseCliArgs(['--port', 'COM3', '--format', 'netCallerId'])).toMatchObject({ command: { baudRate: 4800 } });
  });

  it.each([
    [['--bogus'], 'unknown argument: --bogus'],
    [['--baud', '9600'], '--port is required'],
    [['--port'], '--port needs a value'],
    [['--port', '--baud', '9600'], '--port needs a value'],
    [['--port', 'a', '--port', 'b'], '--port given twice'],
    [['--port', '/dev/x', '--format', 'modem'], 'unknown --format modem'],
    [['--port', '/dev/x', '--baud', 'fast'], '--baud must be a whole number'],
    [['--port', '/dev/x', '--baud', '0'], '--baud must be a whole number'],
    [['--list', '--port', 'x'], '--list takes no other arguments'],
  ])('rejects %j', (argv, message) => {
    const parsed = parseCliArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });

  it('knows --list and --help', () => {
    expect(parseCliArgs(['--list'])).toEqual({ ok: true, command: { kind: 'list' } });
    expect(parseCliArgs(['--help'])).toEqual({ ok: true, command: { kind: 'help' } });
  });
});
