import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');

export interface WebShell {
  /** The address the shell printed, with its per-launch token. */
  url: string;
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts a real web shell with its own data folder, on a free port unless one is given (a
 * benchmark reusing a generated store needs the same origin, and so the same port, each run).
 * `rendererDir` serves another folder than the built renderer (the shell's own tests, which
 * need no build).
 */
export async function startWebShell(options: { dataDir?: string; port?: number; rendererDir?: string } = {}): Promise<WebShell & { port: number; token: string; alive: () => boolean }> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'dutydesk-e2e-')));
  await mkdir(dataDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', String(options.port ?? 0), '--data', dataDir], {
    cwd: root,
    env: options.rendererDir ? { ...process.env, DUTYDESK_RENDERER_DIR: options.rendererDir } : process.env,
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
    port: Number(new URL(url).port),
    token: new URL(url).hash.replace('#token=', ''),
    alive: () => child.exitCode === null && child.signalCode === null,
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
