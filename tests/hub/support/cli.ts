// Runs the administration CLIs as an operator would, with the store's environment.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT, tsxArgs } from './hubProcess';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(name: 'init' | 'station' | 'backup' | 'restore' | 'status', args: string[], env: Record<string, string>): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [...tsxArgs(`src/hub/cli/${name}.ts`), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Creates a station and returns the token from the last line of its output. */
export async function createStation(env: Record<string, string>, site: string, name: string): Promise<string> {
  const result = await cli('station', ['--site', site, '--name', name], env);
  if (result.code !== 0) throw new Error(`hub:station failed: ${result.stderr}`);
  return result.stdout.trimEnd().split('\n').at(-1) as string;
}
