// The performance anchor (../shared/anchors/pouchdb-sync, read-only): PouchDB 9 replication in
// the same headless Chromium, and a raw Dexie page pull (events only, no projections: the
// ceiling of a page apply). Run in the same `npm run bench:sync` run as ours, on the same
// machine, so the figures compared are ratios measured side by side (the targets).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ANCHOR_SOURCE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'anchors', 'pouchdb-sync');

interface SummaryRow {
  group: string;
  key: string;
  samples: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianDocsPerSec: number | null;
  maxForeignCpuS?: number | null;
}

export interface AnchorResults {
  when: string;
  config: { n: number; runs: number };
  machine: { nproc: number; cpuModel: string };
  versions: Record<string, string | null>;
  summary: SummaryRow[];
  failures: { desc: string; error: unknown }[];
  totalWallS: number;
}

export interface Figure { key: string; value: number }

export interface AnchorFigures {
  n: number;
  when: string;
  /** PouchDB's best bootstrap of N events, docs/s (any adapter and batch size run). */
  bootstrapBest: Figure;
  /** The raw Dexie page pull, events only: the ceiling of a bootstrap, events/s. */
  rawBootstrap: Figure | null;
  /** PouchDB's best one-shot pull of 1,000 new events with N in sync, ms. */
  pullBest: Figure;
  rawPull: Figure | null;
  /** PouchDB's best push of 1,000 new local events, ms. */
  pushBest: Figure;
  rawPush: Figure | null;
  failures: number;
  /** CPU seconds other processes used during the anchor's slowest-disturbed measurement. */
  foreignCpuS: number;
}

const best = (rows: SummaryRow[], by: 'fastest' | 'highest', value: (r: SummaryRow) => number | null): Figure | null => {
  const scored = rows.map((r) => ({ key: r.key, value: value(r) })).filter((r): r is Figure => r.value !== null && Number.isFinite(r.value));
  if (!scored.length) return null;
  return scored.reduce((a, b) => ((by === 'fastest' ? b.value < a.value : b.value > a.value) ? b : a));
};

/** The figures the report compares against, from the anchor's results.json. */
export function anchorFigures(results: AnchorResults): AnchorFigures {
  const rows = results.summary;
  const n = results.config.n;
  const boot = rows.filter((r) => r.group === `2 bootstrap ${n}`);
  const inc = rows.filter((r) => r.group.startsWith('3 incremental 1000'));
  const pouch = (r: SummaryRow) => r.key.startsWith('PouchDB');
  const raw = (r: SummaryRow) => r.key.startsWith('raw');
  const bootstrapBest = best(boot.filter(pouch), 'highest', (r) => r.medianDocsPerSec);
  const pullBest = best(inc.filter((r) => pouch(r) && r.key.includes(' PULL ')), 'fastest', (r) => r.medianMs);
  const pushBest = best(inc.filter((r) => pouch(r) && r.key.includes(' PUSH ')), 'fastest', (r) => r.medianMs);
  if (!bootstrapBest || !pullBest || !pushBest) throw new Error(`the anchor's results lack a PouchDB bootstrap, pull or push of ${n} (failures: ${JSON.stringify(results.failures).slice(0, 300)})`);
  return {
    n, when: results.when, bootstrapBest, pullBest, pushBest,
    rawBootstrap: best(boot.filter(raw), 'highest', (r) => r.medianDocsPerSec),
    rawPull: best(inc.filter((r) => raw(r) && r.key.includes(' PULL ') && r.key.endsWith('limit=1000')), 'fastest', (r) => r.medianMs),
    rawPush: best(inc.filter((r) => raw(r) && r.key.includes(' PUSH ')), 'fastest', (r) => r.medianMs),
    failures: results.failures.length,
    foreignCpuS: Math.max(0, ...rows.map((r) => r.maxForeignCpuS ?? 0)),
  };
}

/**
 * Runs the anchor as its README says (copied to `workDir`, installed with `npm ci` from the npm
 * registry when its lock changed), about six minutes at N=100,000. Returns its results.json.
 */
export async function runAnchor(options: { workDir: string; n: number; log: (line: string) => void; source?: string }): Promise<AnchorResults> {
  const source = options.source ?? ANCHOR_SOURCE;
  if (!existsSync(join(source, 'bench.mjs'))) throw new Error(`no anchor at ${source}`);
  const dir = options.workDir;
  const lock = (d: string) => (existsSync(join(d, 'package-lock.json')) ? readFileSync(join(d, 'package-lock.json'), 'utf8') : '');
  const installed = existsSync(join(dir, 'node_modules', 'pouchdb-server')) && lock(dir) === lock(source);
  mkdirSync(dir, { recursive: true });
  // The source is read-only; the copy is ours (node_modules kept between runs).
  for (const entry of ['bench.mjs', 'gen.js', 'pouch.html', 'pouch.js', 'raw.html', 'raw.js', 'report.mjs', 'server-couch.js', 'server-raw.js', 'monitor.mjs', 'attach-foreign.mjs', 'package.json', 'package-lock.json']) {
    if (existsSync(join(source, entry))) {
      rmSync(join(dir, entry), { force: true });
      cpSync(join(source, entry), join(dir, entry));
    }
  }
  if (!installed) {
    options.log('anchor: npm ci (PouchDB 9, pouchdb-server 4.2.0, Dexie 4.4.7)…');
    await run('npm', ['ci', '--no-audit', '--no-fund'], dir, {}, options.log, false);
  }
  rmSync(join(dir, 'out', 'results.json'), { force: true });
  options.log(`anchor: RUNS=1 N=${options.n} SKIP=bulk BS_LIST=1000 INC_ROUNDS=2 node bench.mjs (about 6 minutes at 100,000)…`);
  await run('node', ['bench.mjs'], dir, { RUNS: '1', N: String(options.n), SKIP: 'bulk', BS_LIST: '1000', INC_ROUNDS: '2', OUT: 'out/results.json' }, options.log, true);
  return JSON.parse(readFileSync(join(dir, 'out', 'results.json'), 'utf8')) as AnchorResults;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>, log: (line: string) => void, echo: boolean): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (echo) for (const line of text.split('\n')) if (/RUN |ok wall|FAILED|populated/.test(line)) log(`  anchor ${line.trim()}`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', fail);
    // The anchor exits 2 when a measurement failed; its results.json still says which.
    child.on('exit', (code) => (code === 0 || code === 2 ? done() : fail(new Error(`${command} ${args.join(' ')} exited ${code}:\n${tail}`))));
  });
}
