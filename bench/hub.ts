// `npm run bench:hub`: for each store, push ingest of 1,000,000 events in batches of 1000 from
// 4 concurrent stations, the push latency of batches of 10 while that runs, a pull of the same
// million in pages of 5000, and the hub's resident memory. PostgreSQL runs when
// BENCH_DATABASE_URL (or HUB_TEST_DATABASE_URL) names a server where databases can be created.
// Sizes can be scaled down with BENCH_HUB_EVENTS for a quick look.
import { cpus, loadavg, totalmem } from 'node:os';
import { enrolStations, initStore } from '../tests/hub/support/enrol';
import { startHub } from '../tests/hub/support/hubProcess';
import { batchBody, call, cpuSeconds, percentile, push, sampleRss, withScratchDatabase } from './hub/load';
import { mkdirSync, rmSync } from 'node:fs';

const TOTAL = Number(process.env.BENCH_HUB_EVENTS ?? 1_000_000);
const BATCH = 1000;
const STATIONS = ['FD-1', 'FD-2', 'CR-1', 'SUP-1'];
const PAGE = 5000;

interface Latency { p50: number; p95: number; p99: number; n: number }
interface Figures {
  store: string; ingest: number; ingestSeconds: number; ingestCpuUs: number; clientCpuUs: number; same: Latency; other: Latency;
  pull: number; pullSeconds: number; pullCpuUs: number; rssMiB: number;
}

const latency = (values: number[]): Latency => ({ p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), n: values.length });

async function run(store: 'sqlite' | 'postgres', env: Record<string, string>): Promise<Figures> {
  await initStore(env); // as `npm run hub:init`: the hub refuses a store never created
  const tokens = await enrolStations(env, [...[...STATIONS, 'PROBE-1', 'PULL-1'].map((n) => ['estate-bench', n] as [string, string]), ['estate-other', 'PROBE-2']]);
  const hub = await startHub(env);
  const base = new URL(hub.url);
  const rss = sampleRss(hub.process.pid as number);
  try {
    let ingesting = true;
    // Small pushes while the ingest runs: one station of the same site (it waits for the site's
    // commit-order lock) and one of another site (it does not).
    const probe = async (token: string, station: string, into: number[]) => {
      while (ingesting) {
        const started = performance.now();
        await push(base, token, batchBody(station, 10));
        into.push(performance.now() - started);
      }
    };
    const same: number[] = [];
    const other: number[] = [];
    const probes = Promise.all([probe(tokens[4] as string, 'PROBE-1', same), probe(tokens[6] as string, 'PROBE-2', other)]);
    const pid = hub.process.pid as number;
    const cpu0 = cpuSeconds(pid);
    const client0 = process.cpuUsage();
    const started = performance.now();
    const perStation = TOTAL / BATCH / STATIONS.length;
    await Promise.all(STATIONS.map(async (name, i) => {
      for (let b = 0; b < perStation; b++) await push(base, tokens[i] as string, batchBody(name, BATCH));
    }));
    const ingestSeconds = (performance.now() - started) / 1000;
    const cpu1 = cpuSeconds(pid);
    const client = process.cpuUsage(client0);
    ingesting = false;
    await probes;

    const pullStarted = performance.now();
    let pulled = 0;
    for (let after = 0, more = true; more;) {
      const page = JSON.parse((await call(base, tokens[5] as string, 'GET', `/v1/events?after=${after}&limit=${PAGE}`)).text) as { events: unknown[]; last: number; more: boolean };
      pulled += page.events.length;
      after = page.last;
      more = page.more;
    }
    const pullSeconds = (performance.now() - pullStarted) / 1000;
    const cpu2 = cpuSeconds(pid);
    if (pulled !== TOTAL + same.length * 10) throw new Error(`pulled ${pulled}, expected ${TOTAL + same.length * 10}`);
    return {
      store, ingest: TOTAL / ingestSeconds, ingestSeconds, ingestCpuUs: ((cpu1 - cpu0) * 1e6) / (TOTAL + (same.length + other.length) * 10),
      clientCpuUs: (client.user + client.system) / (TOTAL + (same.length + other.length) * 10), same: latency(same), other: latency(other), pull: pulled / pullSeconds, pullSeconds, pullCpuUs: ((cpu2 - cpu1) * 1e6) / pulled,
      rssMiB: rss.stop(),
    };
  } finally {
    rss.stop();
    await hub.stop();
  }
}

const results: Figures[] = [];
const dir = `${process.cwd()}/bench/.data/hub-sqlite`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(`${dir}/..`, { recursive: true });
results.push(await run('sqlite', { HUB_DATA: dir }));
rmSync(dir, { recursive: true, force: true });

const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.HUB_TEST_DATABASE_URL;
if (pgUrl) {
  results.push(await withScratchDatabase(pgUrl, 'hubbench', (url) => run('postgres', { DATABASE_URL: url })));
} else {
  console.warn('PostgreSQL skipped: set BENCH_DATABASE_URL or HUB_TEST_DATABASE_URL');
}

const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model}, ${f(totalmem() / 2 ** 30, 1)} GiB, node ${process.version}, ${new Date().toISOString()}`);
console.log(`${f(TOTAL)} events, batches of ${BATCH} from ${STATIONS.length} stations; pull pages of ${PAGE}\n`);
const lat = (l: Latency) => `${f(l.p50, 1)} / ${f(l.p95, 1)} / ${f(l.p99, 1)} (${l.n})`;
console.log(`load average at the end: ${loadavg().map((l) => f(l, 1)).join(', ')}\n`);
console.log('| store | push ingest, events/s (time; hub CPU per event; bench client CPU per event) | batch of 10 during ingest, same site: p50 / p95 / p99 ms (n) | other site: p50 / p95 / p99 ms (n) | pull, events/s (time; hub CPU per event) | hub RSS peak |');
console.log('|---|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.store} | ${f(r.ingest)} (${f(r.ingestSeconds, 1)} s; ${f(r.ingestCpuUs)} µs; ${f(r.clientCpuUs)} µs) | ${lat(r.same)} | ${lat(r.other)} | ` +
    `${f(r.pull)} (${f(r.pullSeconds, 1)} s; ${f(r.pullCpuUs, 1)} µs) | ${f(r.rssMiB)} MiB |`);
}
