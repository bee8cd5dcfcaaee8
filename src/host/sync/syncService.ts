// The host's half of station sync (issue 13): the twelve `sync:*` bridge handlers, the hub
// client built from what is kept (hub.json + token vault), the journal and instance record
// (F14) and the scheduler that sends `sync:tick`. The renderer runs the loop; every HTTP call
// is made here so the token never leaves the host.
import { join } from 'node:path';
import type { BridgeHandlers } from '../../shared/bridge/contract';
import type { EnrolRequest, SyncHostState, WhoamiAnswer } from '../../shared/sync/syncContract';
import type { HostEvents } from '../hostEvents';
import type { Logger } from '../logging/logger';
import { createSerialQueue } from '../settings/serialQueue';
import { createHubClient, failure, type HubClient } from './hubClient';
import { loadHubConfig, saveHubConfig, type HubConfig } from './hubConfig';
import { normaliseHubUrl } from './hubUrl';
import { instanceStore } from './instance';
import { openJournal } from './journal';
import { createSyncScheduler, type CronFactory } from './syncScheduler';
import { SyncStateKeeper } from './syncState';
import type { TokenVault } from './tokenVault';

export type SyncMethod = Extract<keyof BridgeHandlers, `sync:${string}`>;
export type SyncHandlers = Pick<BridgeHandlers, SyncMethod>;

export interface SyncServiceOptions {
  dataDir: string;
  events: HostEvents;
  logger: Logger;
  vault: TokenVault;
  fetch?: typeof fetch;
  timeoutMs?: number;
  cron?: CronFactory;
  random?: () => number;
}

