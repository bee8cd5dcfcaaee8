// A new station of the estate, as an unattended install starts it: the real web shell with a
// fresh data folder and `--hub <url> --hub-token-file <file>`, and headless Chromium (Debian's,
// the launch options of playwright.config.ts) with a fresh profile on disk. The host enrols at
// start, the renderer joins the estate by itself and its engine pulls; this file only watches.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import config from '../../playwright.config';
import type { Progress, SyncBench } from './inPage';

declare global {
  var syncBench: SyncBench;
}

const root = resolve(import.meta.dirname, '..', '..');

export interface Shell {
  url: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** The web shell with extra arguments (tests/e2e/support/webShell.ts takes none). */
export async function startShell(options: { hubUrl: string; token: string; rendererDir?: string }): Promise<Shell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dutydesk-sync-bench-shell-'));
  const secrets = mkdtempSync(join(tmpdir(), 'dutydesk-sync-bench-token-'));
  const tokenFile = join(secrets, 'token');
  writeFileSync(tokenFile, `${options.token}\n`, { mode: 0o600 });
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--port', '0', '--data', dataDir, '--hub', options.hubUrl, '--hub-token-file', tokenFile], {
    cwd: root, env: options.rendererDir ? { ...process.env, DUTYDESK_RENDERER_DIR: options.rendererDir } : process.env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`web shell did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DutyDesk web shell: (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`web shell exited with ${code}:\n${output}`)));
  });
  return {
    url, dataDir, output: () => output,
    stop: () => new Promise<void>((done) => {
      const cleanup = () => {
        rmSync(dataDir, { recursive: true, force: true });
        rmSync(secrets, { recursive: true, force: true });
        done();
      };
      if (child.exitCode !== null) return cleanup();
      child.once('exit', cleanup);
      child.kill('SIGTERM');
    }),
  };
}

// ---------------------------------------------------------------- the browser and its memory

export interface Browser {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  profileDir: string;
  close(): Promise<void>;
}

export async function launchBrowser(bundle: string, log: (line: string) => void): Promise<Browser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'dutydesk-sync-bench-profile-'));
  const launch = config.use?.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: launch.executablePath ?? '/usr/bin/chromium',
    args: launch.args ?? [],
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  // Every load of the page gets the bench's helpers (CDP injection: the app's CSP stays on).
  await context.addInitScript({ content: bundle });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') log(`  console: ${message.text().slice(0, 300)}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    context, page, cdp, profileDir,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

interface Proc { pid: number; ppid: number; cmd: string; rssMiB: number }

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      out.push({ pid: Number(entry), ppid, cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '), rssMiB: rss ? Number(rss[1]) / 1024 : 0 });
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** The browser's processes for this profile: the browser itself and its renderers, with RSS. */
export function chromiumMemory(profileDir: string): { rendererMiB: number; browserMiB: number; totalMiB: number } {
  const all = processes();
  const browser = all.find((p) => p.cmd.includes(`--user-data-dir=${profileDir}`) && !p.cmd.includes('--type='));
  if (!browser) return { rendererMiB: NaN, browserMiB: NaN, totalMiB: NaN };
  const family = new Set([browser.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (family.has(p.pid) || !family.has(p.ppid)) continue;
      family.add(p.pid);
      grew = true;
    }
  }
  const members = all.filter((p) => family.has(p.pid));
  // The page's renderer is the largest one (a spare renderer may idle beside it).
  const renderers = members.filter((p) => p.cmd.includes('--type=renderer'));
  return {
    rendererMiB: Math.max(0, ...renderers.map((p) => p.rssMiB)),
    browserMiB: browser.rssMiB,
    totalMiB: members.reduce((sum, p) => sum + p.rssMiB, 0),
  };
}

async function jsHeapMiB(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20;
}

/** Peaks while work runs: the page's JS heap (CDP) and the renderer's resident set (/proc). */
export function sampleMemory(browser: Browser, everyMs = 500) {
  const peak = { jsHeapMiB: 0, rendererMiB: 0, browserMiB: 0, totalMiB: 0 };
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    const m = chromiumMemory(browser.profileDir);
    peak.rendererMiB = Math.max(peak.rendererMiB, m.rendererMiB || 0);
    peak.browserMiB = Math.max(peak.browserMiB, m.browserMiB || 0);
    peak.totalMiB = Math.max(peak.totalMiB, m.totalMiB || 0);
    jsHeapMiB(browser.cdp)
      .then((heap) => (peak.jsHeapMiB = Math.max(peak.jsHeapMiB, heap || 0)))
      .catch(() => undefined)
      .finally(() => (busy = false));
  }, everyMs);
  return { stop: () => (clearInterval(timer), { ...peak }) };
}

// ---------------------------------------------------------------- bootstrap

export interface BootstrapResult {
  events: number;
  tickets: number;
  /** Page load → cursor at the hub's last seq with every ticket in the table, ms. */
  totalMs: number;
  /** The station's record written (the join), ms after the page load began. */
  joinedMs: number;
  /** First page applied → caught up, ms (the pull alone). */
  pullMs: number;
  eventsPerSecond: number;
  pullEventsPerSecond: number;
  memory: { jsHeapMiB: number; rendererMiB: number; browserMiB: number; totalMiB: number; jsHeapAfterGcMiB?: number };
  saves: number[];
  final: Progress;
}

/**
 * Loads the desk, waits until the engine holds every event of the hub (`lastSeq`) and the
 * tickets table the expected count. With `saveGapMs`, saves one ticket that often from the
 * moment the station has joined until caught up (the save figure while a bootstrap runs);
 * with `traceSlowSaves`, prints the app's trace moments around each save over 25 ms.
 */
export async function bootstrap(browser: Browser, shell: Shell, expect: { lastSeq: number; events: number; tickets: number }, options: { saveGapMs?: number; traceSlowSaves?: boolean; pollMs: number; timeoutMs: number; log: (line: string) => void; whilePulling?: () => Promise<void> }): Promise<BootstrapResult> {
  const { page, cdp } = browser;
  const memory = sampleMemory(browser);
  const t0 = performance.now();
  await page.goto(shell.url);
  let joinedMs = NaN;
  let firstPageMs = NaN;
  let savesStarted = false;
  let lastLog = t0;
  let caughtMs = NaN;
  let profiled = false;
  while (performance.now() - t0 < options.timeoutMs) {
    const p = await page.evaluate(() => globalThis.syncBench.progress(false)).catch(() => null);
    const now = performance.now();
    if (p?.station && Number.isNaN(joinedMs)) joinedMs = now - t0;
    if (p && p.cursor > 0 && Number.isNaN(firstPageMs)) firstPageMs = now - t0;
    if (p?.station && options.saveGapMs && !savesStarted) {
      savesStarted = true;
      await page.evaluate((gap) => globalThis.syncBench.startSaves(gap), options.saveGapMs);
    }
    if (p && p.cursor > expect.lastSeq / 3 && !profiled && options.whilePulling) {
      profiled = true;
      await options.whilePulling();
    }
    if (p && p.cursor >= expect.lastSeq) {
      caughtMs = now - t0;
      break;
    }
    if (now - lastLog > 10_000) {
      lastLog = now;
      options.log(`  ${(p?.cursor ?? 0).toLocaleString('en')} / ${expect.lastSeq.toLocaleString('en')} after ${((now - t0) / 1000).toFixed(0)} s (joined: ${p?.station ? 'yes' : 'no'})`);
    }
    await new Promise((done) => setTimeout(done, options.pollMs));
  }
  const saves = savesStarted ? await page.evaluate(() => globalThis.syncBench.stopSaves()) : [];
  if (savesStarted && options.traceSlowSaves) for (const line of await page.evaluate(() => globalThis.syncBench.slowSaveTraces())) options.log(`    slow save ${line}`);
  const peak = memory.stop();
  // The heap's peak counts garbage not collected yet; what is still held is the heap after a collection.
  const jsHeapAfterGcMiB = await cdp.send('HeapProfiler.collectGarbage').then(() => jsHeapMiB(cdp)).catch(() => NaN);
  if (Number.isNaN(caughtMs)) throw new Error(`not caught up after ${options.timeoutMs / 1000} s`);
  const final = await page.evaluate(() => globalThis.syncBench.progress(true));
  // Our own saves are tickets too; every seeded one must be there.
  if (final.tickets !== expect.tickets + saves.length) throw new Error(`caught up with ${final.tickets} tickets, expected ${expect.tickets} + ${saves.length} saved here`);
  const pullMs = caughtMs - firstPageMs;
  return {
    events: expect.events, tickets: expect.tickets, totalMs: caughtMs, joinedMs, pullMs,
    eventsPerSecond: expect.events / (caughtMs / 1000), pullEventsPerSecond: expect.events / (pullMs / 1000),
    memory: { ...peak, jsHeapAfterGcMiB }, saves, final,
  };
}

// ---------------------------------------------------------------- sign-in

/** Signs the estate's manager in (their PIN from the founding station), waits for the queue. */
export async function signInManager(page: Page, managerName: string, pin: string): Promise<void> {
  const who = page.getByLabel('值班人员');
  await who.waitFor({ timeout: 120_000 });
  const label = await who.locator('option', { hasText: managerName }).first().textContent();
  await who.selectOption({ label: label ?? managerName });
  await page.getByLabel('PIN 码').fill(pin);
  await page.getByLabel('PIN 码').press('Enter');
  await page.locator('[data-testid="queue-row"]').first().waitFor({ timeout: 120_000 });
}
