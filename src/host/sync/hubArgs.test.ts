// `--hub <url> --hub-token-file <file>` for both shells, and the web shell's parsing around it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseWebArgs } from '../../web/webArgs';
import { ROOT, tsxArgs } from '../../../tests/hub/support/hubProcess';
import { extractHubArgs, loadHubStart } from './hubArgs';

const dir = mkdtempSync(join(tmpdir(), 'dutydesk-hubargs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hub arguments', () => {
  it('both flags, space or = form, leave the rest for the shell', () => {
    expect(extractHubArgs(['--port', '1', '--hub', 'https://hub.lan:8787/', '--hub-token-file', '/t'])).toEqual({ hub: { url: 'https://hub.lan:8787', tokenFile: '/t' }, rest: ['--port', '1'] });
    expect(extractHubArgs(['--hub=http://h', '--hub-token-file=/t', 'x'])).toEqual({ hub: { url: 'http://h', tokenFile: '/t' }, rest: ['x'] });
    expect(extractHubArgs(['a'])).toEqual({ hub: null, rest: ['a'] });
  });

  it('one without the other, a missing value or a bad address is an error', () => {
    expect(extractHubArgs(['--hub', 'http://h'])).toEqual({ error: '--hub and --hub-token-file go together: give both or neither' });
    expect(extractHubArgs(['--hub-token-file', '/t'])).toHaveProperty('error');
    expect(extractHubArgs(['--hub'])).toEqual({ error: '--hub needs a value' });
    expect(extractHubArgs(['--hub', 'ftp://h', '--hub-token-file', '/t'])).toHaveProperty('error');
    const withCredentials = extractHubArgs(['--hub', 'https://u:secret@h', '--hub-token-file', '/t']);
    expect(withCredentials).toHaveProperty('error');
    expect(JSON.stringify(withCredentials)).not.toContain('secret');
  });

  it('the token file is read once and trimmed; unreadable or empty is an error naming the file', () => {
    const file = join(dir, 'token');
    writeFileSync(file, '  abcDEF_123-xyz \n');
    expect(loadHubStart({ url: 'http://h', tokenFile: file })).toEqual({ url: 'http://h', token: 'abcDEF_123-xyz' });
    expect(loadHubStart({ url: 'http://h', tokenFile: join(dir, 'missing') })).toEqual({ error: `--hub-token-file ${join(dir, 'missing')} cannot be read (ENOENT)` });
    writeFileSync(file, '\n');
    expect(loadHubStart({ url: 'http://h', tokenFile: file })).toHaveProperty('error');
    expect(loadHubStart(null)).toBeNull();
  });

  it('the web shell takes them beside --port and --data', () => {
    expect(parseWebArgs(['--port', '0', '--hub', 'http://h:1', '--hub-token-file', '/t', '--data', '/d'], {}, '/default')).toEqual({ port: 0, dataDir: '/d', hub: { url: 'http://h:1', tokenFile: '/t' } });
    expect(parseWebArgs([], {}, '/default')).toEqual({ port: 5730, dataDir: '/default', hub: null });
    expect(parseWebArgs(['--hub', 'http://h'], {}, '/default')).toHaveProperty('error');
    expect(parseWebArgs(['--bogus'], {}, '/default')).toHaveProperty('error');
  });
});

describe('web shell start with bad hub arguments', () => {
  const run = (args: string[]) => spawnSync(process.execPath, [...tsxArgs('src/web/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, DUTYDESK_DATA: dir } });

  it('an unreadable token file exits 2 with a message naming it', () => {
    const result = run(['--port', '0', '--hub', 'http://127.0.0.1:8787', '--hub-token-file', join(dir, 'nope')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`--hub-token-file ${join(dir, 'nope')} cannot be read`);
  });

  it('a bad hub address exits 2 with a clear message', () => {
    const result = run(['--port', '0', '--hub', 'ftp://hub', '--hub-token-file', join(dir, 'nope')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--hub: the hub address must start with http:// or https://');
  });
});
