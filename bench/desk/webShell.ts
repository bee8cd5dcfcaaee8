import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WebShell } from '../../tests/e2e/support/webShell';

const root = resolve(import.meta.dirname, '../..');

/**
 * The real web shell, started as tests/e2e/support/webShell.ts starts it, but on a fixed port:
 * IndexedDB belongs to the origin (127.0.0.1:<port>), so a store generated in one run is only
 * found again by the next run on the same port. (The e2e helper always passes `--port 0`.)
 */
export async function startBenchShell(port: number, dataDir: string): Promise<WebShell> {
  mkdirSync(dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', String(port), '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`web shell did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DutyDesk web shell: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web shell exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    output: () => output,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
