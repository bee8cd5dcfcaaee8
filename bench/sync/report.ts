// The "Station sync" section of docs/benchmarks.md, rendered from one run's raw results
// (bench/.data/sync-last-run.json), so it can be re-rendered without measuring again.
import { summarise, type Summary } from '../desk/stats';
import type { AnchorFigures } from './anchor';
import type { BootstrapResult } from './station';
import type { PageCost } from './inPage';

export const HEADING = 'Station sync (npm run bench:sync)';

export const TARGETS = { bootstrapRatio: 2, pullRatio: 2, pushRatio: 2, saveP95Ms: 25, rendererMiB: 500 } as const;

export interface Machine { model: string; nproc: string; memoryGiB: string; chromium: string; node: string }

export interface SyncRunResults {
  date: string;
  machine: Machine;
  load: { before: number[]; after: number[] };
  seeded: { events: number; tickets: number; bytes: { mean: number; min: number; max: number }; seedSeconds: number; generatedAt: string }[];
  bootstraps: BootstrapResult[];
  incremental: { ms: number; inStoreMs: number }[];
  push: { ms: number; createMs: number }[];
  /** IndexedDB alone on the caught-up store (inPage.ts rawCosts), ms per kind of work, one entry per try. */
  raw?: Record<string, number>[];
  profile: {
    windowMs: number;
    stages: { stage: string; ms: number }[];
    top: { fn: string; ms: number }[];
    /** The diagnostic replay of the first pages (inPage.ts pageCosts) and its profile. */
    pages: PageCost[];
    pageStages: { stage: string; ms: number }[];
    pageTop: { fn: string; ms: number }[];
  } | null;
  anchor: AnchorFigures | null;
  /** What could not be measured and why (an engine not built yet, a failure). */
  missing: string[];
}

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : 'n/a');
const msText = (n: number) => (Number.isFinite(n) ? (n < 10 ? `${n.toFixed(1)} ms` : `${f(n)} ms`) : 'n/a');
const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? '**pass**' : '**miss**');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN);
const median = (values: number[]) => summarise(values.filter(Number.isFinite)).p50;

export interface Ratios {
  bootstrap: number;
  pull: number;
  push: number;
  saveP95: number;
  renderer1M: number;
}

export function ratios(r: SyncRunResults): Ratios {
  // Throughput from a bootstrap nobody saved during (the saves' run has slices sized for them).
  const boot = r.bootstraps.find((b) => b.events === r.anchor?.n && b.saves.length === 0) ?? r.bootstraps.find((b) => b.events === r.anchor?.n) ?? r.bootstraps[0];
  const big = [...r.bootstraps].sort((a, b) => b.events - a.events)[0];
  const saves = r.bootstraps.flatMap((b) => b.saves);
  return {
    bootstrap: ratio(boot?.eventsPerSecond ?? NaN, r.anchor?.bootstrapBest.value ?? NaN),
    pull: ratio(r.anchor?.pullBest.value ?? NaN, median(r.incremental.map((i) => i.ms))),
    push: ratio(r.anchor?.pushBest.value ?? NaN, median(r.push.map((p) => p.ms))),
    saveP95: saves.length ? summarise(saves).p95 : NaN,
    renderer1M: big && big.events >= 1_000_000 ? big.memory.rendererMiB : NaN,
  };
}

