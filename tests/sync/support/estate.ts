// One real hub (SQLite in a temporary folder) for a test file, and estates on it: each estate is
// a new site with its own stations, so hundreds of seeds share one hub process and never see
// each other's events (sites are independent, sync protocol v1).
import { afterAll, beforeAll } from 'vitest';
import { Station as RawStation } from '../../hub/support/client';
import { enrolStations } from '../../hub/support/enrol';
import { startHub, type RunningHub } from '../../hub/support/hubProcess';
import { Random } from '../../hub/support/random';
import { createStore, type TestStore } from '../../hub/support/stores';
import { setupStation } from '../../../src/renderer/features/setup/setupStation';
import { TEST_STATION } from '../../../src/renderer/testing/testStation';
import { SimStation, type StationOptions } from './station';

export interface HubHandle {
  store: TestStore;
  hub: RunningHub;
}

/** A hub for the file, started before its tests and stopped after them. */
export function useSyncHub(): HubHandle {
  const handle = {} as HubHandle;
  beforeAll(async () => {
    handle.store = await createStore('sqlite');
    handle.hub = await startHub(handle.store.env);
  });
  afterAll(async () => {
    await handle.hub?.stop();
    await handle.store?.drop();
  });
  return handle;
}

let sites = 0;

export interface Estate {
  site: string;
  stations: SimStation[];
  tokens: string[];
  /** A protocol-level peer per station (tests/hub/support/client): what the hub holds. */
  raw: RawStation[];
  close(): void;
}

export interface EstateOptions extends Partial<Pick<StationOptions, 'pageLimit' | 'pushBytes'>> {
  names?: string[];
  clockOffsets?: number[];
  /** Options for one station each (a frozen clock, an engine option). */
  perStation?: Partial<StationOptions>[];
}

const CODES = ['FD', 'CR', 'SV', 'GT', 'LB'];

/** A new site on the hub with its stations enrolled and opened (none set up yet). */
export async function newEstate(handle: HubHandle, random: Random, options: EstateOptions = {}): Promise<Estate> {
  const names = options.names ?? ['front-desk', 'control-room', 'supervisor'];
  const site = `estate-${process.pid}-${++sites}`;
  const tokens = await enrolStations(handle.store.env, names.map((n) => [site, n]));
  const stations = names.map((name, i) => new SimStation({
    name, code: CODES[i]!, token: tokens[i]!, hubUrl: handle.hub.url, random: new Random(random.int(2 ** 31)),
    clockOffsetMs: options.clockOffsets?.[i] ?? 0, pageLimit: options.pageLimit, pushBytes: options.pushBytes, ...options.perStation?.[i],
  }));
  for (const station of stations) await station.open();
  return {
    site, stations, tokens,
    raw: tokens.map((t) => new RawStation(handle.hub.url, t)),
    close: () => stations.forEach((s) => s.close()),
  };
}

/**
 * An estate whose first station is set up (setup wizard's code) and whose others have joined by
 * pulling, all quiet; returns it with the first manager's id (the actor of later work).
 */
export async function joinedEstate(handle: HubHandle, seed: number, options: EstateOptions = {}): Promise<Estate & { manager: string }> {
  const estate = await newEstate(handle, new Random(seed), options);
  const [first, ...others] = estate.stations as [SimStation, ...SimStation[]];
  const { managerId } = await first.onOwnClock(() => setupStation(first.db, { ...TEST_STATION, stationName: first.name, stationCode: first.options.code }));
  await first.openStore();
  await first.remember();
  await first.syncUntilQuiet();
  for (const station of others) {
    await station.syncUntilQuiet();
    await station.joinFromPulled();
  }
  return { ...estate, manager: managerId };
}
