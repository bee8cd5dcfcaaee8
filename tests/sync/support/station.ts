// One simulated workstation: its own fake-indexeddb database (own name), its own station
// identity (the hub's station name, a station code, a node id), the EventStore the features
// write through, the sync engine, and what its host keeps beside the data (MemoryHost). The
// network to the real hub is a FaultyNetwork over the real hub client.
import { createHubClient } from '../../../src/host/sync/hubClient';
import { DeskDatabase } from '../../../src/renderer/db/database';
import { EventStore } from '../../../src/renderer/db/eventStore';
import { readMeta } from '../../../src/renderer/db/meta';
import { identityOf, lastHlc, readClockOffset, type StationRecord } from '../../../src/renderer/desk/boot';
import { createSyncEngine, type SyncEngineOptions } from '../../../src/renderer/sync/syncEngine';
import { checkInstance, rememberInstance, type InstanceCheck } from '../../../src/renderer/sync/recovery';
import { completeJoin } from '../../../src/renderer/features/setup/joinEstate';
import type { SyncEngine, SyncRunResult } from '../../../src/renderer/sync/engineTypes';
import type { SyncTransport } from '../../../src/renderer/sync/transport';
import type { Random } from '../../hub/support/random';
import { MemoryHost } from './memoryHost';
import { FaultyNetwork, NO_FAULTS, RunCut, simulatedTransport } from './network';

export interface StationOptions {
  /** The hub's station name (the token's). */
  name: string;
  code: string;
  token: string;
  hubUrl: string;
  random: Random;
  /** This workstation's clock minus the real one. */
  clockOffsetMs?: number;
  pageLimit?: number;
  pushBytes?: number;
  /** A stopped clock (F4: a browser rounding Date.now, or a frozen one): this time, always. */
  frozenAt?: number;
  /** Further engine options (F12: an older or newer version's registry check). */
  engine?: Partial<SyncEngineOptions>;
}

let databases = 0;
/** The test process's clock, taken before any station's `onOwnClock` replaces Date.now for a moment. */
const realNow = Date.now.bind(Date);

export class SimStation {
  readonly host = new MemoryHost();
  readonly net: FaultyNetwork;
  readonly dbName = `sync-sim-${process.pid}-${++databases}`;
  db!: DeskDatabase;
  store: EventStore | null = null;
  engine!: SyncEngine;
  /** Wraps the transport the engine gets (F18 tests put their own around it). */
  transport: SyncTransport;
  private unhook: (() => void) | null = null;
  /** What the boot-time instance check (F14) found at the last open. */
  instanceCheck: InstanceCheck | null = null;

  constructor(readonly options: StationOptions) {
    this.net = new FaultyNetwork(createHubClient({ url: options.hubUrl, token: options.token, timeoutMs: 20_000 }), options.random);
    this.net.clockOffsetMs = options.clockOffsetMs ?? 0;
    this.transport = simulatedTransport(this.net, this.host);
  }

  get name(): string {
    return this.options.name;
  }

  /** This workstation's clock. */
  now = (): number => this.options.frozenAt ?? realNow() + (this.options.clockOffsetMs ?? 0);

  /** Opens (or reopens) the database, the store (if the station is configured) and the engine. */
  async open(): Promise<void> {
    this.db = new DeskDatabase(this.dbName);
    this.db.onReplaced = () => undefined;
    await this.db.open();
    // As boot does: the store's instance id against the host's record (F14), before the store opens.
    this.instanceCheck = await checkInstance(this.db, this.transport, this.now);
    await this.openStore();
    this.engine = createSyncEngine({ db: this.db, transport: this.transport, clock: this.store, pageLimit: this.options.pageLimit ?? 1000, pushBytes: this.options.pushBytes ?? 512 * 1024, now: this.now, ...this.options.engine });
  }

  /** The store of a configured station, resuming its clock as boot does (desk/boot.ts). */
  async openStore(): Promise<EventStore | null> {
    const station = await readMeta<StationRecord>(this.db, 'station');
    if (!station) return null;
    this.unhook?.();
    this.store = new EventStore(this.db, identityOf(station), await lastHlc(this.db, this.now), this.now, await readClockOffset(this.db));
    // What the renderer does after a save (F14): the events go to the host's journal.
    this.unhook = this.store.onAppended((events) => void this.transport.journalAppend(events));
    this.engine?.setClock(this.store);
    return this.store;
  }

  /** A station set up by setupStation elsewhere: take its store. */
  adopt(store: EventStore): void {
    this.store = store;
    this.unhook?.();
    this.unhook = store.onAppended((events) => void this.transport.journalAppend(events));
    this.engine.setClock(store);
  }

  /** Close and reopen: what a renderer reload or a workstation restart does. */
  async restart(): Promise<void> {
    this.engine.dispose();
    this.unhook?.();
    this.unhook = null;
    this.store = null;
    this.db.close();
    await this.open();
  }

  /** One run; a cut run (RunCut thrown out of the transport) counts as a failed run. */
  async sync(): Promise<SyncRunResult | 'cut'> {
    try {
      return await this.engine.runOnce();
    } catch (error) {
      if (error instanceof RunCut) return 'cut';
      throw error;
    }
  }

  /**
   * F10-F12 aside, a station with a healthy network empties its outbox and catches up: runs
   * until one run is good with nothing left to push. Throws after `max` runs.
   */
  async syncUntilQuiet(max = 20): Promise<SyncRunResult> {
    this.net.faults = { ...NO_FAULTS };
    this.net.down = false;
    let last: SyncRunResult | 'cut' = 'cut';
    for (let i = 0; i < max; i++) {
      last = await this.sync();
      if (last !== 'cut' && last.ok && (await this.db.outbox.count()) === 0) return last;
    }
    throw new Error(`${this.name} did not get quiet in ${max} runs: ${JSON.stringify(last)}`);
  }

  /**
   * A second station joining (features/setup/joinEstate): once the estate's configuration and
   * staff have arrived, its station record (the token's name, its own code, a new node id) is
   * written and its own `station.configured` saved; the host's instance record learns it (F14).
   */
  async joinFromPulled(): Promise<StationRecord> {
    const { station } = await this.onOwnClock(() => completeJoin(this.db, { stationName: this.name, stationCode: this.options.code }));
    await this.openStore();
    await rememberInstance(this.db, this.transport);
    return station;
  }

  /**
   * Runs code that reads `Date.now()` itself (setup, join) on this workstation's clock: in the
   * app that is the machine's clock; here every station shares the test process's.
   */
  async onOwnClock<T>(work: () => Promise<T>): Promise<T> {
    const real = Date.now;
    const { frozenAt, clockOffsetMs = 0 } = this.options;
    Date.now = () => frozenAt ?? real() + clockOffsetMs;
    try {
      return await work();
    } finally {
      Date.now = real;
    }
  }

  /** Points the station at another hub address with the same token (F19: a hub restored elsewhere). */
  retarget(hubUrl: string): void {
    this.net.hub = createHubClient({ url: hubUrl, token: this.options.token, timeoutMs: 20_000 });
  }

  /** After setup: the host's instance record learns the station identity (F14). */
  async remember(): Promise<void> {
    await rememberInstance(this.db, this.transport);
  }

  close(): void {
    this.engine?.dispose();
    this.unhook?.();
    this.db?.close();
  }
}
