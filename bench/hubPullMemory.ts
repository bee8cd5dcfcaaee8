// `npm run bench:hub-memory`: the security review's S4 probe. 5,000 events of about 64 kB in one
// site, then 8 concurrent pullers with limit=5000 each following `last` to the end, while a
// prober asks /v1/health in a loop. Reports the hub's peak RSS (target < 300 MB), the health
// latency during the pulls, and the pages' sizes. SQLite always; PostgreSQL when
// BENCH_DATABASE_URL (or HUB_TEST_DATABASE_URL) is set and BENCH_HUB_MEMORY_PG is not 0.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { enrolStations, initStore } from '../tests/hub/support/enrol';
import { startHub } from '../tests/hub/support/hubProcess';
import { call, percentile, sampleRss, withScratchDatabase } from './hub/load';

const EVENTS = Number(process.env.BENCH_HUB_MEMORY_EVENTS ?? 5000);
const PAYLOAD_CHARS = 64_000;
const BATCH = 75; // 75 × 64 kB stays under the 5 MiB body limit
const PULLERS = 8;

interface Figures { store: string; rssBefore: number; rssPeak: number; pages: number; maxPageMiB: number; health: number[]; pullSeconds: number }

function batch(from: number, n: number): string {
  const stamp = new Date().toISOString();
  const filler = randomBytes(PAYLOAD_CHARS / 2).toString('hex');
  const events = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return `{"id":"big-${i}","stream":"ticket:${i}","type":"ticket.note","hlc":"${stamp}-${(i % 0x10000).toString(16).padStart(4, '0')}-a1b2c3d4e5f60708",` +
      `"station":"FD-1","actor":"staff-1","payload":{"n":${i},"text":"${filler}"}}`;
  });
  return `{"events":[${events.join(',')}]}`;
}

async function run(store: string, env: Record<string, string>): Promise<Figures> {
  await initStore(env);
  const [token] = (await enrolStations(env, [['estate-a', 'FD-1']])) as [string];
  const hub = await startHub(env);
  const base = new URL(hub.url);
  try {
    for (let i = 0; i < EVENTS; i += BATCH) {
      const answer = await call(base, token, 'POST', '/v1/events', batch(i, Math.min(BATCH, EVENTS - i)));
      if (answer.status !== 200) throw new Error(`push answered ${answer.status}`);
    }
    const rss = sampleRss(hub.process.pid as number, 50);
    const rssBefore = rss.stop();
    const peak = sampleRss(hub.process.pid as number, 50);
    let pulling = true;
    const health: number[] = [];
    const prober = (async () => {
      while (pulling) {
        const t = performance.now();
        await call(base, token, 'GET', '/v1/health');
        health.push(performance.now() - t);
      }
    })();
    let pages = 0;
    let maxPage = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: PULLERS }, async () => {
      let got = 0;
      for (let after = 0, more = true; more;) {
        const answer = await call(base, token, 'GET', `/v1/events?after=${after}&limit=5000`);
        maxPage = Math.max(maxPage, Buffer.byteLength(answer.text));
        const page = JSON.parse(answer.text) as { events: unknown[]; last: number; more: boolean };
        pages++;
        got += page.events.length;
        after = page.last;
        more = page.more;
      }
      if (got !== EVENTS) throw new Error(`a puller got ${got} events of ${EVENTS}`);
    }));
    const pullSeconds = (performance.now() - started) / 1000;
    pulling = false;
    await prober;
    return { store, rssBefore, rssPeak: peak.stop(), pages, maxPageMiB: maxPage / 2 ** 20, health, pullSeconds };
  } finally {
    await hub.stop();
  }
}

const results: Figures[] = [];
const dir = `${process.cwd()}/bench/.data/hub-memory`;
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
try {
  results.push(await run('sqlite', { HUB_DATA: `${dir}/data` }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const pgUrl = process.env.BENCH_DATABASE_URL ?? process.env.HUB_TEST_DATABASE_URL;
if (pgUrl && process.env.BENCH_HUB_MEMORY_PG !== '0') {
  results.push(await withScratchDatabase(pgUrl, 'hubmem', (url) => run('postgres', { DATABASE_URL: url })));
}

const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`\n${f(EVENTS)} events of ${f(PAYLOAD_CHARS)} characters, ${PULLERS} concurrent pullers with limit=5000 following last to the end\n`);
console.log('| store | hub RSS before → peak | pages (largest) | pull time | health during pulls: p50 / p95 / max ms (n) |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.store} | ${f(r.rssBefore)} → ${f(r.rssPeak)} MiB | ${r.pages} (${f(r.maxPageMiB, 2)} MiB) | ${f(r.pullSeconds, 1)} s | ` +
    `${f(percentile(r.health, 50), 1)} / ${f(percentile(r.health, 95), 1)} / ${f(Math.max(...r.health), 1)} (${r.health.length}) |`);
}
