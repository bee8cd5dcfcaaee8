// The second half of `npm run bench:alarms` (issue 15 target: the list handed over in < 50 ms
// after a change, with 1,000 pending deadlines). The real web shell and Debian's Chromium: a
// station set up through the UI, 1,000 open complaints saved through the app's own code (each
// runs R-COMPLAINT-CONTACT for 3 days, so nothing rings), then one more complaint at a time; the
// figure runs from that save's commit to the host's answer to the handover carrying the new
// deadline (`alarms:patch` after the first whole list), seen on the bridge's WebSocket. Then, with
// ~2,000 running clocks, the desk bench's burst (200 saves of every kind back to back, each timed
// call → commit) with the alarms derived meanwhile, and single saves again once quiet (the first
// change after a burst is handed over as fast). Written to docs/benchmarks.md.
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import config from '../playwright.config';
import { DeskApp } from '../tests/e2e/pages/DeskApp';
import { startWebShell } from '../tests/e2e/support/webShell';
import type { AlarmBench } from './alarmHandoverPage';
import { writeBenchSection } from './benchReport';
import { ALARM_REFRESH } from '../src/renderer/features/alarms/alarmRefresher';

declare global {
  var alarmBench: AlarmBench;
  var __alarmSets: { method: string; sentAt: number; answeredAt?: number; upserts: number }[];
}

const root = resolve(import.meta.dirname, '..');
const PENDING = Number(process.env.BENCH_ALARMS_PENDING ?? 1000);
const RUNS = Number(process.env.BENCH_ALARMS_RUNS ?? 30);
const BURST = Number(process.env.BENCH_ALARMS_BURST ?? 200);
const BURST_CLOCKS = Number(process.env.BENCH_ALARMS_BURST_CLOCKS ?? 2000);
const AFTER_BURST_RUNS = 10;

// Every `alarms:set` the page sends and the host's answer, timed in the page (epoch ms, sub-ms).
const SOCKET_PROBE = `(() => {
  globalThis.__alarmSets = [];
  const now = () => performance.timeOrigin + performance.now();
  const calls = new Map();
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && (data.includes('"alarms:set"') || data.includes('"alarms:patch"'))) {
      const message = JSON.parse(data);
      const entry = { method: message.method, sentAt: now(), upserts: message.args[0].length };
      calls.set(message.id, entry);
      globalThis.__alarmSets.push(entry);
      if (!this.__alarmProbe) {
        this.__alarmProbe = true;
        this.addEventListener('message', (event) => {
          const answer = JSON.parse(String(event.data));
          const entry = answer.t === 'result' ? calls.get(answer.id) : undefined;
          if (entry) { entry.answeredAt = now(); calls.delete(answer.id); }
        });
      }
    }
    return send.call(this, data);
  };
})();`;

const LIMITS = "What limits it: the save's own `storagemutated` reaches the root after the commit; the derivation (4 ms after it, the first change after quiet) reads only the deadline row and the ticket that change wrote, computes that ticket's clocks again and re-places its entries in the sorted list (a binary search; no sort or comparison of the whole list), and offers the host just those entries; the host checks the one deadline handed over and saves the list in the background. Reading the 1,000 deadline rows anew took 19 ms, and checking the whole list again on the host 10–25 ms: both are gone from a save's path (the whole list goes over once, at start and after a dropped bridge). In a burst the derivations come 150, 300, 600 ms, then at most 1 s apart while saves keep landing (each a few ms with 2,000 clocks), the last one 150 ms after the last save; the bench's saves run on their own Dexie connection in the page, as bench/desk.ts's do.";

/**
 * Settled: every save handed over, and no handover for longer than the alarms' largest gap
 * between derivations in a burst (ALARM_REFRESH.maxGapMs: 1 s), plus half a second.
 */
async function settled(page: Page) {
  await page.waitForFunction((quietMs) => {
    const last = globalThis.__alarmSets.at(-1);
    return last?.answeredAt !== undefined && performance.timeOrigin + performance.now() - last.answeredAt > quietMs;
  }, ALARM_REFRESH.maxGapMs + 500, { timeout: 300_000, polling: 100 });
}

/** One complaint at a time, 400 ms apart: from each save's commit to the handover carrying its new deadline. */
async function handOver(page: Page, runs: number, kind: 'complaint' | 'repair' = 'complaint') {
  const sent: number[] = [];
  const answered: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(400);
    const calls = await page.evaluate(() => globalThis.__alarmSets.length);
    const committedAt = await page.evaluate((k) => globalThis.alarmBench.saveComplaint(k), kind);
    // The first handover after the save: the new deadline in a patch (or a whole list).
    const entry = await page.waitForFunction((n) => globalThis.__alarmSets.slice(n).find((s) => s.upserts > 0 && s.answeredAt !== undefined), calls, { timeout: 10_000 }).then(async (h) => (await h.jsonValue())!);
    sent.push(entry.sentAt - committedAt);
    answered.push(entry.answeredAt! - committedAt);
  }
  return { sent, answered };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

