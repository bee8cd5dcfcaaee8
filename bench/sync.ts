// `npm run bench:sync`: stations syncing through a real hub, against the PouchDB anchor in the
// same run (targets in issue 13 "Performance", results in docs/benchmarks.md "Station sync").
// A benchmark, not a test: it prints and records figures against their targets, asserting
// nothing about time.
//
//   npm run bench:sync                          100k and 1M bootstraps, pull, push, saves, the anchor
//   npm run bench:sync -- --sizes 100000        only the 100k hub (no 1M bootstrap; pull and push on it)
//   npm run bench:sync -- --skip-anchor         without the anchor (no ratios)
//   npm run bench:sync -- --anchor-only         only the anchor (seeding and our part skipped)
//   npm run bench:sync -- --seed-only           generate the cached hub stores and stop
//   npm run bench:sync -- --fresh               regenerate the cached hub stores (bench/.data/sync-hub-<n>)
//   npm run bench:sync -- --profile             a CPU profile of the renderer during the 100k pull
//   npm run bench:sync -- --no-saves-run        without the second 100k bootstrap (someone saving meanwhile)
//   npm run bench:sync -- --saves-run-only      only that one (with --sizes 100000 --skip-anchor: a save's latency during a pull)
//   npm run bench:sync -- --profile-pull        a CPU profile of each incremental pull (with DUTYDESK_RENDERER_MINIFY=0: readable names)
//   npm run bench:sync -- --trace               print the app's perfTrace moments of each incremental pull and push, and of each slow save
//   npm run bench:sync -- --report-only         re-render docs/benchmarks.md from bench/.data/sync-last-run.json
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { writeBenchSection } from './benchReport';
import { anchorFigures, runAnchor } from './sync/anchor';
import { CONTROL_ROOM, ESTATE, freshEvents } from './sync/estate';
import { profiled, profileWindow } from './sync/profile';
import { HEADING, renderReport, type Machine, type SyncRunResults } from './sync/report';
import { pushAs, seedHub, startRunHub, type SeededHub } from './sync/seedHub';
import { bootstrap, launchBrowser, signInManager, startShell, type BootstrapResult } from './sync/station';

const root = resolve(import.meta.dirname, '..');
const dataDir = join(root, 'bench', '.data');
const lastRunFile = join(dataDir, 'sync-last-run.json');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : String(args[i + 1]);
};
const SIZES = option('sizes', '100000,1000000').split(',').map(Number).filter((n) => n > 0).sort((a, b) => a - b);
const ROUNDS = Number(option('rounds', '3'));
const ANCHOR_N = Number(option('anchor-n', '100000'));
const SAVE_GAP_MS = 250;
const NEW_STATION = 'FD-2';
/** The built renderer copied at start: other work may rebuild out/ while this runs. */
const rendererDir = join(dataDir, 'sync-renderer');

const log = (text: string) => process.stdout.write(`${text}\n`);

function machine(): Machine {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  let chromium = 'unknown';
  try {
    chromium = /Chromium [\d.]+/.exec(execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))?.[0] ?? chromium;
  } catch {
    // Reported as unknown.
  }
  return {
    model: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown',
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    memoryGiB: (totalmem() / 2 ** 30).toFixed(1),
    chromium, node: process.version,
  };
}