function profileText(r: SyncRunResults): string {
  const p = r.profile;
  if (!p) return '';
  const share = (stages: { stage: string; ms: number }[], name: string) => {
    const total = stages.reduce((sum, s) => sum + s.ms, 0);
    return total ? (100 * (stages.find((s) => s.stage === name)?.ms ?? 0)) / total : NaN;
  };
  const live = `**The renderer during the 100,000-event bootstrap** (CDP CPU profile of the page for ${f(p.windowMs / 1000)} s mid-pull; the app's build is minified, so by kind only): ${p.stages.map((s) => `${s.stage} ${f(s.ms)} ms`).join(', ')}; idle ${f(share(p.stages, 'idle (waiting: the IndexedDB backend in the browser process, the host)'))}% of the window; "other" is the app's minified JS.`;
  if (!p.pages.length) return `${live}\n\n`;
  const med = (pick: (c: PageCost) => number) => median(p.pages.map(pick));
  const apply = med((c) => c.applyMs);
  const eventsOnly = med((c) => c.eventsOnlyMs);
  const check = med((c) => c.checkMs);
  return `${live}\n\n**Where a page's time goes** (the first ${p.pages.length} pages of 1000 pulled again through the bridge and applied with the engine's own \`applyPage\` to a scratch database in the same page, each stage timed apart; medians per page): bridge transfer (the host's fetch from the hub, its protocol checks, the socket, JSON) **${msText(med((c) => c.transferMs))}**; the registry check alone ${msText(check)}; the events alone in one strict transaction (the anchor's raw pull) ${msText(eventsOnly)}; the whole apply (held-id reads, check, events, folds, projection rows and their index keys, cursor) **${msText(apply)}**, so folds, projection writes and index keys add about ${msText(apply - eventsOnly - check)} a page; a ticket row carries ${f(med((c) => c.termKeys), 1)} search-term index keys. Profile of that replay (unminified, self time): ${p.pageStages.map((s) => `${s.stage} ${f(s.ms)} ms`).join(', ')}; top functions: ${p.pageTop.slice(0, 10).map((t) => `\`${t.fn}\` ${f(t.ms)} ms`).join(', ')}.\n\n`;
}

function limits(r: SyncRunResults): string {
  const out: string[] = [];
  const boot = [...r.bootstraps].sort((a, b) => a.events - b.events || a.saves.length - b.saves.length)[0];
  const pages = r.profile?.pages ?? [];
  if (boot) {
    const perPage = 5000 / (boot.pullEventsPerSecond / 1000);
    const transfer = pages.length ? median(pages.map((c) => c.transferMs)) : NaN;
    const apply = pages.length ? median(pages.map((c) => c.applyMs)) : NaN;
    const eventsOnly = pages.length ? median(pages.map((c) => c.eventsOnlyMs)) : NaN;
    out.push(`bootstrap: a page of 5000 took ${msText(perPage)} end to end in the ${f(boot.events)}-event run${pages.length ? `; replayed, its events alone take ${msText(eventsOnly)} in one transaction and the whole apply ${msText(apply)}, the bridge transfer ${msText(transfer)} (overlapped: the next page is asked for while one is applied)` : ''}. The anchor's raw page pull (events only, one record each with three index entries) was the ceiling while the log kept one record per event; since schema v16 the log holds a page's events in a few records (up to 250 events and 56 KiB each), so the events cost a fraction of that and the rest is the projections: the streams' rows and logged counts read (in runs of ids close in time since db/pageStreams.ts: a few requests a page, where it was two a stream), the folds, and a ticket row's index keys, above all its search terms (about 22 a row, written once per ticket per page: a note writes no row; a bootstrap's pages with more to come write them straight into the big index, the last page's into the fresh tier's record). The renderer mostly waits on the IndexedDB backend (the browser process), which writes every index entry.`);
  }
  if (r.incremental.length) {
    const ms = median(r.incremental.map((i) => i.ms));
    const store = median(r.incremental.map((i) => i.inStoreMs));
    out.push(`incremental pull: of ${msText(ms)}, ${msText(store)} from the first pull request until the last page is applied (one page of 1000 on a store of ${f(Math.max(...r.bootstraps.map((b) => b.events)))} events: 250 new ticket rows with their index keys, their search terms, while fresh, in one record of the page's distinct terms, db/termsTier.ts, merged into the big index while the desk is idle) and ${msText(ms - store)} for the queue to re-query (at once: the engine says when a pulled page has committed) and render. Where the store's part goes: the \`--trace\` timelines (the app's perfTrace moments) in the dated paragraph below.`);
  }
  if (r.raw?.length) {
    const names = Object.keys(r.raw[0]!);
    out.push(`IndexedDB alone, on the caught-up store on disk (the app's own database, one transaction of raw requests with no app code, aborted at the end; medians of ${r.raw.length}): ${names.map((name) => `${name} ${msText(median(r.raw!.map((x) => x[name] ?? NaN)))}`).join('; ')}. An incremental pull must do at least the rows and counts (the line of 250 streams asked one by one, as before db/pageStreams.ts; the app now reads them in runs: a range read and a count), the 1,000 events as the log keeps them (records, since schema v16) and the 250 tickets with all their indexes (since schema v17 their terms, while fresh, in one record of the page's distinct terms: that line, not the one of all indexes in the big region; the merge line is the deferred part, done while the desk is idle), so those three are its floor: each request costs about as much as its record's bytes and index keys together, and a record's fixed cost is most of it. The line of 1,000 events one record each is the log before v16; the lines of 250 stream chunks and one page record are the other layouts measured before choosing.`);
  }
  if (r.push.length) out.push(`push: one batch of 1000 (about 450 KB) read from the outbox, rows carrying their event (25–55 ms; one row more than a batch is asked for, so a batch that is the whole outbox ends the push with no further read); through the bridge to the host and the hub and back, 70–130 ms (the bridge's checks of the 1000 events, the host's and the hub's JSON, the hub's durable insert: the hub alone answers a batch of 1000 in 40–90 ms); then the rows leave the outbox in one key-range delete, a strict transaction (20–30 ms), beside the journal's acknowledgement (\`--trace\` timelines on the 100,000-event store). After the push the run pulls the same events back (skipped by id), which is not in this figure.`);
  const saves = r.bootstraps.flatMap((b) => b.saves);
  if (saves.length) out.push(`a save during a bootstrap: IndexedDB runs read-write transactions over the same tables one after another, so a save would wait for the pull's transaction in progress; while someone works at the desk (a key, a click or a save in the last 10 s) pulls ask for pages of 500 and apply them in slices of about 8 ms, and rest four times a slice's time before the next; a slice does not start while a save is under way, and one still making its requests when a save begins gives way (aborted, nothing written, applied again after the save), so a save waits at most for a slice's commit under way; what is left is the 2 shared cores, which the pull (the hub's answers, the page's folds, the backend's writes and flushes) keeps busy a fifth of the time.`);
  if (r.load.before[0]! > 1.5) out.push(`**The machine was shared** (load average ${r.load.before[0]!.toFixed(1)} at the start): CPU-bound figures are inflated, the anchor's as much as ours, which is why the ratios are taken in one run.`);
  return out.join(' ');
}

