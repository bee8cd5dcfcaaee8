import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { SocatPair, waitFor } from './testing/socatPair';

// `npm run callerid` against a real pty: JSON lines per call on stdout, --raw records the
// bytes, SIGTERM ends it cleanly, bad arguments exit 2.

const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = path.resolve(HERE, '../../..');
const CLI = path.join(HERE, 'cli.ts');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const CAPTURES = path.resolve(REPO, '../shared/callerid');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): Run {
  const child = spawn(TSX, [CLI, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

describe('npm run callerid', () => {
  it('prints one JSON line per call and records the raw bytes', async () => {
    const pair = new SocatPair();
    await pair.start();
    cleanups.push(() => pair.dispose());
    const rawFile = path.join(pair.dir, 'raw.bin');
    const run = runCli(['--port', pair.device, '--format', 'auto', '--raw', rawFile]);
    cleanups.push(async () => void (run.child.exitCode === null && run.child.kill('SIGKILL')));
    await waitFor('connected', () => run.stderr().includes('"state":"connected"'), 20_000);

    const bytes = readFileSync(path.join(CAPTURES, 'gsm-clip.txt'));
    await pair.write(bytes);
    const lines = (): string[] => run.stdout().split('\n').filter(Boolean);
    await waitFor('six calls', () => lines().length === 6);
    const calls = lines().map((l) => JSON.parse(l) as { number: string | null; name: string | null; withheld: boolean; family: string });
    expect(calls.map((c) => [c.number, c.name, c.withheld])).toEqual([
      ['+12125550147', null, false],
      [null, null, true],
      ['02079460123', null, false],
      ['+447700900123', null, false],
      [null, null, false],
      ['+8613900000001', null, false],
    ]);
    expect(calls.every((c) => c.family === 'gsmClip')).toBe(true);
    expect(run.stderr()).toContain('event ring');

    await waitFor('raw file complete', () => {
      try {
        return readFileSync(rawFile).length === bytes.length;
      } catch {
        return false;
      }
    });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(readFileSync(rawFile).equals(bytes)).toBe(true);
  });

  // Each rule is unit-tested in cliArgs.test.ts; these check the exit code end to end.
  it.each([
    [['--bogus'], 'unknown argument'],
    [['--port', '/dev/x', '--format', 'modem'], 'unknown --format'],
  ])('rejects %j with exit code 2', async (args, message) => {
    const run = runCli(args);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain(message);
    expect(run.stdout()).toBe('');
  });
});