async function main() {
  const bundle = (await build({ entryPoints: [join(root, 'bench', 'alarmHandoverPage.ts')], bundle: true, format: 'iife', platform: 'browser', target: 'es2022', write: false, tsconfig: join(root, 'tsconfig.web.json'), define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'warning' })).outputFiles[0]!.text;
  const shell = await startWebShell();
  const launch = config.use?.launchOptions ?? {};
  const browser = await chromium.launch({ executablePath: launch.executablePath ?? '/usr/bin/chromium', args: launch.args ?? [], headless: true });
  const load = loadavg()[0]!;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript({ content: SOCKET_PROBE });
    const page = await context.newPage();
    const app = new DeskApp(page, shell);
    await app.open();
    await app.completeSetup();
    await page.evaluate(bundle);
    console.log(`saving ${PENDING} complaints…`);
    await page.evaluate((n) => globalThis.alarmBench.seedComplaints(n), PENDING);
    await settled(page);
    const clocks = await page.evaluate(() => globalThis.alarmBench.runningClocks());
    const wholeLists = await page.evaluate(() => globalThis.__alarmSets.filter((s) => s.method === 'alarms:set').length);
    const { sent, answered } = await handOver(page, RUNS);
    const f = (values: number[], p: number) => percentile(values, p).toFixed(1);
    const p95 = percentile(answered, 95);

    // The desk bench's burst (200 saves back to back) with ~2,000 running clocks and the alarms on.
    console.log(`saving complaints up to ${BURST_CLOCKS} running clocks…`);
    await page.evaluate((n) => globalThis.alarmBench.seedComplaints(n), Math.max(0, BURST_CLOCKS - (await page.evaluate(() => globalThis.alarmBench.runningClocks()))));
    await settled(page);
    const burstClocks = await page.evaluate(() => globalThis.alarmBench.runningClocks());
    console.log(`burst: ${BURST} saves back to back beside ${burstClocks} running clocks…`);
    const burst = await page.evaluate((n) => globalThis.alarmBench.timeBurst(n), BURST);
    await settled(page);
    const burstCalls = await page.evaluate(({ from, to }) => globalThis.__alarmSets.filter((s) => s.sentAt >= from && s.sentAt <= to).length, { from: burst.startedAt, to: burst.endedAt });
    const settledAfter = await page.evaluate((to) => (globalThis.__alarmSets.at(-1)?.answeredAt ?? to) - to, burst.endedAt);
    // A repair (its 5 minutes among the soonest): past 2,000 clocks a complaint's 3 days are not read.
    const after = await handOver(page, AFTER_BURST_RUNS, 'repair');
    const burstLine = `| saves in a burst, ${BURST} back to back, ${burstClocks} running clocks (call → commit) | ${f(burst.ms, 50)} ms | ${f(burst.ms, 95)} ms | ${Math.max(...burst.ms).toFixed(1)} ms | p95 < 25 ms ${percentile(burst.ms, 95) < 25 ? '(met)' : '(missed)'} |`;
    const afterLine = `| after the burst, quiet again: save committed → host answered (${AFTER_BURST_RUNS} repairs, 400 ms apart) | ${f(after.answered, 50)} ms | ${f(after.answered, 95)} ms | ${Math.max(...after.answered).toFixed(1)} ms | < 50 ms ${percentile(after.answered, 95) < 50 ? '(met at p95)' : '(missed at p95)'} |`;
    const burstNote = `During the burst (${((burst.endedAt - burst.startedAt) / 1000).toFixed(1)} s) the list was handed over ${burstCalls} time(s); the last handover was answered ${settledAfter.toFixed(0)} ms after the burst's last commit.`;
    const body = [
      `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${load.toFixed(2)} at the start; headless Chromium through the web shell.`,
      '',
      `${PENDING} open complaints saved through the app (each running R-COMPLAINT-CONTACT: ${clocks} rows in \`db.deadlines\`; the host took the whole list ${wholeLists} time(s), then what changed), then ${RUNS} more, one at a time 400 ms apart; from each save's commit to the handover carrying its new deadline (\`alarms:patch\`) sent over the bridge, and to the host's answer (the alarm clock has it, validated and armed, beside the ${PENDING} it held):`,
      '',
      '| measure | p50 | p95 | max | target |',
      '|---|---|---|---|---|',
      `| save committed → handover sent | ${f(sent, 50)} ms | ${f(sent, 95)} ms | ${Math.max(...sent).toFixed(1)} ms | |`,
      `| save committed → host answered (handed over) | ${f(answered, 50)} ms | ${p95.toFixed(1)} ms | ${Math.max(...answered).toFixed(1)} ms | < 50 ms ${p95 < 50 ? '(met at p95)' : '(missed at p95)'} |`,
      burstLine,
      afterLine,
      '',
      burstNote,
      '',
      LIMITS,
    ].join('\n');
    console.log(body);
    await writeBenchSection('Alarm handover (npm run bench:alarms, second part)', body);
  } finally {
    await browser.close();
    await shell.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