export function renderReport(r: SyncRunResults): string {
  const m = r.machine;
  const a = r.anchor;
  const q = ratios(r);
  const saves: Summary | null = r.bootstraps.some((b) => b.saves.length) ? summarise(r.bootstraps.flatMap((b) => b.saves)) : null;
  const pullMedian = median(r.incremental.map((i) => i.ms));
  const pullStore = median(r.incremental.map((i) => i.inStoreMs));
  const pushMedian = median(r.push.map((p) => p.ms));
  const rows: string[] = [];
  for (const b of [...r.bootstraps].sort((x, y) => x.events - y.events || x.saves.length - y.saves.length)) {
    // The run with saves is there for the saves (its pull works in short slices): not compared.
    const compared = a && b.events === a.n && (b.saves.length === 0 || !r.bootstraps.some((x) => x.events === b.events && x.saves.length === 0));
    const who = b.saves.length ? `, with someone saving a ticket every 250 ms (the pull in short slices)` : ', nobody at the desk';
    rows.push(`| **Bootstrap** of a new station, ${f(b.events)} events${who} (page load → caught up, every projection) | **${f(b.eventsPerSecond)} ev/s** (${f(b.totalMs / 1000, 1)} s; joined after ${f(b.joinedMs / 1000, 1)} s; pull alone ${f(b.pullEventsPerSecond)} ev/s) | ${compared ? `${f(a.bootstrapBest.value)} docs/s (${a.bootstrapBest.key})` : '—'} | ${compared ? `${f(q.bootstrap, 2)}×` : ''} | ${compared ? `≥ ${TARGETS.bootstrapRatio}×` : ''} | ${compared ? verdict(q.bootstrap >= TARGETS.bootstrapRatio) : ''} | ${compared && a.rawBootstrap ? `${f(a.rawBootstrap.value)} ev/s` : ''} |`);
    rows.push(`| renderer peak memory during that bootstrap (RSS from /proc; JS heap from CDP) | ${f(b.memory.rendererMiB)} MiB (JS heap ${f(b.memory.jsHeapMiB)} MiB${b.memory.jsHeapAfterGcMiB === undefined || Number.isNaN(b.memory.jsHeapAfterGcMiB) ? '' : `, ${f(b.memory.jsHeapAfterGcMiB)} MiB after a collection at the end`}; browser process ${f(b.memory.browserMiB)} MiB, all of Chromium ${f(b.memory.totalMiB)} MiB) | | | ${b.events >= 1_000_000 ? `< ${TARGETS.rendererMiB} MB` : ''} | ${b.events >= 1_000_000 ? verdict(b.memory.rendererMiB * 1.048576 < TARGETS.rendererMiB) : ''} | |`);
  }
  if (r.incremental.length) rows.push(`| **Incremental pull** of 1,000 new events into the caught-up ${f(Math.max(...r.bootstraps.map((b) => b.events)))}-event store (first pull request → the new ticket in the queue on screen), median of ${r.incremental.length} | **${msText(pullMedian)}** (in the store after ${msText(pullStore)}; each: ${r.incremental.map((i) => msText(i.ms)).join(', ')}) | ${a ? `${msText(a.pullBest.value)} (${a.pullBest.key}, ${f(a.n)} in sync)` : '—'} | ${a ? `${f(q.pull, 2)}×` : ''} | ≥ ${TARGETS.pullRatio}× | ${a ? verdict(q.pull >= TARGETS.pullRatio) : ''} | ${a?.rawPull ? msText(a.rawPull.value) : ''} |`);
  if (r.push.length) rows.push(`| **Push** of 1,000 outbox events (first push request → outbox settled), median of ${r.push.length} | **${msText(pushMedian)}** (each: ${r.push.map((p) => msText(p.ms)).join(', ')}) | ${a ? `${msText(a.pushBest.value)} (${a.pushBest.key})` : '—'} | ${a ? `${f(q.push, 2)}×` : ''} | ≥ ${TARGETS.pushRatio}× | ${a ? verdict(q.push >= TARGETS.pushRatio) : ''} | ${a?.rawPush ? msText(a.rawPush.value) : ''} |`);
  if (saves) rows.push(`| **One save while a bootstrap runs** (createTicket → committed, strict durability, one every 250 ms from the join to caught up) | p50 ${msText(saves.p50)}, **p95 ${msText(saves.p95)}**, max ${msText(saves.max)} (n=${saves.n}) | | | p95 < ${TARGETS.saveP95Ms} ms | ${verdict(saves.p95 < TARGETS.saveP95Ms)} | |`);

  const seeded = r.seeded.map((s) => `${f(s.events)} events (${f(s.tickets)} tickets; ${f(s.bytes.mean)} bytes mean, ${f(s.bytes.min)}–${f(s.bytes.max)}; seeded ${s.generatedAt.slice(0, 10)} in ${f(s.seedSeconds)} s)`).join(' and ');
  return `
Run: ${r.date.slice(0, 10)} (${r.date}), \`npm run bench:sync\` (bench/sync.ts, bench/sync/). A benchmark, not a test: nothing here is asserted.

**Machine**: ${m.nproc} CPUs (\`nproc\`), ${m.model}, ${m.memoryGiB} GiB memory; ${m.chromium} (Debian, headless, launch options of playwright.config.ts), Node ${m.node}. Load average (1/5/15 min) when measuring began: ${r.load.before.map((l) => l.toFixed(1)).join(' / ')}, when it ended: ${r.load.after.map((l) => l.toFixed(1)).join(' / ')}${r.load.before[0]! > 1.5 ? ' (other work was running: every figure here is CPU-bound and pessimistic)' : ''}.

**Workload**: a real hub (SQLite, a copy of the cached store per run) holding a two-year estate's log, ${seeded}: the founding station's setup (first manager, station, settings), 11 staff with PINs, the control room's station, then tickets opened, notes and status changes with Chinese text, the day's by the front desk and the night's (22:00–08:00) by the control room (bench/sync/estate.ts; every event checked by the registry before it is pushed; seeded through the hub's HTTP push in batches of 1000). The new station is the real web shell started as an unattended install (\`--hub --hub-token-file\`, fresh data folder) and headless Chromium with a fresh profile on disk: it enrols, joins the estate by itself, pulls pages of 5000 (the next asked for while one is applied) and applies each with every projection, in one transaction with nobody at the desk, in slices of about 8 ms while someone works there. The anchor (\`../shared/anchors/pouchdb-sync\`, PouchDB 9, ${a ? `N=${f(a.n)}, run ${a.when.slice(0, 16)}` : 'not run'}) ran in the same run on the same machine${a && a.foreignCpuS > 5 ? ` (other processes used up to ${f(a.foreignCpuS, 1)} CPU s during one of its measurements)` : ''}.

| Figure | DutyDesk | PouchDB 9 best (same run) | Ratio | Target | | Raw Dexie page pull, events only, one record each (the anchor's) |
|---|---|---|---|---|---|---|
${rows.join('\n')}

${r.missing.length ? `**Not measured in this run**: ${r.missing.join('; ')}.\n\n` : ''}${profileText(r)}**What limits each figure**: ${limits(r)}

How it is measured: bootstrap from \`page.goto\` to the engine's cursor (\`meta 'sync:cursor'\`, written with each page) at the hub's last seq, polled from the page, then the tickets table checked to hold every seeded ticket (and the saves made meanwhile); "pull alone" starts at the first applied page (after the page load, the host's enrolment and the first whoami). Incremental pull (nobody at the desk for the 10 s before, as in the anchor's run): another station (CR-1, its own token) pushes 1,000 events straight to the hub (250 tickets opened, the last one urgent, and 750 notes); the page asks for a sync ("sync now", \`sync:request('now')\` over a second bridge connection), the station's own poll (every 3 s) may start it first, so the figure runs from the engine's first pull request of that run (its run record) to a MutationObserver seeing the new ticket's number in the queue. Push: 1,000 notes saved in one transaction through the EventStore (a batch: an import, a back-fill), then from the engine's first push request to the outbox settled (its run record's \`pushMs\`). The PouchDB figures are its own timings in the page (replicate() start to complete): no page load, no UI.
`;
}
