import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test, expect } from '@playwright/test';
import { root } from './desktopShell';

// S8 against a packaged build: `app.isPackaged` is true only for electron-builder's output, so
// this spec runs the unpacked artefact of `npx electron-builder --dir` (dist/*-unpacked) and
// skips, saying why, where there is none. The pure rule is unit-tested in src/main/debugGuard.test.ts.

function packagedExecutable(): string | null {
  const candidates = process.platform === 'win32' ? [join(root, 'dist', 'win-unpacked', 'DutyDesk.exe')] : [join(root, 'dist', 'linux-unpacked', 'dutydesk')];
  return candidates.find((path) => existsSync(path)) ?? null;
}

const executable = packagedExecutable();
const skipReason = executable ? null : 'no packaged build in dist/*-unpacked (run `npx electron-builder --dir` where Electron can be downloaded)';
if (skipReason) console.log(`[desktop e2e] debug guard skipped: ${skipReason}`);

async function run(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const userData = await mkdtemp(join(tmpdir(), 'dutydesk-packaged-'));
  const env = { ...process.env, DUTYDESK_USER_DATA: userData, ...extraEnv };
  const child = spawn(executable!, [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), ...args], { env });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill(), 20_000);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  return { code, output };
}

test.describe('packaged build debug guard', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  for (const flag of ['--remote-debugging-port=9333', '--remote-debugging-pipe', '--inspect=9339', '--inspect-brk=9339', '--inspect-port=9339']) {
    test(`S8: the packaged desk exits with code 1 when started with ${flag}`, async () => {
      const { code, output } = await run([flag]);
      expect(code).toBe(1);
      expect(output).toContain('debugging is off in installed builds');
    });
  }

  test('S8: ELECTRON_RUN_AS_NODE does not turn the packaged desk into Node (runAsNode fuse)', async () => {
    const { code, output } = await run(['--remote-debugging-port=9333', '-e', 'process.stdout.write("ran as node")'], { ELECTRON_RUN_AS_NODE: '1' });
    expect(output).not.toContain('ran as node');
    expect(code).toBe(1);
  });

  test('S8: Playwright cannot attach to the packaged desk (it launches with --inspect and --remote-debugging-port)', async () => {
    await expect(_electron.launch({ executablePath: executable!, env: { ...process.env, DUTYDESK_USER_DATA: await mkdtemp(join(tmpdir(), 'dutydesk-packaged-')) } as Record<string, string>, timeout: 20_000 })).rejects.toThrow();
  });
});
