// A seeded, faulty network between a station and the real hub. Each call may be dropped before
// it reaches the hub, have its answer dropped after the hub committed (F9), be sent twice, be
// answered with the previous pull page again (a replayed page), or the run may be cut between
// pages (F7: the renderer dies mid-run, modelled as a throw out of the transport).
import type { PullAnswer, PushAnswer, SyncEvent } from '@shared/sync/syncContract';
import type { SyncTransport } from '../../../src/renderer/sync/transport';
import type { Random } from '../../hub/support/random';

/** Chances per call, 0 to 1. */
export interface Faults {
  dropRequest: number;
  dropAnswer: number;
  duplicatePush: number;
  replayPull: number;
  cut: number;
}

export const NO_FAULTS: Faults = { dropRequest: 0, dropAnswer: 0, duplicatePush: 0, replayPull: 0, cut: 0 };

/** The error a cut run throws: the tests catch exactly this. */
export class RunCut extends Error {
  constructor() {
    super('simulated: the run was cut between pages');
  }
}

/** What a real hub client gives: push and pull answers (failures as answers, never throws). */
export interface HubCalls {
  push(events: SyncEvent[], relay: boolean): Promise<PushAnswer>;
  pull(after: number, limit: number): Promise<PullAnswer>;
}

const unreachable = { ok: false as const, failure: 'unreachable' as const, status: null, message: 'simulated network failure' };

export interface NetworkLog {
  pushes: number;
  pulls: number;
  dropped: number;
  answersLost: number;
  duplicated: number;
  replayed: number;
  cuts: number;
}

export class FaultyNetwork {
  faults: Faults = { ...NO_FAULTS };
  /** The station's clock minus the real one: the hub client measures against the real clock. */
  clockOffsetMs = 0;
  /** While down, every call is unreachable (the hub is stopped, the cable pulled). */
  down = false;
  log: NetworkLog = { pushes: 0, pulls: 0, dropped: 0, answersLost: 0, duplicated: 0, replayed: 0, cuts: 0 };
  /** Every push that reached the hub: its size and how the hub answered. */
  pushLog: { events: number; bytes: number; relay: boolean; failure: string | null; statuses: string[] }[] = [];
  /** Every pull that reached the hub. */
  pullLog: { after: number; limit: number; events: number; last: number | null }[] = [];
  /** F7: the run is cut when this many more pulls have been asked for (null: never). */
  cutAtPull: number | null = null;
  private lastPull: PullAnswer | null = null;

  /** `hub` is replaced when the station is pointed at another hub (F19: a restored one). */
  constructor(public hub: HubCalls, private random: Random) {}

  private chance(p: number): boolean {
    return p > 0 && this.random.next() < p;
  }

  /** hubTime minus this station's (offset) clock, as the host would measure it there. */
  private skew<T extends PushAnswer | PullAnswer>(answer: T): T {
    return answer.ok ? { ...answer, offsetMs: answer.offsetMs - this.clockOffsetMs } : answer;
  }

  async push(events: SyncEvent[], relay: boolean): Promise<PushAnswer> {
    this.log.pushes++;
    if (this.chance(this.faults.cut)) {
      this.log.cuts++;
      throw new RunCut();
    }
    if (this.down || this.chance(this.faults.dropRequest)) {
      this.log.dropped++;
      return unreachable;
    }
    let answer = await this.hub.push(events, relay);
    this.pushLog.push({
      events: events.length, bytes: Buffer.byteLength(JSON.stringify({ events, relay })), relay,
      failure: answer.ok ? null : answer.failure, statuses: answer.ok ? answer.results.map((r) => r.status) : [],
    });
    if (this.chance(this.faults.duplicatePush)) {
      this.log.duplicated++;
      const again = await this.hub.push(events, relay);
      if (this.random.next() < 0.5) answer = again;
    }
    if (this.chance(this.faults.dropAnswer)) {
      this.log.answersLost++;
      return unreachable;
    }
    return this.skew(answer);
  }

  async pull(after: number, limit: number): Promise<PullAnswer> {
    this.log.pulls++;
    if (this.cutAtPull !== null && --this.cutAtPull <= 0) {
      this.cutAtPull = null;
      this.log.cuts++;
      throw new RunCut();
    }
    if (this.chance(this.faults.cut)) {
      this.log.cuts++;
      throw new RunCut();
    }
    if (this.down || this.chance(this.faults.dropRequest)) {
      this.log.dropped++;
      return unreachable;
    }
    // The page just applied, delivered again in place of the next one (a proxy's replay).
    if (this.lastPull?.ok && this.lastPull.last === after && this.lastPull.more && this.chance(this.faults.replayPull)) {
      this.log.replayed++;
      return this.skew(this.lastPull);
    }
    const answer = await this.hub.pull(after, limit);
    this.lastPull = answer;
    this.pullLog.push({ after, limit, events: answer.ok ? answer.events.length : 0, last: answer.ok ? answer.last : null });
    if (this.chance(this.faults.dropAnswer)) {
      this.log.answersLost++;
      return unreachable;
    }
    return this.skew(answer);
  }
}

/** The transport a simulated station's engine gets: the faulty network plus its host's journal. */
export function simulatedTransport(net: FaultyNetwork, host: import('./memoryHost').MemoryHost): SyncTransport {
  return {
    push: (events, relay) => net.push(events, relay),
    pull: (after, limit) => net.pull(after, limit),
    journalAppend: async (events) => host.journalAppend(events),
    journalAck: async (ids) => host.journalAck(ids),
    journalPending: async (from) => host.journalPending(from),
    instance: async (record, adopt) => host.instance(record, adopt),
    request: async (when) => void host.requests.push(when),
  };
}