export interface SyncService {
  handlers: SyncHandlers;
  state(): SyncHostState;
  /** `--hub <url> --hub-token-file <file>`: keep them, then whoami if the hub answers (not answering is fine). */
  enrolUnattended(hubUrl: string, token: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function createSyncService(options: SyncServiceOptions): Promise<SyncService> {
  const { dataDir, events, logger, vault } = options;
  const folder = join(dataDir, 'sync');
  const configPath = join(folder, 'hub.json');
  let config = await loadHubConfig(configPath, logger);
  let token = await vault.read().catch((error: unknown) => {
    logger.warn('sync: the hub token cannot be read; enrol again', { reason: error instanceof Error ? error.message : 'unknown' });
    return null;
  });
  const journal = await openJournal(join(folder, 'journal.ndjson'), logger);
  const instance = instanceStore(join(folder, 'instance.json'), logger);
  const changes = createSerialQueue();
  const keeper = new SyncStateKeeper(logger, (state) => events.emit('sync:state', state));
  const makeClient = (url: string, secret: string): HubClient => createHubClient({ url, token: secret, fetch: options.fetch, timeoutMs: options.timeoutMs });
  let client: HubClient | null = null;

  const scheduler = createSyncScheduler({
    tick: (reason) => events.emit('sync:tick', { reason }),
    probe: async () => {
      if (!client) return false;
      const answer = await client.health();
      keeper.note(answer, 'health');
      return answer.ok;
    },
    onRetryAt: (retryAt) => keeper.set({ retryAt }),
    cron: options.cron,
    random: options.random,
  });

  function apply(next: HubConfig, nextToken: string | null): void {
    config = next;
    token = nextToken;
    const enrolled = config.hubUrl !== null && token !== null;
    client = enrolled ? makeClient(config.hubUrl!, token!) : null;
    keeper.set({ enrolled, hubUrl: config.hubUrl, site: config.site, station: config.station, everyMinutes: config.everyMinutes });
    scheduler.configure(enrolled, config.everyMinutes);
  }
  apply(config, token);

  const notEnrolled = () => failure('notEnrolled', null, 'this workstation is not enrolled with a hub');

  /** Every answer updates the state; a call that waiting can cure starts the backoff (F9). */
  function noted<T extends { ok: true; hubEpoch: string; offsetMs: number } | ReturnType<typeof failure>>(answer: T, call: string): T {
    keeper.note(answer, call);
    if (answer.ok) scheduler.succeeded();
    else if (answer.failure === 'unreachable' || answer.failure === 'unavailable') scheduler.failed();
    return answer;
  }

  function mismatch(answer: WhoamiAnswer & { ok: true }, request: EnrolRequest): string | null {
    if (request.expectStation !== null && answer.station !== request.expectStation) return `this token is for station ${answer.station}, this workstation is ${request.expectStation}`;
    if (request.expectSite !== null && answer.site !== request.expectSite) return `this token is for estate ${answer.site}, this workstation belongs to ${request.expectSite}`;
    return null;
  }

  async function keep(next: HubConfig, secret: string): Promise<string | null> {
    try {
      await vault.write(secret);
      await saveHubConfig(configPath, next);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown';
      logger.error('sync: the hub address and token could not be kept', { reason });
      return `the token could not be kept: ${reason}`;
    }
    apply(next, secret);
    return null;
  }

  const handlers: SyncHandlers = {
    'sync:state': () => keeper.get(),
    'sync:enrol': (request) =>
      changes.run(async () => {
        const address = normaliseHubUrl(request.hubUrl);
        if (!address.ok) return failure('refused', null, address.message);
        const answer = await makeClient(address.url, request.token).whoami();
        if (!answer.ok) {
          logger.warn('sync: enrolment failed', { hubUrl: address.url, failure: answer.failure, status: answer.status, message: answer.message });
          return answer;
        }
        const wrong = mismatch(answer, request);
        if (wrong) {
          logger.warn('sync: enrolment refused', { hubUrl: address.url, reason: wrong });
          return failure('refused', null, wrong);
        }
        const problem = await keep({ ...config, hubUrl: address.url, site: answer.site, station: answer.station }, request.token);
        if (problem) return failure('refused', null, problem);
        noted(answer, 'whoami');
        logger.info('sync: enrolled', { hubUrl: address.url, site: answer.site, station: answer.station });
        events.emit('sync:tick', { reason: 'enrolled' });
        return answer;
      }),
    'sync:test': async () => (client ? noted(await client.whoami(), 'whoami') : notEnrolled()),
    'sync:unenrol': () =>
      changes.run(async () => {
        await vault.clear();
        const next = { ...config, hubUrl: null, site: null, station: null };
        await saveHubConfig(configPath, next);
        apply(next, null);
        keeper.set({ reachable: null, lastError: null, retryAt: null, offsetMs: null, hubEpoch: null, lastContactAt: null });
        logger.info('sync: unenrolled');
        return keeper.get();
      }),
    'sync:schedule': (everyMinutes) =>
      changes.run(async () => {
        const next = { ...config, everyMinutes };
        await saveHubConfig(configPath, next);
        apply(next, token);
        return keeper.get();
      }),
    'sync:request': (kind) => {
      scheduler.request(kind);
      return null;
    },
    'sync:push': async ({ events: batch, relay }) => (client ? noted(await client.push(batch, relay), 'push') : notEnrolled()),
    'sync:pull': async ({ after, limit }) => (client ? noted(await client.pull(after, limit), 'pull') : notEnrolled()),
    'sync:journalAppend': async (batch) => {
      await journal.append(batch);
      return null;
    },
    'sync:journalAck': async (ids) => {
      await journal.ack(ids);
      return null;
    },
    'sync:journalPending': (from) => journal.pending(from),
    'sync:instance': (record, adopt) => instance.claim(record, adopt),
  };

  return {
    handlers,
    state: () => keeper.get(),
    enrolUnattended: (hubUrl, secret) =>
      changes.run(async () => {
        const address = normaliseHubUrl(hubUrl);
        if (!address.ok) {
          logger.error('sync: --hub is not a usable address', { reason: address.message });
          return;
        }
        // Kept first: a hub that is down now is tried again on the schedule.
        const sameToken = secret === token;
        const next = { ...config, hubUrl: address.url, ...(sameToken && address.url === config.hubUrl ? {} : { site: null, station: null }) };
        const problem = await keep(next, secret);
        if (problem) return;
        const answer = noted(await client!.whoami(), 'whoami');
        if (answer.ok) {
          await keep({ ...config, site: answer.site, station: answer.station }, secret);
          logger.info('sync: enrolled from the command line', { hubUrl: address.url, site: answer.site, station: answer.station });
          events.emit('sync:tick', { reason: 'enrolled' });
        } else {
          logger.warn('sync: enrolled from the command line; the hub did not confirm the token yet', { hubUrl: address.url, failure: answer.failure });
        }
      }),
    async dispose() {
      scheduler.dispose();
      await journal.close().catch(() => {});
    },
  };
}
