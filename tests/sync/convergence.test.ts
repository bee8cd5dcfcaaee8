import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { useSyncHub } from './support/estate';
import { runScenario } from './support/scenario';
import { canonical, firstDifference } from './support/snapshot';

// P1 convergence against the real hub (sync-research.md §4.5, issue 13 "Tests"): seeded runs of
// three stations with random work, random syncs, dropped requests and answers, duplicated
// pushes, replayed pull pages, runs cut between pages, restarts and clock offsets, then a healthy
// network until quiet. A failure names its seed; replay it with
//   SYNC_SEED=<seed> npx vitest run tests/sync/convergence.test.ts
// CI runs SYNC_SEEDS (default below) seeds from SYNC_SEED_BASE; the nightly script runs thousands.

const count = Number(process.env.SYNC_SEEDS ?? 200);
const base = Number(process.env.SYNC_SEED_BASE ?? 1);
const seeds = process.env.SYNC_SEED ? [Number(process.env.SYNC_SEED)] : Array.from({ length: count }, (_, i) => base + i);
const rounds = Number(process.env.SYNC_ROUNDS ?? 20);

describe('P1 convergence with the real hub', () => {
  const hub = useSyncHub();

  it.each(seeds)('P1: seed %i: every station ends with the same events and projections; the hub holds each id once', async (seed) => {
    const { estate, snapshots, hubEvents, trace } = await runScenario(hub, seed, { rounds });
    const replay = `seed ${seed} (replay: SYNC_SEED=${seed}${rounds === 20 ? '' : ` SYNC_ROUNDS=${rounds}`} npx vitest run tests/sync/convergence.test.ts)\n${trace.join('\n')}`;
    try {
      const [first, ...rest] = snapshots;
      for (const [i, other] of rest.entries()) {
        const difference = firstDifference(first!, other);
        expect(difference, `${estate.stations[i + 1]!.name} vs ${estate.stations[0]!.name}, ${replay}`).toBeNull();
      }
      // The hub holds each id once, and exactly the events every station holds.
      const hubIds = hubEvents.map((e) => e.id as string);
      expect(new Set(hubIds).size, replay).toBe(hubIds.length);
      expect([...hubIds].sort(), replay).toEqual(first!.events.map((e) => (e as { id: string }).id));
      const wire = (e: Record<string, unknown>) => canonical({ ...e, seq: undefined });
      const byId = new Map(hubEvents.map((e) => [e.id as string, e]));
      for (const event of first!.events as Record<string, unknown>[]) expect(wire(byId.get(event.id as string)!), replay).toBe(wire(event));
      // Nothing left waiting, nothing refused by the hub, nothing this version could not read.
      for (const station of estate.stations) {
        expect(await station.db.outbox.count(), `${station.name} outbox, ${replay}`).toBe(0);
        expect(await station.db.quarantine.count(), `${station.name} quarantine, ${replay}`).toBe(0);
        expect(await station.db.unknownEvents.count(), `${station.name} not understood, ${replay}`).toBe(0);
      }
      expect(first!.events.length, replay).toBeGreaterThan(4);
    } finally {
      estate.close();
    }
  });
});
