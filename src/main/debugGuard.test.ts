import { describe, expect, it } from 'vitest';
import { refusedDebugSwitch } from './debugGuard';

const exe = '/opt/DutyDesk/dutydesk';

describe('refusedDebugSwitch', () => {
  it('S8: a packaged build refuses every switch that opens a debugger, in every spelling Chromium or Node reads', () => {
    const refused = [
      '--remote-debugging-port=9222',
      '--remote-debugging-port',
      '--remote-debugging-pipe',
      '-remote-debugging-port=9222',
      '--inspect',
      '--inspect=0.0.0.0:9229',
      '--inspect-brk',
      '--inspect-brk=9229',
      '--inspect-port=9229',
      '--Remote-Debugging-Port=9222',
    ];
    for (const arg of refused) expect(refusedDebugSwitch([exe, arg], true, 'linux'), arg).toBe(arg);
    expect(refusedDebugSwitch(['C:\\DutyDesk\\DutyDesk.exe', '/remote-debugging-port=9222'], true, 'win32')).toBe('/remote-debugging-port=9222');
    expect(refusedDebugSwitch([exe, '--no-sandbox', '--', '--inspect'], true, 'linux')).toBe('--inspect');
  });

  it('S8: a packaged build starts with ordinary arguments; an unpackaged one (development, Playwright) is never refused', () => {
    expect(refusedDebugSwitch([exe], true, 'linux')).toBeNull();
    expect(refusedDebugSwitch([exe, '--no-sandbox', '--lang=zh-CN', '/remote-debugging-port=9222'], true, 'linux')).toBeNull();
    expect(refusedDebugSwitch([exe, '--inspect-brkx', '--remote-debugging-portal'], true, 'linux')).toBeNull();
    expect(refusedDebugSwitch(['/usr/lib/electron', '--inspect=0', '--remote-debugging-port=0', '/work/main'], false, 'linux')).toBeNull();
  });

  it('ignores the executable path itself', () => {
    expect(refusedDebugSwitch(['--inspect'], true, 'linux')).toBeNull();
  });
});