async function bundleInPage(): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'bench', 'sync', 'inPage.ts')],
    bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, minify: false,
    tsconfig: join(root, 'tsconfig.web.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

async function measureStation(seeded: SeededHub, bundle: string, results: SyncRunResults, work: { saves: boolean; profile: boolean; incremental: boolean; push: boolean }): Promise<void> {
  const run = await startRunHub(seeded, [NEW_STATION]);
  const shell = await startShell({ hubUrl: run.hub.url, token: run.tokens[NEW_STATION]!, rendererDir });
  const browser = await launchBrowser(bundle, log);
  try {
    log(`bootstrap of ${NEW_STATION} from ${seeded.events.toLocaleString('en')} events${work.saves ? `, saving a ticket every ${SAVE_GAP_MS} ms once joined` : ''}…`);
    const boot: BootstrapResult = await bootstrap(browser, shell, { lastSeq: seeded.lastSeq, events: seeded.events, tickets: seeded.tickets }, {
      saveGapMs: work.saves ? SAVE_GAP_MS : undefined,
      traceSlowSaves: flag('trace'),
      pollMs: seeded.events >= 1_000_000 ? 1000 : 250,
      timeoutMs: Math.max(300_000, seeded.events * 5),
      log,
      whilePulling: work.profile
        ? async () => {
          const windowMs = 15_000;
          log(`  profiling the renderer for ${windowMs / 1000} s (the app's build is minified: its names are not readable, its idle and GC shares are)…`);
          const summary = await profileWindow(browser.cdp, windowMs, join(dataDir, `sync-bootstrap-${seeded.events}.cpuprofile`));
          results.profile = { windowMs, stages: summary.stages, top: summary.top, pages: [], pageStages: [], pageTop: [] };
          for (const s of summary.stages) log(`    ${s.stage}: ${s.ms.toFixed(0)} ms`);
        }
        : undefined,
    });
    results.bootstraps.push(boot);
    log(`  caught up: ${boot.eventsPerSecond.toFixed(0)} ev/s over ${(boot.totalMs / 1000).toFixed(1)} s (joined at ${(boot.joinedMs / 1000).toFixed(1)} s, pull alone ${boot.pullEventsPerSecond.toFixed(0)} ev/s); renderer peak ${boot.memory.rendererMiB.toFixed(0)} MiB, JS heap ${boot.memory.jsHeapMiB.toFixed(0)} MiB (${boot.memory.jsHeapAfterGcMiB?.toFixed(0) ?? '?'} MiB after a collection at the end)`);
    if (boot.saves.length) log(`  saves during it: ${boot.saves.length}, p95 ${[...boot.saves].sort((a, b) => a - b)[Math.ceil(boot.saves.length * 0.95) - 1]!.toFixed(1)} ms`);
    if (work.profile && results.profile) {
      // The same pages again, stage by stage, with the engine's applyPage in the (unminified) bench bundle.
      log('  page costs: 20 pages of 1000 pulled again and applied to a scratch database, profiled…');
      const { result: pages, summary } = await profiled(browser.cdp, join(dataDir, 'sync-page-apply.cpuprofile'), () => browser.page.evaluate(() => globalThis.syncBench.pageCosts(6, 5000)));
      Object.assign(results.profile, { pages, pageStages: summary.stages, pageTop: summary.top });
      for (const c of pages) log(`    page of ${c.events}: transfer ${c.transferMs.toFixed(0)} ms, check ${c.checkMs.toFixed(0)}, events only ${c.eventsOnlyMs.toFixed(0)}, one transaction ${c.applyMs.toFixed(0)}, in slices ${c.slicedMs.toFixed(0)}`);
      for (const s of summary.stages) log(`    ${s.stage}: ${s.ms.toFixed(0)} ms`);
      for (const t of summary.top.slice(0, 12)) log(`    ${t.fn}: ${t.ms.toFixed(0)} ms`);
    }
    if (!work.incremental && !work.push) return;

    const { page } = browser;
    log('signing the manager in…');
    await signInManager(page, '李经理', ESTATE.managerPin);
    // No scheduled tick during the timed work: only "sync now" starts a run.
    await page.evaluate(() => globalThis.syncBench.setSchedule(60));
    const settle = async () => {
      // The sign-in's own events (and the last round's) pushed, the engine idle.
      for (let i = 0; i < 60 && (await page.evaluate(() => globalThis.syncBench.progress(true))).outbox > 0; i++) await page.evaluate(() => globalThis.syncBench.timePush(0, 0, 30_000));
      await page.waitForTimeout(2000);
    };
    if (work.incremental) {
      for (let round = 0; round < ROUNDS; round++) {
        await settle();
        // As in the anchor's measurement, nobody works at the desk meanwhile (a key or a click in
        // the last 10 s makes the station apply pulls in slices short enough for their saves).
        await page.waitForTimeout(11_000);
        const fresh = freshEvents(1000, CONTROL_ROOM, seeded.staff, Date.now(), 100 + round, 1000 + round * 300);
        const since = Date.now();
        await pushAs(run.hub.url, seeded.tokens.controlRoom, fresh.events);
        const pull = () => page.evaluate(([number, id, at]) => globalThis.syncBench.timePull(number, id, at, 1000), [fresh.lastNumber, fresh.lastId, since] as const);
        let timing: Awaited<ReturnType<typeof pull>>;
        if (flag('profile-pull')) {
          const profile = await profiled(browser.cdp, join(dataDir, `sync-incremental-${round + 1}.cpuprofile`), pull);
          timing = profile.result;
          for (const s of profile.summary.stages) log(`    ${s.stage}: ${s.ms.toFixed(0)} ms`);
          for (const t of profile.summary.top.slice(0, 15)) log(`    ${t.fn}: ${t.ms.toFixed(0)} ms`);
        } else timing = await pull();
        results.incremental.push(timing);
        log(`  incremental pull ${round + 1}/${ROUNDS}: ${timing.ms.toFixed(0)} ms to the queue (${timing.inStoreMs.toFixed(0)} ms to the store)`);
        if (flag('trace')) log(`    ${timing.trace}`);
      }
    }
    if (work.incremental) {
      results.raw = [];
      for (let i = 0; i < 3; i++) {
        const costs = await page.evaluate(() => globalThis.syncBench.rawCosts());
        results.raw.push(costs);
        log(`  IndexedDB alone on this store: ${Object.entries(costs).map(([name, ms]) => `${name} ${ms} ms`).join(', ')}`);
      }
    }
    if (work.push) {
      for (let round = 0; round < ROUNDS; round++) {
        await settle();
        const saved = await page.evaluate(() => globalThis.syncBench.createTickets(1000));
        const createMs = saved.ms;
        const timing = await page.evaluate((at) => globalThis.syncBench.timePush(at, 1000), saved.at);
        if (timing.left !== 0) throw new Error(`the outbox still holds ${timing.left} events`);
        results.push.push({ ms: timing.ms, createMs });
        if (flag('trace')) log(`    ${timing.trace}`);
        log(`  push ${round + 1}/${ROUNDS}: ${timing.ms.toFixed(0)} ms from the first push request to the outbox settled (1,000 saved in one transaction, ${createMs.toFixed(0)} ms)`);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await shell.stop();
    await run.stop();
  }
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  if (flag('report-only')) {
    await writeBenchSection(HEADING, renderReport(JSON.parse(readFileSync(lastRunFile, 'utf8')) as SyncRunResults));
    log('docs/benchmarks.md re-rendered from bench/.data/sync-last-run.json');
    return;
  }
  const fresh: SyncRunResults = {
    date: new Date().toISOString(), machine: machine(), load: { before: loadavg(), after: [] },
    seeded: [], bootstraps: [], incremental: [], push: [], profile: null, anchor: null, missing: [],
  };
  // --anchor-only completes the last run (its anchor is replaced); every other run starts afresh.
  const results: SyncRunResults = flag('anchor-only') && existsSync(lastRunFile)
    ? { ...(JSON.parse(readFileSync(lastRunFile, 'utf8')) as SyncRunResults), anchor: null }
    : fresh;
  if (flag('anchor-only')) results.missing = results.missing.filter((m) => !m.startsWith('the PouchDB anchor'));
  if (!flag('anchor-only')) {
    const seededHubs: SeededHub[] = [];
    for (const size of SIZES) {
      const seeded = await seedHub({ events: size, dir: join(dataDir, `sync-hub-${size}`), fresh: flag('fresh'), log });
      seededHubs.push(seeded);
      results.seeded.push({ events: seeded.events, tickets: seeded.tickets, bytes: seeded.bytes, seedSeconds: seeded.seedSeconds, generatedAt: seeded.generatedAt });
    }
    if (flag('seed-only')) return;
    const bundle = await bundleInPage();
    rmSync(rendererDir, { recursive: true, force: true });
    cpSync(join(root, 'out', 'renderer'), rendererDir, { recursive: true });
    results.load.before = loadavg();
    for (const [i, seeded] of seededHubs.entries()) {
      const largest = i === seededHubs.length - 1;
      try {
        // The bootstrap's speed with nobody at the desk; then, on the smallest store, again with a
        // person saving every 250 ms (the pull then works in slices short enough for their saves).
        if (!flag('saves-run-only')) await measureStation(seeded, bundle, results, { saves: false, profile: i === 0 && flag('profile'), incremental: largest, push: largest });
        if (i === 0 && !flag('no-saves-run')) await measureStation(seeded, bundle, results, { saves: true, profile: false, incremental: false, push: false });
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        results.missing.push(`the station run on ${seeded.events.toLocaleString('en')} events failed: ${message}`);
        log(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  }
  if (!flag('skip-anchor')) {
    try {
      const anchor = await runAnchor({ workDir: join(dataDir, 'pouchdb-anchor'), n: ANCHOR_N, log });
      results.anchor = anchorFigures(anchor);
      const a = results.anchor;
      log(`anchor: PouchDB best bootstrap ${a.bootstrapBest.value} docs/s (${a.bootstrapBest.key}); pull ${a.pullBest.value} ms; push ${a.pushBest.value} ms; raw ${a.rawBootstrap?.value} ev/s`);
    } catch (error) {
      results.missing.push(`the PouchDB anchor: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      log(`anchor FAILED: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else results.missing.push('the PouchDB anchor (--skip-anchor): no ratios');
  if (flag('no-saves-run')) results.missing.push('the bootstrap with saves meanwhile (--no-saves-run)');
  results.load.after = loadavg();
  writeFileSync(lastRunFile, JSON.stringify(results, null, 2));
  await writeBenchSection(HEADING, renderReport(results));
  log(`results: ${lastRunFile}; docs/benchmarks.md "${HEADING}" written`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
