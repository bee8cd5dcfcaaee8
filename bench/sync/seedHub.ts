// The hub a bootstrapping station meets: a real hub on SQLite holding a two-year estate's log
// (bench/sync/estate.ts), filled through its own HTTP push in batches of 1000, as stations fill
// it. Generated once per size into bench/.data/sync-hub-<events>/ (gitignored) and copied for
// each run, so a run's own pushes and stations never change the cached store.
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeskEvent } from '../../src/shared/events/envelope';
import { hashPin } from '../../src/shared/staff/pin';
import { checkEvent } from '../../src/shared/events/registry';
import { enrolStations, initStore } from '../../tests/hub/support/enrol';
import { startHub, type RunningHub } from '../../tests/hub/support/hubProcess';
import { call } from '../hub/load';
import { CONTROL_ROOM, ESTATE, FOUNDING, eventBytes, planEstate, type EstateStaff } from './estate';

export const BATCH = 1000;

export interface SeededHub {
  dir: string;
  events: number;
  tickets: number;
  /** The seq of the newest event in the store when it was seeded. */
  lastSeq: number;
  hubEpoch: string;
  staff: EstateStaff[];
  /** The seeding stations' tokens (local cache only, 0600, gitignored). */
  tokens: { founding: string; controlRoom: string };
  bytes: { mean: number; min: number; max: number };
  generatedAt: string;
  seedSeconds: number;
}

const seedFile = (dir: string) => join(dir, 'seed.json');
export const hubData = (dir: string) => join(dir, 'hub');

async function pushBatch(base: URL, token: string, events: DeskEvent[]): Promise<void> {
  const answer = await call(base, token, 'POST', '/v1/events', JSON.stringify({ events, relay: true }));
  if (answer.status !== 200) throw new Error(`seeding push answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  const body = JSON.parse(answer.text) as { stored: number; results: { id: string; status: string; code?: string; message?: string }[] };
  const refused = body.results.find((r) => r.status !== 'stored');
  if (refused) throw new Error(`the hub did not store a seeded event: ${JSON.stringify(refused)}`);
}

/** Reads the seq of the newest event the site holds (a pull from just below `count`). */
export async function lastSeqOf(hubUrl: string, token: string, atLeast: number): Promise<number> {
  let after = Math.max(0, atLeast - 1);
  for (;;) {
    const answer = await call(new URL(hubUrl), token, 'GET', `/v1/events?after=${after}&limit=5000`);
    if (answer.status !== 200) throw new Error(`pull answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    const page = JSON.parse(answer.text) as { last: number; more: boolean };
    if (!page.more) return page.last;
    after = page.last;
  }
}

/** The cached store of this size, generated (and pushed through a real hub) when missing. */
export async function seedHub(options: { events: number; dir: string; fresh: boolean; log: (line: string) => void }): Promise<SeededHub> {
  const { dir, log } = options;
  if (!options.fresh && existsSync(seedFile(dir))) {
    const seeded = JSON.parse(readFileSync(seedFile(dir), 'utf8')) as SeededHub;
    log(`hub store: reusing ${seeded.events.toLocaleString('en')} events seeded ${seeded.generatedAt} (${dir}; --fresh to regenerate)`);
    return seeded;
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const began = performance.now();
  const env = { HUB_DATA: hubData(dir) };
  await initStore(env);
  const [founding, controlRoom] = await enrolStations(env, [[ESTATE.site, FOUNDING.name], [ESTATE.site, CONTROL_ROOM.name]]);
  // One verifier per PIN (PBKDF2 is deliberately slow): every clerk shares the staff PIN.
  const pins = { manager: await hashPin(ESTATE.managerPin), staff: await hashPin(ESTATE.staffPin) };
  const plan = await planEstate({ events: options.events, days: 730, seed: 20261122, endAt: Date.now() - 10 * 60_000 }, pins);
  const hub = await startHub(env);
  let pushed = 0;
  let bytes = 0;
  let min = Infinity;
  let max = 0;
  try {
    const base = new URL(hub.url);
    let batch: DeskEvent[] = [];
    let lastLog = performance.now();
    const all = function* () {
      yield* plan.founding;
      yield* plan.ticketEvents();
    };
    for (const event of all()) {
      // Every seeded event must be one the registry accepts, or the bootstrap would measure
      // the "not understood" path instead of the fold.
      const checked = checkEvent(event);
      if (!checked.ok) throw new Error(`generated an event the registry refuses: ${checked.detail}`);
      const size = eventBytes(event);
      bytes += size;
      min = Math.min(min, size);
      max = Math.max(max, size);
      batch.push(event);
      if (batch.length === BATCH) {
        // The founding token relays the control room's events (both stations of the site).
        await pushBatch(base, founding!, batch);
        pushed += batch.length;
        batch = [];
        if (performance.now() - lastLog > 5000) {
          lastLog = performance.now();
          log(`  seeded ${pushed.toLocaleString('en')} / ${options.events.toLocaleString('en')} events (${(pushed / ((performance.now() - began) / 1000)).toFixed(0)} ev/s)`);
        }
      }
    }
    if (batch.length) await pushBatch(base, founding!, batch);
    pushed += batch.length;
    if (pushed !== options.events) throw new Error(`generated ${pushed} events, planned ${options.events}`);
    const lastSeq = await lastSeqOf(hub.url, founding!, pushed);
    const seeded: SeededHub = {
      dir, events: pushed, tickets: plan.tickets, lastSeq, hubEpoch: hub.epoch, staff: plan.staff,
      tokens: { founding: founding!, controlRoom: controlRoom! },
      bytes: { mean: bytes / pushed, min, max },
      generatedAt: new Date().toISOString(), seedSeconds: (performance.now() - began) / 1000,
    };
    writeFileSync(seedFile(dir), JSON.stringify(seeded, null, 2), { mode: 0o600 });
    chmodSync(seedFile(dir), 0o600);
    log(`hub store: seeded ${pushed.toLocaleString('en')} events (${plan.tickets.toLocaleString('en')} tickets) in ${seeded.seedSeconds.toFixed(0)} s, last seq ${lastSeq}`);
    return seeded;
  } finally {
    await hub.stop();
  }
}

export interface RunHub {
  hub: RunningHub;
  data: string;
  /** Tokens of stations enrolled for this run, by name. */
  tokens: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * A running hub on a copy of the cached store (same epoch: a file copy, not a restore), with
 * `stations` enrolled for this run.
 */
export async function startRunHub(seeded: SeededHub, stations: string[]): Promise<RunHub> {
  const data = mkdtempSync(join(tmpdir(), 'dutydesk-sync-bench-hub-'));
  cpSync(hubData(seeded.dir), data, { recursive: true });
  const env = { HUB_DATA: data };
  const issued = await enrolStations(env, stations.map((name) => [ESTATE.site, name] as [string, string]));
  const hub = await startHub(env);
  if (hub.epoch !== seeded.hubEpoch) throw new Error(`the copied store has epoch ${hub.epoch}, the seeded one ${seeded.hubEpoch}`);
  return {
    hub, data,
    tokens: Object.fromEntries(stations.map((name, i) => [name, issued[i]!])),
    stop: async () => {
      await hub.stop();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

/** Pushes events to the hub as another station would (its own token), in batches of 1000. */
export async function pushAs(hubUrl: string, token: string, events: DeskEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) await pushBatch(new URL(hubUrl), token, events.slice(i, i + BATCH));
}
