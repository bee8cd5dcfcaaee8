// `npm run bench:sync` reads the PouchDB anchor's results.json (../shared/anchors/pouchdb-sync)
// and states the ratios: a figure taken from the wrong row (a default batch size, the raw
// ceiling instead of PouchDB) or a ratio turned upside down would print a false pass.
import { describe, expect, it } from 'vitest';
import { anchorFigures, type AnchorResults } from '../../bench/sync/anchor';
import { ratios, renderReport, type SyncRunResults } from '../../bench/sync/report';

const row = (group: string, key: string, medianMs: number, medianDocsPerSec: number | null = null) => ({ group, key, samples: 1, medianMs, minMs: medianMs, maxMs: medianMs, medianDocsPerSec, maxForeignCpuS: 0.4 });

/** The rows the anchor wrote in its run of RUNS=1 N=100000 SKIP=bulk BS_LIST=1000 INC_ROUNDS=2 (values made up). */
const results: AnchorResults = {
  when: '2026-12-06T08:00:00.000Z', config: { n: 100000, runs: 1 }, machine: { nproc: 2, cpuModel: 'Intel(R) Xeon(R) Processor' }, versions: {}, failures: [], totalWallS: 360,
  summary: [
    row('2 bootstrap 100000', 'PouchDB idb replicate batch_size=1000', 52_000, 1923),
    row('2 bootstrap 100000', 'PouchDB indexeddb replicate batch_size=1000', 43_000, 2326),
    row('2 bootstrap 100000', 'PouchDB idb replicate batch_size=1000 (fresh copy, inside inc run)', 55_000, 1818),
    row('2 bootstrap 100000', 'raw Dexie pull limit=1000 (sequential)', 12_000, 8333),
    row('2 bootstrap 100000', 'raw Dexie pull limit=1000 (prefetch next page)', 11_000, 9090),
    row('3 incremental 1000 (with 100000 in sync)', 'PouchDB idb PULL 1000 new server docs, one-shot replicate batch_size=100', 815),
    row('3 incremental 1000 (with 100000 in sync)', 'PouchDB idb PULL 1000 new server docs, one-shot replicate batch_size=1000', 450),
    row('3 incremental 1000 (with 100000 in sync)', 'PouchDB idb PUSH 1000 new local docs, one-shot replicate batch_size=100', 804),
    row('3 incremental 1000 (with 100000 in sync)', 'PouchDB idb PUSH 1000 new local docs, one-shot replicate batch_size=1000', 479),
    row('3 incremental 1000 (with 100000 in sync)', 'raw Dexie PULL 1000 new server events limit=100', 250),
    row('3 incremental 1000 (with 100000 in sync)', 'raw Dexie PULL 1000 new server events limit=1000', 135),
    row('3 incremental 1000 (with 100000 in sync)', 'raw Dexie PUSH 1000 new local events batch=500', 300),
    row('3b incremental side costs', 'PouchDB idb local bulkDocs 1000 docs', 90),
  ],
};

describe('the sync bench against the PouchDB anchor', () => {
  it("takes PouchDB's best of each (highest bootstrap rate, fastest pull and push), the raw pull as the ceiling, never a side cost", () => {
    const a = anchorFigures(results);
    expect(a.bootstrapBest).toEqual({ key: 'PouchDB indexeddb replicate batch_size=1000', value: 2326 });
    expect(a.pullBest.value).toBe(450);
    expect(a.pushBest.value).toBe(479);
    expect(a.rawBootstrap?.value).toBe(9090);
    expect(a.rawPull?.value).toBe(135);
    expect(a.rawPush?.value).toBe(300);
  });

  it('refuses results without a PouchDB pull (a failed anchor run gives no ratio rather than a made-up one)', () => {
    const broken = { ...results, summary: results.summary.filter((r) => !r.key.includes('PULL')), failures: [{ desc: 'pouch incremental idb', error: 'timeout' }] };
    expect(() => anchorFigures(broken)).toThrow(/pull/);
  });

  it('states bootstrap as ours ÷ PouchDB and pull and push as PouchDB ÷ ours, and a miss as a miss', () => {
    const boot = { events: 100000, tickets: 15000, totalMs: 25_000, joinedMs: 1000, pullMs: 24_000, eventsPerSecond: 4000, pullEventsPerSecond: 4166, memory: { jsHeapMiB: 80, rendererMiB: 300, browserMiB: 200, totalMiB: 700 }, saves: [10, 12, 30, 14], final: { exists: true, station: true, cursor: 100000, tickets: 15004, events: 100004, outbox: 0 } };
    const run: SyncRunResults = {
      date: '2026-12-06T08:00:00.000Z', machine: { model: 'x', nproc: '2', memoryGiB: '24', chromium: 'Chromium 1', node: 'v20' }, load: { before: [0.5, 0.5, 0.5], after: [1, 1, 1] },
      seeded: [], bootstraps: [boot], incremental: [{ ms: 300, inStoreMs: 200 }, { ms: 150, inStoreMs: 100 }, { ms: 200, inStoreMs: 120 }], push: [{ ms: 240, createMs: 9000 }],
      profile: null, anchor: anchorFigures(results), missing: [],
    };
    const q = ratios(run);
    expect(q.bootstrap).toBeCloseTo(4000 / 2326);
    expect(q.pull).toBeCloseTo(450 / 200);
    expect(q.push).toBeCloseTo(479 / 240);
    expect(q.saveP95).toBe(30);
    const text = renderReport(run);
    expect(text).toMatch(/Bootstrap.*1\.72×.*\*\*miss\*\*/);
    expect(text).toMatch(/Incremental pull.*2\.25×.*\*\*pass\*\*/);
    expect(text).toMatch(/One save while a bootstrap runs.*p95 30 ms.*\*\*miss\*\*/);
  });
});
