// One seeded convergence run (P1): an estate of three stations on the real hub, the first set up
// with the setup wizard's code, the others joining by pulling; random desk work interleaved with
// random syncs under random faults, restarts and clock offsets; then every station syncs with a
// healthy network until quiet. Returns what the assertions need; every choice comes from `seed`.
import { Random } from '../../hub/support/random';
import { TEST_STATION, loggedCount } from '../../../src/renderer/testing/testStation';
import { setupStation } from '../../../src/renderer/features/setup/setupStation';
import { managerOf, randomCommand } from './activity';
import { newEstate, type Estate, type HubHandle } from './estate';
import { NO_FAULTS, type Faults } from './network';
import { snapshot, type Snapshot } from './snapshot';
import type { SimStation } from './station';

export interface ScenarioSize {
  rounds: number;
}

export interface ScenarioResult {
  estate: Estate;
  snapshots: Snapshot[];
  hubEvents: Record<string, unknown>[];
  trace: string[];
}

const MINUTE = 60_000;
const OFFSETS = [0, 0, 0, -60 * MINUTE, 5 * MINUTE, 90 * 1000, -24 * 60 * MINUTE, 9 * MINUTE];

function randomFaults(random: Random): Faults {
  if (random.next() < 0.3) return { ...NO_FAULTS };
  const p = () => random.pick([0, 0.05, 0.15, 0.3]);
  return { dropRequest: p(), dropAnswer: p(), duplicatePush: p(), replayPull: p(), cut: random.pick([0, 0.05, 0.1]) };
}

export async function runScenario(hub: HubHandle, seed: number, size: ScenarioSize): Promise<ScenarioResult> {
  const random = new Random(seed);
  const trace: string[] = [];
  const estate = await newEstate(hub, random, {
    clockOffsets: [random.pick(OFFSETS), random.pick(OFFSETS), random.pick(OFFSETS)],
    pageLimit: random.pick([2, 5, 20, 1000]),
    pushBytes: random.pick([2048, 8192, 512 * 1024]),
  });
  const first = estate.stations[0]!;
  trace.push(`offsets ${estate.stations.map((s) => s.options.clockOffsetMs).join(',')} pageLimit ${first.options.pageLimit} pushBytes ${first.options.pushBytes}`);

  // The first station is set up as the wizard does; the others join by pulling.
  await first.onOwnClock(() => setupStation(first.db, { ...TEST_STATION, stationName: first.name, stationCode: first.options.code }));
  await first.openStore();
  await first.remember();
  const manager = await managerOf(first);
  const joined = new Set<SimStation>([first]);

  const sync = async (station: SimStation) => {
    station.net.faults = randomFaults(random);
    const result = await station.sync();
    trace.push(`${station.name} sync ${result === 'cut' ? 'cut' : result.ok ? 'ok' : `failed ${result.record.failure}`}`);
    if (!joined.has(station) && (await loggedCount(station.db)) > 0 && (await station.db.staff.get(manager))) {
      try {
        await station.joinFromPulled();
        joined.add(station);
        trace.push(`${station.name} joined`);
      } catch {
        // The estate's configuration has not arrived yet: a later run brings it.
      }
    }
  };

  for (let round = 0; round < size.rounds; round++) {
    const station = random.pick(estate.stations);
    const roll = random.int(100);
    if (roll < 45 && joined.has(station)) {
      for (let i = 1 + random.int(3); i > 0; i--) trace.push(`${station.name} ${await randomCommand(station, random, manager)}`);
    } else if (roll < 80) {
      await sync(station);
    } else if (roll < 88 && joined.has(station)) {
      // A save while the station's own run pulls and pushes.
      const [, command] = await Promise.all([sync(station), randomCommand(station, random, manager)]);
      trace.push(`${station.name} ${command} during the run`);
    } else if (roll < 94) {
      // Two stations' runs at once against the hub.
      const other = random.pick(estate.stations.filter((s) => s !== station));
      await Promise.all([sync(station), sync(other)]);
    } else {
      await station.restart();
      trace.push(`${station.name} restarted`);
    }
  }

  // Healthy network: the estate's setup goes out; a station that has not joined yet joins (its join saves an event), then
  // everyone pushes, then everyone pulls what the others pushed.
  await first.syncUntilQuiet();
  for (const station of estate.stations) {
    if (joined.has(station)) continue;
    await station.syncUntilQuiet();
    await station.joinFromPulled();
    joined.add(station);
  }
  for (let pass = 0; pass < 2; pass++) for (const station of estate.stations) await station.syncUntilQuiet();
  for (const s of estate.stations) trace.push(`${s.name} network ${JSON.stringify(s.net.log)}`);
  const snapshots = await Promise.all(estate.stations.map((s) => snapshot(s.db)));
  const hubEvents = await estate.raw[0]!.pullAll();
  return { estate, snapshots, hubEvents, trace };
}
